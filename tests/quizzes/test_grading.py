"""grading.py on plain dicts: each question type, the score and pass mark, answer checks. No
database; the module imports nothing from Django."""

from __future__ import annotations

import ast
import copy
from pathlib import Path

import pytest

from elus2.quizzes import grading
from elus2.quizzes.grading import check_answers, grade


def choice(qid, kind="single_choice", correct=("a",), ids=("a", "b", "c")):
    return {
        "id": qid,
        "type": kind,
        "text": f"Question {qid}",
        "options": [
            {"id": oid, "text": f"Option {oid}", "correct": oid in correct, "feedback": f"fb-{oid}"}
            for oid in ids
        ],
        "explanation": f"Explication {qid}",
    }


def true_false(qid, answer=True):
    return {
        "id": qid,
        "type": "true_false",
        "text": "Vrai ?",
        "answer": answer,
        "feedback_true": "fb-true",
        "feedback_false": "fb-false",
        "explanation": "Parce que.",
    }


def ordering(qid, ids=("s1", "s2", "s3")):
    return {
        "id": qid,
        "type": "ordering",
        "text": "Dans l'ordre",
        "items": [{"id": sid, "text": f"Étape {sid}"} for sid in ids],
        "explanation": "Ainsi.",
    }


def test_grading_imports_nothing_from_django_or_the_database():
    tree = ast.parse(Path(grading.__file__).read_text())
    modules = [
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in (node.names if isinstance(node, ast.Import) else [None])
    ]
    assert modules and not any(
        (module or "").split(".")[0] in {"django", "courses", "elus2", "wagtail"}
        for module in modules
    )


@pytest.mark.parametrize("kind", ["single_choice", "best_reply"])
def test_one_answer_questions_score_one_point_for_the_right_option(kind):
    question = choice("q1", kind)
    right = grade([question], {"q1": "a"}, 70)
    wrong = grade([question], {"q1": "b"}, 70)
    assert (right.points, right.score, right.passed) == (1, 100, True)
    assert (wrong.points, wrong.score, wrong.passed) == (0, 0, False)
    assert right.questions[0].correct and not wrong.questions[0].correct
    assert wrong.questions[0].chosen == "b"
    assert wrong.questions[0].chosen_feedback == ("fb-b",)


def test_true_false_is_right_only_for_the_statement_s_truth():
    assert grade([true_false("t", answer=True)], {"t": "true"}, 50).passed
    assert not grade([true_false("t", answer=True)], {"t": "false"}, 50).passed
    assert grade([true_false("t", answer=False)], {"t": "false"}, 50).passed
    result = grade([true_false("t", answer=True)], {"t": "false"}, 50).questions[0]
    assert result.chosen_feedback == ("fb-false",)
    assert [(o.id, o.correct, o.chosen, o.feedback) for o in result.options] == [
        ("true", True, False, "fb-true"),
        ("false", False, True, "fb-false"),
    ]


@pytest.mark.parametrize(
    ("chosen", "right"),
    [
        (["a", "b"], True),
        (["b", "a"], True),
        (["a"], False),  # a subset
        (["a", "b", "c"], False),  # a superset
        (["c"], False),
        ([], False),
    ],
)
def test_multiple_choice_is_right_only_when_the_chosen_set_equals_the_correct_set(chosen, right):
    question = choice("m", "multiple_choice", correct=("a", "b"))
    result = grade([question], {"m": chosen}, 100).questions[0]
    assert result.correct is right
    assert sorted(result.chosen) == sorted(chosen)


@pytest.mark.parametrize(
    ("ranks", "right"),
    [
        ({"s1": "1", "s2": "2", "s3": "3"}, True),
        ({"s1": 1, "s2": 2, "s3": 3}, True),
        ({"s1": "1", "s2": "3", "s3": "2"}, False),
        ({"s1": "3", "s2": "2", "s3": "1"}, False),
        ({"s1": "1", "s2": "2"}, False),
        ({}, False),
    ],
)
def test_ordering_is_right_only_when_every_rank_matches(ranks, right):
    result = grade([ordering("o")], {"o": ranks}, 100).questions[0]
    assert result.correct is right


def test_ordering_review_lists_the_steps_in_the_right_order_with_the_ranks_given():
    result = grade([ordering("o")], {"o": {"s1": "2", "s2": "1", "s3": "3"}}, 100).questions[0]
    assert [(s.id, s.correct_rank, s.chosen_rank, s.correct) for s in result.options] == [
        ("s1", 1, 2, False),
        ("s2", 2, 1, False),
        ("s3", 3, 3, True),
    ]


def test_the_result_carries_every_option_s_feedback_and_the_explanation():
    result = grade([choice("q1")], {"q1": "b"}, 70).questions[0]
    assert [(o.id, o.correct, o.chosen, o.feedback) for o in result.options] == [
        ("a", True, False, "fb-a"),
        ("b", False, True, "fb-b"),
        ("c", False, False, "fb-c"),
    ]
    assert result.explanation == "Explication q1"
    assert result.text == "Question q1"


def test_score_is_a_rounded_percent_and_the_pass_mark_is_compared_exactly():
    questions = [choice("q1"), choice("q2"), choice("q3")]
    two_of_three = {"q1": "a", "q2": "a", "q3": "b"}
    result = grade(questions, two_of_three, 67)
    assert (result.points, result.total, result.score) == (2, 3, 67)
    assert not result.passed  # 66.7 % < 67 %, whatever the rounding shows
    assert grade(questions, two_of_three, 66).passed
    assert grade(questions, {"q1": "a", "q2": "a", "q3": "a"}, 100).passed


def test_every_type_together():
    questions = [
        choice("s"),
        choice("m", "multiple_choice", correct=("a", "c")),
        true_false("t", answer=False),
        choice("b", "best_reply", correct=("b",)),
        ordering("o"),
    ]
    answers = {
        "s": "a",
        "m": ["a", "c"],
        "t": "false",
        "b": "a",  # wrong
        "o": {"s1": "1", "s2": "2", "s3": "3"},
    }
    result = grade(questions, answers, 80)
    assert [q.correct for q in result.questions] == [True, True, True, False, True]
    assert (result.score, result.passed) == (80, True)
    assert result.by_id()["b"].chosen_feedback == ("fb-a",)


def test_a_missing_answer_is_wrong_and_an_empty_quiz_never_passes():
    assert not grade([choice("q1")], {}, 0).questions[0].correct
    assert grade([], {}, 0) == grading.GradeResult(
        questions=(), points=0, total=0, score=0, passed=False
    )


def test_grading_does_not_change_its_inputs_and_is_deterministic():
    questions = [choice("q1"), ordering("o")]
    answers = {"q1": "a", "o": {"s1": "1", "s2": "2", "s3": "3"}}
    before = copy.deepcopy((questions, answers))
    assert grade(questions, answers, 70) == grade(questions, answers, 70)
    assert (questions, answers) == before


# --- check_answers -------------------------------------------------------------------------------


def test_check_answers_accepts_a_complete_set():
    questions = [choice("s"), choice("m", "multiple_choice"), true_false("t"), ordering("o")]
    answers = {"s": "a", "m": ["a"], "t": "true", "o": {"s1": "1", "s2": "2", "s3": "3"}}
    assert not check_answers(questions, answers)


def test_check_answers_names_each_question_without_an_answer():
    questions = [choice("s"), choice("m", "multiple_choice"), true_false("t"), ordering("o")]
    problems = check_answers(questions, {"s": "", "m": [], "o": {"s1": "", "s2": ""}})
    assert dict(problems.fields) == {
        "s": grading.MISSING,
        "m": grading.MISSING,
        "t": grading.MISSING,
        "o": grading.MISSING,
    }
    assert problems.unknown == ()


def test_check_answers_asks_for_every_rank_once():
    problems = check_answers([ordering("o")], {"o": {"s1": "1", "s2": "2", "s3": ""}})
    assert dict(problems.fields) == {"o": grading.RANKS_INCOMPLETE}
    problems = check_answers([ordering("o")], {"o": {"s1": "1", "s2": "1", "s3": "2"}})
    assert dict(problems.fields) == {"o": grading.RANKS_REPEATED}


@pytest.mark.parametrize(
    "answers",
    [
        {"s": "a", "intruder": "a"},  # a question the attempt does not have
        {"s": "zzz"},  # an option the question does not have
        {"s": ["a", "b"]},  # two answers to a one-answer question
        {"s": "a", "t": "maybe"},
        {"s": "a", "o": {"s1": "1", "s2": "2", "s3": "3", "s9": "4"}},  # an unknown step
        {"s": "a", "o": {"s1": "1", "s2": "2", "s3": "9"}},  # a rank out of range
        {"s": "a", "o": {"s1": "1", "s2": "2", "s3": "x"}},
        {"s": "a", "o": "1,2,3"},
    ],
)
def test_check_answers_reports_ids_the_page_never_offered(answers):
    questions = [choice("s"), true_false("t"), ordering("o")]
    assert check_answers(questions, answers).unknown
