"""Grading: a frozen copy of the questions and the answers in, the result out.

Pure Python on plain data: no database, no Django, no clock. The same snapshot and answers always
give the same result, so an attempt can be reviewed (and counted in statistics) years later exactly
as it was graded. Questions are the dicts made by snapshot.py:

    choice types (single_choice, multiple_choice, best_reply):
        {"id", "type", "text", "options": [{"id", "text", "correct", "feedback"}], "explanation"}
    true_false:
        {"id", "type", "text", "answer": bool, "feedback_true", "feedback_false", "explanation"}
    ordering:
        {"id", "type", "text", "items": [{"id", "text"}] (in the right order), "explanation"}

Answers are keyed by question id: an option id (single_choice, best_reply), "true"/"false"
(true_false), a list of option ids (multiple_choice), {item id: rank} (ordering, ranks from 1).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

SINGLE_CHOICE = "single_choice"
MULTIPLE_CHOICE = "multiple_choice"
TRUE_FALSE = "true_false"
BEST_REPLY = "best_reply"
ORDERING = "ordering"
ONE_ANSWER_TYPES = frozenset({SINGLE_CHOICE, BEST_REPLY, TRUE_FALSE})
TRUE_FALSE_OPTIONS = ("true", "false")

# Problems check_answers reports per question (services.py turns them into French messages).
MISSING = "missing"
RANKS_INCOMPLETE = "ranks_incomplete"
RANKS_REPEATED = "ranks_repeated"


@dataclass(frozen=True)
class OptionResult:
    """One option (or ordering step) as the review shows it."""

    id: str
    text: str
    correct: bool  # a right option; for ordering, the learner gave this step its right rank
    chosen: bool
    feedback: str = ""
    correct_rank: int | None = None  # ordering only
    chosen_rank: int | None = None  # ordering only


@dataclass(frozen=True)
class QuestionResult:
    id: str
    type: str
    text: str
    correct: bool
    chosen: Any  # the normalised answer: option id, list of ids, or {item id: rank}
    chosen_feedback: tuple[str, ...]  # the feedback of the options the learner chose
    options: tuple[OptionResult, ...]  # every option with its feedback, for the review
    explanation: str


@dataclass(frozen=True)
class GradeResult:
    questions: tuple[QuestionResult, ...]
    points: int
    total: int
    score: int  # percent, rounded
    passed: bool

    def by_id(self) -> dict[str, QuestionResult]:
        return {question.id: question for question in self.questions}


@dataclass(frozen=True)
class AnswerProblems:
    """What stops answers from being graded: per question, a missing or incomplete answer (the
    learner can fix it) and ids the page never offered (tampering: refused)."""

    fields: Mapping[str, str]  # question id → MISSING, RANKS_INCOMPLETE or RANKS_REPEATED
    unknown: tuple[str, ...]  # question ids, option ids or ranks that are not in the snapshot

    def __bool__(self) -> bool:
        return bool(self.fields or self.unknown)


def options_of(question: Mapping[str, Any]) -> list[dict]:
    """The options of a one- or many-answer question; true/false has two, "true" and "false"."""
    if question["type"] == TRUE_FALSE:
        answer = bool(question.get("answer"))
        return [
            {
                "id": "true",
                "text": "",
                "correct": answer,
                "feedback": question.get("feedback_true", ""),
            },
            {
                "id": "false",
                "text": "",
                "correct": not answer,
                "feedback": question.get("feedback_false", ""),
            },
        ]
    return list(question.get("options", []))


def _as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple):
        return [str(item) for item in value if item not in (None, "")]
    return [str(value)]


def _rank(value: Any) -> int | None:
    """An integer rank, or None for an empty or unreadable one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip() if value is not None else ""
    return int(text) if text.isdigit() else None


def check_answers(questions: list[Mapping[str, Any]], answers: Mapping[str, Any]) -> AnswerProblems:
    """Which questions lack an answer, and which ids in `answers` the snapshot never offered."""
    fields: dict[str, str] = {}
    unknown: list[str] = []
    known = {question["id"] for question in questions}
    unknown.extend(str(key) for key in answers if key not in known)
    for question in questions:
        qid, kind = question["id"], question["type"]
        value = answers.get(qid)
        if kind == ORDERING:
            items = [item["id"] for item in question["items"]]
            given = value if isinstance(value, Mapping) else {}
            if value not in (None, "") and not isinstance(value, Mapping):
                unknown.append(qid)
            unknown.extend(str(key) for key in given if key not in items)
            ranks = []
            for item in items:
                raw = given.get(item)
                if raw in (None, ""):
                    continue
                rank = _rank(raw)
                if rank is None or not 1 <= rank <= len(items):
                    unknown.append(f"{qid}:{item}")
                else:
                    ranks.append(rank)
            if not ranks:
                fields[qid] = MISSING
            elif len(ranks) < len(items):
                fields[qid] = RANKS_INCOMPLETE
            elif len(set(ranks)) < len(ranks):
                fields[qid] = RANKS_REPEATED
            continue
        offered = {option["id"] for option in options_of(question)}
        chosen = _as_list(value)
        if kind in ONE_ANSWER_TYPES and len(chosen) > 1:
            unknown.append(qid)
        unknown.extend(option for option in chosen if option not in offered)
        if not chosen:
            fields[qid] = MISSING
    return AnswerProblems(fields=fields, unknown=tuple(unknown))


def _grade_choice(question: Mapping[str, Any], value: Any) -> QuestionResult:
    options = options_of(question)
    chosen_ids = _as_list(value)
    chosen_set = set(chosen_ids)
    correct_set = {option["id"] for option in options if option.get("correct")}
    if question["type"] == MULTIPLE_CHOICE:
        correct = chosen_set == correct_set
        chosen: Any = [option["id"] for option in options if option["id"] in chosen_set]
    else:
        correct = len(chosen_ids) == 1 and chosen_ids[0] in correct_set
        chosen = chosen_ids[0] if len(chosen_ids) == 1 else None
    return QuestionResult(
        id=question["id"],
        type=question["type"],
        text=question.get("text", ""),
        correct=correct,
        chosen=chosen,
        chosen_feedback=tuple(
            option.get("feedback", "") for option in options if option["id"] in chosen_set
        ),
        options=tuple(
            OptionResult(
                id=option["id"],
                text=option.get("text", ""),
                correct=bool(option.get("correct")),
                chosen=option["id"] in chosen_set,
                feedback=option.get("feedback", ""),
            )
            for option in options
        ),
        explanation=question.get("explanation", ""),
    )


def _grade_ordering(question: Mapping[str, Any], value: Any) -> QuestionResult:
    items = question["items"]
    given = value if isinstance(value, Mapping) else {}
    ranks = {item["id"]: _rank(given.get(item["id"])) for item in items}
    steps = tuple(
        OptionResult(
            id=item["id"],
            text=item.get("text", ""),
            correct=ranks[item["id"]] == position,
            chosen=ranks[item["id"]] is not None,
            correct_rank=position,
            chosen_rank=ranks[item["id"]],
        )
        for position, item in enumerate(items, start=1)
    )
    return QuestionResult(
        id=question["id"],
        type=ORDERING,
        text=question.get("text", ""),
        correct=bool(steps) and all(step.correct for step in steps),
        chosen={item_id: rank for item_id, rank in ranks.items() if rank is not None},
        chosen_feedback=(),
        options=steps,
        explanation=question.get("explanation", ""),
    )


def grade_question(question: Mapping[str, Any], value: Any) -> QuestionResult:
    if question["type"] == ORDERING:
        return _grade_ordering(question, value)
    return _grade_choice(question, value)


def grade(
    questions: list[Mapping[str, Any]], answers: Mapping[str, Any], pass_mark: int
) -> GradeResult:
    """Grade every question (one point each, all or nothing) against the pass mark in percent.

    A missing or unreadable answer is simply wrong here; refusing it is check_answers' job.
    """
    results = tuple(grade_question(question, answers.get(question["id"])) for question in questions)
    points = sum(1 for result in results if result.correct)
    total = len(results)
    return GradeResult(
        questions=results,
        points=points,
        total=total,
        score=round(100 * points / total) if total else 0,
        # Compared exactly, so 2 of 3 (66.7 %) does not pass a 67 % mark by rounding.
        passed=total > 0 and 100 * points >= pass_mark * total,
    )
