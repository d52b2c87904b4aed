"""Writes of the reminders app, one module per concern:

- sweep.py: the sweep that fills the outbox with the reminders due, and their publishing;
- sending.py: one reminder claimed, checked again and sent (or held back, or skipped);
- messages.py: the learner's e-mail and the staff digest;
- policy.py: staff's rules per cohort, and erasure.

Called by the Celery tasks (tasks.py: beat runs the sweep and "send pending"; each row is sent by
its own task), by the staff view, by erasure and by seed_demo. Claims, leases, retries, failure
categories, the sending window and unsubscribe links are the outbox's (elus2/outbox).
"""

from .policy import cohort_reminder_policy_update, reminders_cancel_for
from .sending import ReminderRetry, reminder_send
from .sweep import (
    RESUME_WINDOW,
    SweepResult,
    holdback_applies,
    reminders_enqueue_due,
    reminders_resumes_record,
    reminders_sweep,
)

__all__ = [
    "RESUME_WINDOW",
    "ReminderRetry",
    "SweepResult",
    "cohort_reminder_policy_update",
    "holdback_applies",
    "reminder_send",
    "reminders_cancel_for",
    "reminders_enqueue_due",
    "reminders_resumes_record",
    "reminders_sweep",
]
