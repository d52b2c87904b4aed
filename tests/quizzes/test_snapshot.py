"""The frozen copy of a lesson's quiz: every type keyed by stable ids, and the draw of an attempt."""

from __future__ import annotations

import random

import pytest

from elus2.quizzes.snapshot import quiz_draw, quiz_snapshot
from tests.factories.quizzes import EXPLANATION_MARKER, FEEDBACK_MARKER, quiz_course_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson():
    return quiz_course_build().lesson


def test_the_snapshot_keeps_every_question_with_its_block_ids(lesson):
    questions = quiz_snapshot(lesson.quiz)
    assert [q["type"] for q in questions] == [
        "single_choice",
        "multiple_choice",
        "true_false",
        "best_reply",
        "ordering",
    ]
    assert [q["id"] for q in questions] == [child.id for child in lesson.quiz]
    single = questions[0]
    option_ids = [bound.id for bound in lesson.quiz[0].value["options"].bound_blocks]
    assert [o["id"] for o in single["options"]] == option_ids
    assert [o["correct"] for o in single["options"]] == [True, False, False]
    assert FEEDBACK_MARKER in single["options"][0]["feedback"]
    assert EXPLANATION_MARKER in single["explanation"]
    assert questions[2]["answer"] is True and FEEDBACK_MARKER in questions[2]["feedback_true"]
    assert questions[3]["situation"][0]["type"] == "social_post"
    steps = lesson.quiz[4].value["items"].bound_blocks
    assert questions[4]["items"] == [{"id": b.id, "text": b.value} for b in steps]


def test_the_ids_are_stable_from_one_load_to_the_next(lesson):
    from courses.models import LessonPage

    again = LessonPage.objects.get(pk=lesson.pk)
    assert quiz_snapshot(again.quiz) == quiz_snapshot(lesson.quiz)


def test_a_draw_of_n_questions_keeps_the_editor_s_order_unless_shuffled(lesson):
    questions = quiz_snapshot(lesson.quiz)
    ids = [q["id"] for q in questions]
    drawn = quiz_draw(
        questions, count=3, shuffle_questions=False, shuffle_options=False, rng=random.Random(1)
    )
    assert len(drawn) == 3
    drawn_ids = [q["id"] for q in drawn]
    assert drawn_ids == sorted(drawn_ids, key=ids.index)
    every = quiz_draw(
        questions, count=None, shuffle_questions=False, shuffle_options=False, rng=random.Random(1)
    )
    assert [q["id"] for q in every] == ids
    orders = {
        tuple(
            q["id"]
            for q in quiz_draw(
                questions,
                count=None,
                shuffle_questions=True,
                shuffle_options=True,
                rng=random.Random(seed),
            )
        )
        for seed in range(10)
    }
    assert len(orders) > 1 and all(sorted(order) == sorted(ids) for order in orders)


def test_ordering_steps_are_shown_mixed_but_kept_in_the_right_order(lesson):
    questions = quiz_snapshot(lesson.quiz)
    for seed in range(20):
        drawn = quiz_draw(
            questions,
            count=None,
            shuffle_questions=False,
            shuffle_options=False,
            rng=random.Random(seed),
        )
        ordering = drawn[4]
        right = [item["id"] for item in ordering["items"]]
        assert right == [item["id"] for item in questions[4]["items"]]
        assert sorted(ordering["shown_order"]) == sorted(right)
        assert ordering["shown_order"] != right


def test_a_draw_does_not_touch_the_snapshot(lesson):
    questions = quiz_snapshot(lesson.quiz)
    before = quiz_snapshot(lesson.quiz)
    quiz_draw(
        questions, count=2, shuffle_questions=True, shuffle_options=True, rng=random.Random(3)
    )
    assert questions == before
