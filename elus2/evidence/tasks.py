"""Beat task: the retention purge of the evidence ledger (idempotent)."""

from celery import shared_task

from .services import evidence_purge


@shared_task(name="evidence.purge", time_limit=600, soft_time_limit=540)
def evidence_purge_task() -> int:
    return evidence_purge()
