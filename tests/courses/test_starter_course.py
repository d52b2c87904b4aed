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


def test_the_right_answers_are_spread_in_the_starter_quizzes():
    """Picking the first option, or always « Faux », passes nothing: right answers sit at every
    position in the one-answer questions, not always first in multiple choice, and true/false
    statements are true and false."""
    from courses.starter_content import STARTER_COURSE

    single, multiple, true_false = [], [], []
    for module in STARTER_COURSE["modules"]:
        for lesson in module["lessons"]:
            for kind, value in lesson["quiz"]:
                if kind == "true_false":
                    true_false.append(value["answer"])
                elif kind in {"single_choice", "best_reply"}:
                    (right,) = [n for n, o in enumerate(value["options"], 1) if o["correct"]]
                    single.append(right)
                elif kind == "multiple_choice":
                    multiple.append(
                        frozenset(n for n, o in enumerate(value["options"], 1) if o["correct"])
                    )
    assert len(single) == 10
    assert {1, 2, 3, 4} <= set(single)
    assert max(single.count(position) for position in set(single)) <= 4
    assert len(set(multiple)) == len(multiple)  # no two multiple-choice keys alike
    assert sum(1 in key and 2 in key for key in multiple) <= 1
    assert 2 <= true_false.count(True) <= 3


def test_seed_demo_brings_an_older_starter_course_up_to_date_keeping_its_ids(course):
    """A starter course loaded before the options were reordered gets the new order on the next
    seed, with the same question and option ids (answers and statistics are keyed by them); a
    reworded statement becomes a new question; a lesson a trainer edited is left alone; an
    attempt drawn before keeps its own snapshot."""
    from courses.starter import _stream
    from courses.starter_content import STARTER_COURSE
    from elus2.quizzes.services import quiz_attempt_start

    lessons = {
        lesson["slug"]: lesson
        for module in STARTER_COURSE["modules"]
        for lesson in module["lessons"]
    }
    quiz_lessons = list(LessonPage.objects.descendant_of(course).exclude(quiz=[]).order_by("path"))
    older, edited = quiz_lessons[0], quiz_lessons[1]
    current = older.quiz.get_prep_value()
    # The older seed: options reversed, and a true/false statement worded otherwise.
    before = []
    for question in current:
        question = {**question, "value": dict(question["value"])}
        if "options" in question["value"]:
            question["value"]["options"] = list(reversed(question["value"]["options"]))
        if question["type"] == "true_false":
            question["value"]["statement"] += " (ancienne formulation)"
            question["id"] = "ancienne-question"
        before.append(question)
    older.quiz = before
    older.save_revision().publish()
    trainer = UserFactory()
    edited_quiz = list(reversed(edited.quiz.get_prep_value()))
    edited.quiz = edited_quiz
    edited.save_revision(user=trainer).publish()
    learner = UserFactory()
    attempt = quiz_attempt_start(user=learner, lesson=older)
    drawn = attempt.questions

    _seed_demo()

    older.refresh_from_db()
    now = older.quiz.get_prep_value()
    assert [q["id"] for q in now if q["type"] != "true_false"] == [
        q["id"] for q in current if q["type"] != "true_false"
    ]
    assert [q["id"] for q in now if q["type"] == "true_false"] != ["ancienne-question"]
    new_content = _stream(LessonPage, "quiz", lessons[older.slug]["quiz"])
    for question, fresh in zip(now, new_content, strict=True):
        if "options" in question["value"]:
            assert [o["value"]["text"] for o in question["value"]["options"]] == [
                o["value"]["text"] for o in fresh["value"]["options"]
            ]
    assert {o["id"] for q in now if "options" in q["value"] for o in q["value"]["options"]} == {
        o["id"] for q in current if "options" in q["value"] for o in q["value"]["options"]
    }
    edited.refresh_from_db()
    assert edited.quiz.get_prep_value() == edited_quiz
    attempt.refresh_from_db()
    assert attempt.questions == drawn
    revision = older.latest_revision_id
    _seed_demo()
    older.refresh_from_db()
    assert older.latest_revision_id == revision  # nothing left to change: no new revision
