"""Celery tasks of the users app: thin, idempotent, named (shared/STYLE.md rule 7)."""

from celery import shared_task

from .services import sign_in_links_purge


@shared_task(name="users.sign_in_links_purge", time_limit=600, soft_time_limit=540)
def sign_in_links_purge_task() -> int:
    """Daily: delete sign-in links used or expired longer ago than SIGN_IN_LINK_KEPT_AFTER_END."""
    return sign_in_links_purge()
