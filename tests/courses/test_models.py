"""Course page models: the tree rules (catalogue → course → module → lesson), the lesson's own
validation, and the course outline."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Page

from courses.models import (
    CompletionRule,
    CourseIndexPage,
    CoursePage,
    HomePage,
    LessonPage,
    ModulePage,
)
from tests.factories.courses import catalogue_get, course_build, lesson_body_items, stream

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _french():
    """Messages are checked in French, whatever language an earlier test left active."""
    with translation.override("fr"):
        yield


PAGE_TYPES = [HomePage, CourseIndexPage, CoursePage, ModulePage, LessonPage]
# Each course page type, and the only parent type it may live under.
PARENT = {
    CourseIndexPage: HomePage,
    CoursePage: CourseIndexPage,
    ModulePage: CoursePage,
    LessonPage: ModulePage,
}


@pytest.mark.parametrize("child", list(PARENT), ids=lambda model: model.__name__)
def test_each_page_type_has_exactly_one_parent_type(child):
    assert child.allowed_parent_page_models() == [PARENT[child]]
    for parent in PAGE_TYPES:
        assert child.can_exist_under(parent()) is (parent is PARENT[child]), parent


def test_allowed_children_follow_the_course_tree():
    assert CourseIndexPage.allowed_subpage_models() == [CoursePage]
    assert CoursePage.allowed_subpage_models() == [ModulePage]
    assert ModulePage.allowed_subpage_models() == [LessonPage]
    assert LessonPage.allowed_subpage_models() == []


def test_can_create_at_in_the_real_tree():
    course = course_build(modules=1, lessons_per_module=1, quiz_every_module=False)
    module = ModulePage.objects.child_of(course).get()
    lesson = LessonPage.objects.child_of(module).get()
    home, catalogue = HomePage.objects.get(), catalogue_get()
    where = {
        CourseIndexPage: home,
        CoursePage: catalogue,
        ModulePage: course,
        LessonPage: module,
    }
    for model, parent in where.items():
        assert model.can_create_at(parent), model
        for other in {home, catalogue, course, module, lesson} - {parent}:
            assert not model.can_create_at(other), (model, other)
    for model in PAGE_TYPES:
        assert not model.can_create_at(lesson)


def test_home_page_sits_at_the_root_only_once():
    assert HomePage.allowed_parent_page_models() == [Page]
    assert not HomePage.can_create_at(Page.get_first_root_node())  # max_count = 1, already there


def _lesson(**fields) -> LessonPage:
    module = ModulePage.objects.child_of(course_build(modules=1, lessons_per_module=0)).get()
    lesson = LessonPage(
        title="Leçon sans quiz",
        slug="lecon-sans-quiz",
        body=stream(LessonPage, "body", lesson_body_items(1)),
        **fields,
    )
    module.add_child(instance=lesson)
    return lesson


def test_a_lesson_closed_by_a_quiz_needs_questions():
    lesson = _lesson(completion_rule=CompletionRule.VIEWED)
    lesson.full_clean()
    lesson.completion_rule = CompletionRule.QUIZ_PASSED
    with pytest.raises(ValidationError) as raised:
        lesson.full_clean()
    assert raised.value.message_dict["quiz"] == [
        "Une leçon qui se termine par un quiz réussi doit contenir au moins une question."
    ]


def test_outline_lists_live_lessons_per_module_in_order():
    course = course_build(modules=2, lessons_per_module=3)
    outline = course.outline()
    assert [len(item.lessons) for item in outline] == [3, 3]
    first = outline[0]
    assert [lesson.pk for lesson in first.lessons] == list(
        LessonPage.objects.child_of(first.module).order_by("path").values_list("pk", flat=True)
    )
    assert first.minutes == sum(lesson.estimated_minutes for lesson in first.lessons)
    first.lessons[0].unpublish()
    assert [len(item.lessons) for item in course.outline()] == [2, 3]
