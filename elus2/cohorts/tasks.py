"""Celery tasks of the cohorts app: thin, idempotent, named (shared/STYLE.md rule 7)."""

from celery import shared_task

from .retention import retention_apply


@shared_task(name="cohorts.retention_apply", time_limit=1800, soft_time_limit=1700)
def retention_apply_task() -> int:
    """Daily: anonymise learners whose last cohort ended more than the retention period ago."""
    return retention_apply()
