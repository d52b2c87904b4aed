"""Staff's reminder rules per cohort, and erasure. Called by the staff page and by erasure
(privacy.py)."""

from __future__ import annotations

from django.db import transaction

from elus2.cohorts.models import Cohort
from elus2.outbox.services import outbox_cancel

from ..models import CohortReminderPolicy, Reminder


@transaction.atomic
def cohort_reminder_policy_update(*, cohort: Cohort, values: dict) -> CohortReminderPolicy:
    """Save the cohort's rules (creates the row the first time). Rows already in the outbox are
    checked against the new rules when they are sent."""
    fields = {
        name: values[name]
        for name in (
            "stalled_enabled",
            "stalled_days",
            "not_started_enabled",
            "not_started_days",
            "deadline_enabled",
            "deadline_first_days",
            "deadline_last_days",
            "digest_enabled",
        )
        if name in values
    }
    policy, _created = CohortReminderPolicy.objects.update_or_create(cohort=cohort, defaults=fields)
    return policy


@transaction.atomic
def reminders_cancel_for(*, user) -> int:
    """Erasure: nothing still waiting in the outbox goes to this person."""
    return outbox_cancel(Reminder.objects.filter(user=user))
