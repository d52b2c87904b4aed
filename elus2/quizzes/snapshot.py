"""The frozen copy of a lesson's quiz that an attempt is drawn from, answered on and graded with.

`quiz_snapshot` turns the lesson's quiz StreamField into plain dicts (the shapes grading.py
documents), keyed by the stable ids Wagtail gives stream children and list items.
`quiz_draw` picks and mixes the questions of one attempt. Situations of "best reply" questions are
kept as the block's raw data and rendered by the courses block templates.
"""

from __future__ import annotations

import copy
import json
import random
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

from courses.models import LessonPage

from .grading import BEST_REPLY, MULTIPLE_CHOICE, ORDERING, SINGLE_CHOICE, TRUE_FALSE

CHOICE_TYPES = (SINGLE_CHOICE, MULTIPLE_CHOICE, BEST_REPLY)


class SnapshotError(ValueError):
    """The quiz has a question or option without a stable id (saved outside the admin)."""


def _quiz_block():
    return LessonPage._meta.get_field("quiz").stream_block


def situation_block():
    return _quiz_block().child_blocks[BEST_REPLY].child_blocks["situation"]


def _id(value: Any) -> str:
    if not value:
        raise SnapshotError("quiz child without an id")
    return str(value)


def quiz_snapshot(quiz) -> list[dict]:
    """Every question of a quiz StreamValue, in the editor's order, as plain JSON-ready dicts."""
    questions: list[dict] = []
    for child in quiz:
        kind, value = child.block_type, child.value
        if kind in CHOICE_TYPES:
            question = {
                "id": _id(child.id),
                "type": kind,
                "text": value["question"],
                "options": [
                    {
                        "id": _id(option.id),
                        "text": option.value["text"],
                        "correct": bool(option.value["correct"]),
                        "feedback": option.value["feedback"],
                    }
                    for option in value["options"].bound_blocks
                ],
                "explanation": value["explanation"],
            }
            if kind == BEST_REPLY:
                # Dates of a post become ISO strings, as the page's own JSON stores them.
                question["situation"] = json.loads(
                    DjangoJSONEncoder().encode(situation_block().get_prep_value(value["situation"]))
                )
        elif kind == TRUE_FALSE:
            question = {
                "id": _id(child.id),
                "type": kind,
                "text": value["statement"],
                "answer": bool(value["answer"]),
                "feedback_true": value["feedback_true"],
                "feedback_false": value["feedback_false"],
                "explanation": value["explanation"],
            }
        elif kind == ORDERING:
            question = {
                "id": _id(child.id),
                "type": kind,
                "text": value["question"],
                "items": [
                    {"id": _id(item.id), "text": item.value} for item in value["items"].bound_blocks
                ],
                "explanation": value["explanation"],
            }
        else:  # a block type this app does not know yet: not asked rather than mis-graded
            continue
        questions.append(question)
    return questions


def _mixed(ids: list[str], rng: random.Random) -> list[str]:
    """The ids in a random order that is never the right one (when there is more than one)."""
    shown = list(ids)
    for _ in range(20):
        rng.shuffle(shown)
        if shown != ids or len(ids) < 2:
            break
    if shown == ids and len(ids) > 1:
        shown = ids[1:] + ids[:1]
    return shown


def quiz_draw(
    questions: list[dict],
    *,
    count: int | None,
    shuffle_questions: bool,
    shuffle_options: bool,
    rng: random.Random,
) -> list[dict]:
    """The questions of one attempt, in the order they are shown.

    `count` questions are drawn (all when None or too many), kept in the editor's order unless
    shuffled. Ordering steps always get a mixed display order, `shown_order`; the steps themselves
    stay in the right order, which is what grading reads.
    """
    indexes = list(range(len(questions)))
    if count and count < len(questions):
        indexes = sorted(rng.sample(indexes, count))
    drawn = [copy.deepcopy(questions[index]) for index in indexes]
    if shuffle_questions:
        rng.shuffle(drawn)
    for question in drawn:
        if question["type"] == ORDERING:
            question["shown_order"] = _mixed([item["id"] for item in question["items"]], rng)
        elif shuffle_options and "options" in question:
            rng.shuffle(question["options"])
    return drawn
