"""Celery tasks of the learning app: thin, named, idempotent (shared/STYLE.md rule 7)."""

from __future__ import annotations

from celery import shared_task

from courses.models import CoursePage

from .services import enrolment_figures_refresh


@shared_task(name="learning.enrolment_figures_refresh", time_limit=900, soft_time_limit=840)
def enrolment_figures_refresh_task(course_id: int) -> int:
    """A course's content changed: refresh its enrolments' figures, in batches."""
    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None:  # deleted since the publish
        return 0
    return enrolment_figures_refresh(course=course)
