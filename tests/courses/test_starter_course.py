"""The starter course « Élus 2.0 » that seed_demo loads: big enough to teach, quizzes that explain
every option, ids that quiz answers can rely on, and no duplicates on a second run."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from courses.models import CompletionRule, CoursePage, LessonPage, ModulePage
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

SOCIAL_BLOCKS = {"social_post", "comment_thread", "search_results"}


def _seed_demo() -> None:
    call_command("seed_demo", stdout=io.StringIO())


@pytest.fixture
def course():
    _seed_demo()
    return CoursePage.objects.get(slug="elus-2-0")


def test_starter_course_shape(course):
    assert course.live
    assert course.title == "Élus 2.0 : réseaux sociaux et e-réputation"
    modules = ModulePage.objects.child_of(course).live()
    assert modules.count() >= 5
    lessons = LessonPage.objects.descendant_of(course).live()
    assert lessons.count() >= 15
    for lesson in lessons:
        assert 3 <= lesson.estimated_minutes <= 7, lesson.title
        assert len(lesson.body) > 0, lesson.title

    quizzes = lessons.filter(completion_rule=CompletionRule.QUIZ_PASSED)
    assert quizzes.count() >= 5
    for lesson in quizzes:
        assert len(lesson.quiz) >= 4, lesson.title
    for module in modules:
        last = LessonPage.objects.child_of(module).order_by("path").last()
        assert last.completion_rule == CompletionRule.QUIZ_PASSED, module.title

    used = {block.block_type for lesson in lessons for block in lesson.body}
    assert used >= SOCIAL_BLOCKS


def test_starter_quizzes_explain_every_option_and_keep_their_ids(course):
    options = 0
    for lesson in LessonPage.objects.descendant_of(course):
        for question in lesson.quiz:
            assert question.value["explanation"].strip(), lesson.title
            if question.block_type == "true_false":
                assert question.value["feedback_true"].strip(), lesson.title
                assert question.value["feedback_false"].strip(), lesson.title
            for option in question.value.get("options", []):
                assert option["feedback"].strip(), (lesson.title, option["text"])
                options += 1
        # Answers are keyed by these ids: they must be stored, not drawn afresh at each load.
        for question in lesson.quiz.raw_data:
            assert question["id"]
            for item in question["value"].get("options") or question["value"].get("items") or []:
                assert item.get("type") == "item" and item.get("id"), (lesson.title, item)
    assert options >= 20


def test_the_starter_lessons_render_for_a_learner(course, client):
    client.force_login(UserFactory())
    for lesson in LessonPage.objects.descendant_of(course).live():
        response = client.get(lesson.url)
        assert response.status_code == 200, lesson.url
        assert lesson.title.replace("'", "&#x27;") in response.content.decode()


def test_seed_demo_twice_creates_no_duplicate_pages(course):
    before = list(Page.objects.order_by("path").values_list("path", "slug", "live"))
    revisions = dict(Page.objects.values_list("pk", "latest_revision_id"))
    _seed_demo()
    assert list(Page.objects.order_by("path").values_list("path", "slug", "live")) == before
    assert dict(Page.objects.values_list("pk", "latest_revision_id")) == revisions
    assert CoursePage.objects.filter(slug="elus-2-0").count() == 1
