"""Celery tasks of the learning app: thin, named, idempotent (shared/STYLE.md rule 7)."""

from __future__ import annotations

from celery import shared_task

from courses.models import CoursePage

from .services import active_time_evidence_record, enrolment_figures_refresh


@shared_task(name="learning.enrolment_figures_refresh", time_limit=900, soft_time_limit=840)
def enrolment_figures_refresh_task(course_id: int) -> int:
    """A course's content changed: refresh its enrolments' figures, in batches."""
    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None:  # deleted since the publish
        return 0
    return enrolment_figures_refresh(course=course)


@shared_task(name="learning.active_time_evidence", time_limit=1800, soft_time_limit=1740)
def active_time_evidence_task() -> int:
    """Nightly: each official's active time of the finished days goes to the evidence ledger."""
    return active_time_evidence_record()
