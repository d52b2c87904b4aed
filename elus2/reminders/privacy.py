"""The reminder outbox, for export and erasure (elus2/users/personal_data.py)."""

from __future__ import annotations

from elus2.users.personal_data import declare, rows

from .models import Reminder
from .services import reminders_cancel_for


def _reminders(user) -> list[dict]:
    """Every outbox row about the person: those sent, and those waiting, skipped or held back."""
    return rows(
        Reminder.objects.filter(user=user).order_by("created_at", "pk"),
        "rule",
        "period",
        "status",
        "skip_reason",
        "created_at",
        "sent_at",
    )


def declare_all() -> None:
    # Erasure cancels what is still waiting; the reminders already sent stay, attached to the
    # nameless account, so the measured effect of a cohort's reminders does not change.
    declare(
        "reminders.Reminder.user",
        section="relances",
        export=_reminders,
        erase=lambda user: reminders_cancel_for(user=user),
    )
