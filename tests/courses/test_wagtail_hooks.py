"""« Mes formations » on the Wagtail dashboard: the courses a trainer may edit, in course order,
with their modules and lessons, in a number of queries that does not grow with them."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission

from courses.models import CoursePage, LessonPage, ModulePage
from courses.wagtail_hooks import editable_course_list
from tests.factories.courses import course_build
from tests.factories.learning import queries_without_cache
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def trainer():
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Formateur"))
    return user


def test_my_courses_lists_courses_in_order_with_modules_and_lessons(client):
    first = course_build(modules=2, lessons_per_module=2, title="Parler aux habitants")
    second = course_build(modules=1, lessons_per_module=1, title="E-réputation")
    person = trainer()
    client.force_login(person)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Mes formations" in page
    # Course order is the tree's: the first course built comes first, whatever its title.
    assert page.index(first.title) < page.index(second.title)
    modules = list(ModulePage.objects.child_of(first).order_by("path"))
    lessons = list(LessonPage.objects.descendant_of(first).order_by("path"))
    for item in [*modules, *lessons]:
        assert reverse("wagtailadmin_pages:edit", args=[item.pk]) in page
    positions = [page.index(reverse("wagtailadmin_pages:edit", args=[p.pk]) + '"') for p in lessons]
    assert positions == sorted(positions)
    tree = editable_course_list(user=person)
    assert [node.page.title for node in tree][:2] == [first.title, second.title]
    assert [len(module.children) for module in tree[0].children] == [2, 2]


def test_my_courses_shows_only_courses_the_person_may_edit(client):
    course = course_build(modules=1, lessons_per_module=1, title="Formation ouverte")
    other = course_build(modules=1, lessons_per_module=1, title="Formation d'un autre")
    group = Group.objects.create(name="Rédacteurs d'une formation")
    GroupPagePermission.objects.create(group=group, page=course, permission_type="change")
    group.permissions.add(*Group.objects.get(name="Formateur").permissions.all())
    person = UserFactory()
    person.groups.add(group)
    assert [node.page.title for node in editable_course_list(user=person)] == [course.title]
    client.force_login(person)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert course.title in page and other.title not in page


def count_dashboard_queries(client) -> int:
    client.get(reverse("wagtailadmin_home"))  # warm caches, as a running site has them
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
    return len(queries_without_cache(captured.captured_queries))


def test_the_dashboard_queries_do_not_grow_with_courses_and_lessons(client):
    client.force_login(trainer())
    course_build(modules=1, lessons_per_module=1)
    few = count_dashboard_queries(client)
    for _ in range(3):
        course_build(modules=3, lessons_per_module=3)
    assert CoursePage.objects.count() >= 4 and LessonPage.objects.count() >= 28
    assert count_dashboard_queries(client) == few
