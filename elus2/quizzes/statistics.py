"""Statistics for trainers: how a quiz and each of its questions behave, from submitted attempts.

Pure Python on plain data, like grading.py: no database, no Django. selectors.py loads the
attempts of one lesson (their frozen snapshots, answers and stored scores) and hands them here as
AttemptRecord values; the admin views show the QuizStatistics that comes back. Each answer is
re-graded with grading.grade_question on the attempt's own snapshot, so the figures are the ones the
officials were graded with, whatever the lesson says today.

Questions are keyed by their stable id: a question edited between attempts keeps its id and its
figures cover every revision. When a quiz draws N of M questions, each question's figures count
only the attempts that were asked it.

Discrimination is the classic upper-lower index: facility in the top third of attempts (by total
score) minus facility in the bottom third. With n attempts, k = n // 3; the top group is every
attempt scoring at least the k-th best score, the bottom group every attempt scoring at most the
k-th worst. Attempts tied on a boundary are all included rather than cut by an arbitrary order, so
the result does not depend on the order of the attempts; a group can be larger than a third, and
when scores bunch in the middle the two groups can share attempts, which pulls the index towards 0
(as it should: such a quiz tells its takers apart poorly). Below 3 attempts there is no index.
Every attempt counts, retries included.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import grading

# Thresholds of the flags, in percent of the attempts asked the question (discrimination: -1 to 1).
TOO_EASY_ABOVE = 90  # facility > 90 %
TOO_HARD_BELOW = 30  # facility < 30 %
LOW_DISCRIMINATION_BELOW = 0.2
LOW_DISCRIMINATION_MIN_ATTEMPTS = 9  # fewer attempts: the index is too noisy to flag
TRAP_OPTION_SHARE = 30  # one wrong option chosen by >= 30 % of the attempts

# Flags, as codes; the admin shows them in plain French ("trop facile", …).
TOO_EASY = "too_easy"
TOO_HARD = "too_hard"
LOW_DISCRIMINATION = "low_discrimination"
TRAP_OPTION = "trap_option"

BUCKET_COUNT = 10  # 0–9, 10–19, …, 80–89, 90–100

CHOICE_TYPES = frozenset(
    {grading.SINGLE_CHOICE, grading.MULTIPLE_CHOICE, grading.BEST_REPLY, grading.TRUE_FALSE}
)


@dataclass(frozen=True)
class AttemptRecord:
    """One submitted graded attempt, as stored: its snapshot, answers and score (percent)."""

    user_id: int
    questions: Sequence[Mapping[str, Any]]
    answers: Mapping[str, Any]
    score: int
    passed: bool


@dataclass(frozen=True)
class Bucket:
    low: int
    high: int  # inclusive: the last bucket is 90–100
    count: int

    @property
    def label(self) -> str:
        return f"{self.low}–{self.high}"


@dataclass(frozen=True)
class WrongOption:
    """The wrong option chosen most often: its id, text (empty for true/false) and count."""

    id: str
    text: str
    count: int
    percent: float  # of the attempts asked the question


@dataclass(frozen=True)
class QuestionStatistics:
    id: str
    type: str
    text: str  # the lesson's current wording, else the latest attempt's
    in_current_quiz: bool
    asked: int  # attempts that were asked this question
    right: int
    facility: float | None  # percent right; None when never asked
    discrimination: float | None  # -1 to 1; None without both groups
    top_wrong_option: WrongOption | None
    flags: tuple[str, ...]


@dataclass(frozen=True)
class QuizStatistics:
    attempts: int
    learners: int
    passed: int
    pass_rate: float | None  # percent of attempts; None without attempts
    mean_score: float | None
    distribution: tuple[Bucket, ...]
    questions: tuple[QuestionStatistics, ...]


def bucket_index(score: int) -> int:
    """0 for 0–9 … 9 for 90–100."""
    return min(max(score, 0) // 10, BUCKET_COUNT - 1)


def distribution_of(scores: Iterable[int]) -> tuple[Bucket, ...]:
    counts = Counter(bucket_index(score) for score in scores)
    return tuple(
        Bucket(
            low=10 * index,
            high=100 if index == BUCKET_COUNT - 1 else 10 * index + 9,
            count=counts.get(index, 0),
        )
        for index in range(BUCKET_COUNT)
    )


def upper_lower_groups(scores: Sequence[int]) -> tuple[set[int], set[int]]:
    """Indexes of the attempts in the top and bottom thirds (ties on a boundary included)."""
    k = len(scores) // 3
    if k == 0:
        return set(), set()
    ranked = sorted(scores, reverse=True)
    top_floor, bottom_ceiling = ranked[k - 1], ranked[-k]
    top = {index for index, score in enumerate(scores) if score >= top_floor}
    bottom = {index for index, score in enumerate(scores) if score <= bottom_ceiling}
    return top, bottom


def _wrong_chosen(question: Mapping[str, Any], result: grading.QuestionResult) -> list[str]:
    """Ids of the wrong options this answer chose (choice and true/false questions)."""
    return [option.id for option in result.options if option.chosen and not option.correct]


def _most_chosen(counts: Counter[str], lesson_order: Mapping[str, int]) -> tuple[str, int]:
    """The option chosen most often; on a tie, the one the lesson lists first today, else the
    smallest id (attempts may have shown the options shuffled, so their order decides nothing)."""

    def key(item: tuple[str, int]) -> tuple[int, int, str]:
        option_id, count = item
        return (-count, lesson_order.get(option_id, len(lesson_order)), option_id)

    return min(counts.items(), key=key)


def _flags(
    *, asked: int, right: int, discrimination: float | None, top_wrong: WrongOption | None
) -> tuple[str, ...]:
    if not asked:
        return ()
    flags = []
    # Compared on whole numbers, so 27 of 30 (exactly 90 %) is not "more than 90 %".
    if 100 * right > TOO_EASY_ABOVE * asked:
        flags.append(TOO_EASY)
    if 100 * right < TOO_HARD_BELOW * asked:
        flags.append(TOO_HARD)
    if (
        discrimination is not None
        and asked >= LOW_DISCRIMINATION_MIN_ATTEMPTS
        and discrimination < LOW_DISCRIMINATION_BELOW
    ):
        flags.append(LOW_DISCRIMINATION)
    if top_wrong is not None and 100 * top_wrong.count >= TRAP_OPTION_SHARE * asked:
        flags.append(TRAP_OPTION)
    return tuple(flags)


def quiz_statistics(
    attempts: Sequence[AttemptRecord], *, current_questions: Sequence[Mapping[str, Any]] = ()
) -> QuizStatistics:
    """The figures of a quiz from its submitted graded attempts (oldest first).

    `current_questions` (the lesson's quiz today, as snapshot dicts) sets the order and wording of
    the questions and lists those no one was asked yet; questions only found in older attempts
    follow, in the order they first appear.
    """
    scores = [attempt.score for attempt in attempts]
    top, bottom = upper_lower_groups(scores)

    order: list[str] = [question["id"] for question in current_questions]
    latest: dict[str, Mapping[str, Any]] = {}  # question id → its latest snapshot
    asked: Counter[str] = Counter()
    right: Counter[str] = Counter()
    group_asked = {"top": Counter(), "bottom": Counter()}
    group_right = {"top": Counter(), "bottom": Counter()}
    wrong_counts: dict[str, Counter[str]] = {}
    option_texts: dict[str, dict[str, str]] = {}

    for index, attempt in enumerate(attempts):
        for question in attempt.questions:
            qid = question["id"]
            if qid not in latest and qid not in order:
                order.append(qid)
            latest[qid] = question
            result = grading.grade_question(question, attempt.answers.get(qid))
            asked[qid] += 1
            right[qid] += result.correct
            for group, members in (("top", top), ("bottom", bottom)):
                if index in members:
                    group_asked[group][qid] += 1
                    group_right[group][qid] += result.correct
            if question["type"] in CHOICE_TYPES:
                counts = wrong_counts.setdefault(qid, Counter())
                texts = option_texts.setdefault(qid, {})
                for option in grading.options_of(question):
                    texts[option["id"]] = option.get("text", "")
                counts.update(_wrong_chosen(question, result))

    current = {question["id"]: question for question in current_questions}
    questions = []
    for qid in order:
        snapshot = current.get(qid) or latest[qid]
        lesson_order: dict[str, int] = {}
        if qid in current and qid in option_texts:
            for rank, option in enumerate(grading.options_of(current[qid])):
                option_texts[qid][option["id"]] = option.get("text", "")
                lesson_order[option["id"]] = rank
        n = asked[qid]
        discrimination = None
        if group_asked["top"][qid] and group_asked["bottom"][qid]:
            discrimination = (
                group_right["top"][qid] / group_asked["top"][qid]
                - group_right["bottom"][qid] / group_asked["bottom"][qid]
            )
        top_wrong = None
        counts = wrong_counts.get(qid)
        if counts:
            option_id, count = _most_chosen(counts, lesson_order)
            top_wrong = WrongOption(
                id=option_id,
                text=option_texts[qid][option_id],
                count=count,
                percent=100 * count / n,
            )
        questions.append(
            QuestionStatistics(
                id=qid,
                type=snapshot["type"],
                text=snapshot.get("text", ""),
                in_current_quiz=qid in current,
                asked=n,
                right=right[qid],
                facility=100 * right[qid] / n if n else None,
                discrimination=discrimination,
                top_wrong_option=top_wrong,
                flags=_flags(
                    asked=n, right=right[qid], discrimination=discrimination, top_wrong=top_wrong
                ),
            )
        )

    count = len(attempts)
    passed = sum(1 for attempt in attempts if attempt.passed)
    return QuizStatistics(
        attempts=count,
        learners=len({attempt.user_id for attempt in attempts}),
        passed=passed,
        pass_rate=100 * passed / count if count else None,
        mean_score=sum(scores) / count if count else None,
        distribution=distribution_of(scores),
        questions=tuple(questions),
    )
