"""Celery tasks of the reminders app: thin, named, idempotent through the outbox (STYLE rule 7).

Beat runs `reminders.sweep` (fill the outbox) and `reminders.send_pending` (publish what is due,
including rows a dead worker left claimed); each row is then sent by its own `reminders.send`.
A task delivered twice, or two beats, find the row already claimed or sent and do nothing.
"""

from __future__ import annotations

from celery import shared_task
from django.conf import settings

from .services import ReminderRetry, reminder_send, reminders_enqueue_due, reminders_sweep


@shared_task(name="reminders.sweep", time_limit=900, soft_time_limit=840)
def reminders_sweep_task() -> int:
    """Offer the outbox every reminder due now; publish the due ones after commit."""
    return reminders_sweep(publish=reminder_send_task.delay).candidates


@shared_task(name="reminders.send_pending", time_limit=300, soft_time_limit=270)
def reminders_send_pending_task() -> int:
    """Publish due reminders that are not on their way (broker was down, worker was killed)."""
    return reminders_enqueue_due(publish=reminder_send_task.delay)


# The hard limit must stay under ELUS2_REMINDER_LEASE_SECONDS: a task past its lease is killed
# before another worker may claim its row.
@shared_task(
    bind=True,
    name="reminders.send",
    time_limit=120,
    soft_time_limit=100,
    max_retries=settings.ELUS2_REMINDER_MAX_ATTEMPTS,
)
def reminder_send_task(self, reminder_id: int) -> str:
    """Send one outbox row, at most once; transient SMTP errors retry with backoff and a cap."""
    try:
        return reminder_send(reminder_id=reminder_id)
    except ReminderRetry as retry:
        if self.request.retries >= self.max_retries:
            return "retry_later"  # the row is pending: "send pending" will publish it again
        raise self.retry(countdown=retry.countdown) from None
