"""The catalogue and course outlines are public; a lesson needs a login and brings the visitor
back to it afterwards."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from courses.models import LessonPage, ModulePage
from tests.factories.courses import catalogue_get, course_build
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return course_build(modules=2, lessons_per_module=3, title="Parler aux habitants")


def test_catalogue_is_public_and_lists_the_course(client, course):
    response = client.get(catalogue_get().url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Parler aux habitants" in html
    assert f'href="{course.url}"' in html
    assert "60 minutes" in html


def test_course_page_is_public_with_its_outline(client, course):
    response = client.get(course.url)
    assert response.status_code == 200
    html = response.content.decode()
    for module in ModulePage.objects.child_of(course):
        assert module.title in html
    lessons = LessonPage.objects.descendant_of(course)
    assert lessons.count() == 6
    for lesson in lessons:
        assert lesson.title in html
        assert f'href="{lesson.url}"' in html
        assert f"{lesson.estimated_minutes} min" in html


def test_unpublished_course_is_not_in_the_catalogue(client, course):
    course.unpublish()
    assert "Parler aux habitants" not in client.get(catalogue_get().url).content.decode()
    assert client.get(course.url).status_code == 404


def test_lesson_sends_an_anonymous_visitor_to_login_with_next(client, course):
    lesson = LessonPage.objects.descendant_of(course).first()
    response = client.get(lesson.url)
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == reverse("account_login")
    assert parse_qs(location.query)["next"] == [lesson.url]
    assert lesson.title not in response.content.decode()


def test_after_login_the_visitor_lands_on_the_lesson(client, course):
    lesson = LessonPage.objects.descendant_of(course).first()
    user = UserFactory()
    login_url = client.get(lesson.url)["Location"]
    assert client.get(login_url).status_code == 200
    response = client.post(
        login_url,
        {"login": user.email, "password": "motdepasse-de-test", "next": lesson.url},
    )
    assert response.status_code == 302
    assert response["Location"] == lesson.url
    response = client.get(response["Location"])
    assert response.status_code == 200
    assert lesson.title in response.content.decode()


def test_login_does_not_follow_an_outside_next(client, course):
    user = UserFactory()
    response = client.post(
        reverse("account_login"),
        {"login": user.email, "password": "motdepasse-de-test", "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_module_page_lists_its_lessons_with_durations(client, course):
    module = ModulePage.objects.child_of(course).first()
    html = client.get(module.url).content.decode()
    for lesson in LessonPage.objects.child_of(module):
        assert lesson.title in html
        assert f"{lesson.estimated_minutes} min" in html
