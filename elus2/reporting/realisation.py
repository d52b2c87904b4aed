"""The taux de réalisation a funder pays on (the Caisse des Dépôts' rule for distance and blended
training): the planned minutes of the steps the official actually completed, over the programme's
planned minutes, as a whole number rounded half up. Completed steps are read from the evidence
ledger, never from counters, so the figure is the one the provider can prove; planned minutes are
the ones trainers set on lessons (the course outline as it is now)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from courses.models import CoursePage
from courses.outline import course_outline
from elus2.evidence.models import Fact, FactKind


def realisation_percent(completed_minutes: int, planned_minutes: int) -> int:
    """Whole-number percent, .5 rounded up (the funder's rule), 0 for an empty programme."""
    if planned_minutes <= 0:
        return 0
    ratio = Decimal(100) * Decimal(completed_minutes) / Decimal(planned_minutes)
    return int(ratio.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Step:
    title: str
    module_title: str
    planned_minutes: int
    completed_at: datetime.datetime | None  # the ledger's date, None when not done


@dataclass(frozen=True)
class Realisation:
    percent: int
    completed_minutes: int
    planned_minutes: int
    steps: list[Step]


def realisation_get(*, person_id: int, course: CoursePage) -> Realisation:
    """The official's taux de réalisation for the course, with every step behind it: two
    queries (the outline when not cached, the person's completion facts for the course)."""
    outline = course_outline(course_path=course.path)
    if outline is None:
        return Realisation(0, 0, 0, [])
    done = {}
    facts = Fact.objects.filter(
        person_id=person_id, course_id=course.pk, kind=FactKind.LESSON_COMPLETED
    ).values_list("data", "occurred_at")
    for data, occurred_at in facts:
        done.setdefault(data.get("lesson"), occurred_at)
    modules = {module.id: module.title for module in outline.modules}
    steps = [
        Step(
            title=lesson.title,
            module_title=modules.get(lesson.module_id, ""),
            planned_minutes=lesson.minutes,
            completed_at=done.get(lesson.id),
        )
        for lesson in outline.lessons
    ]
    planned = sum(step.planned_minutes for step in steps)
    completed = sum(step.planned_minutes for step in steps if step.completed_at is not None)
    return Realisation(realisation_percent(completed, planned), completed, planned, steps)
