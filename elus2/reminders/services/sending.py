"""Send one reminder: claim its row (the outbox's conditional update, plus the week it takes),
check again that it still applies, then send it, hold it back or skip it.

Called by the Celery task `reminders.send` (one per row) and by seed_demo.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import IntegrityError
from django.utils import timezone

from elus2.learning.models import EnrolmentStatus
from elus2.outbox.services import (
    OutboxRetry,
    outbox_claim,
    outbox_finish,
    outbox_send_failed,
    outbox_sent,
)
from elus2.outbox.window import week_start, window_get

from ..models import LEARNER_RULES, CohortReminderPolicy, Reminder, ReminderStatus, Rule, SkipReason
from .messages import digest_message, learner_message

# The tasks retry on this (a transient failure: the row is pending again).
ReminderRetry = OutboxRetry


def _claim(reminder_id: int, now: datetime.datetime) -> Reminder | str:
    """Take the row for sending, or say why not (see outbox_claim). The week stamp meets the
    (user, week) constraint when this official already had their reminder this week, and the
    row then waits for next week's window."""
    rule = Reminder.objects.filter(pk=reminder_id).values_list("rule", flat=True).first()
    try:
        claimed = outbox_claim(
            Reminder,
            reminder_id,
            now=now,
            max_attempts=settings.ELUS2_REMINDER_MAX_ATTEMPTS,
            lease_seconds=settings.ELUS2_REMINDER_LEASE_SECONDS,
            extra={"week": week_start(now) if rule in LEARNER_RULES else None},
        )
    except IntegrityError:
        next_monday = timezone.localtime(now).replace(
            hour=0, minute=0, second=0, microsecond=0
        ) + datetime.timedelta(days=7 - timezone.localtime(now).weekday())
        Reminder.objects.filter(pk=reminder_id, status=ReminderStatus.PENDING).update(
            send_after=window_get().next_opening(next_monday), enqueued_at=None
        )
        return "deferred"
    if claimed is not True:
        return claimed
    return Reminder.objects.select_related(
        "user", "cohort", "cohort__organisation", "enrolment", "enrolment__course"
    ).get(pk=reminder_id)


def _rule_still_on(reminder: Reminder) -> bool:
    if reminder.cohort_id is None:
        return reminder.rule == Rule.DIGEST
    policy = CohortReminderPolicy.objects.filter(cohort_id=reminder.cohort_id).first()
    policy = policy or CohortReminderPolicy()
    return {
        Rule.STALLED: policy.stalled_enabled,
        Rule.NOT_STARTED: policy.not_started_enabled,
        Rule.DEADLINE_SOON: policy.deadline_enabled,
        Rule.DEADLINE_TOMORROW: policy.deadline_enabled,
        Rule.DIGEST: policy.digest_enabled,
    }[Rule(reminder.rule)]


def _skip_reason(reminder: Reminder, now: datetime.datetime) -> str:
    """Checked again at send time: the sweep saw the world as it was, maybe days ago."""
    user = reminder.user
    if not user.is_active or user.anonymised_at is not None:
        return SkipReason.INACTIVE
    if not user.accepts_reminders(reminder.category):
        return SkipReason.UNSUBSCRIBED
    if reminder.rule == Rule.DIGEST:
        return ""
    if not _rule_still_on(reminder):
        return SkipReason.NOTHING
    enrolment = reminder.enrolment
    if enrolment is None:
        return SkipReason.NOTHING
    if enrolment.status == EnrolmentStatus.COMPLETED or enrolment.next_lesson_id is None:
        return SkipReason.COMPLETED
    last = enrolment.last_activity_at
    if reminder.rule == Rule.STALLED and last and timezone.localdate(last) > reminder.period:
        return SkipReason.RESUMED
    if reminder.rule == Rule.NOT_STARTED and last is not None:
        return SkipReason.RESUMED
    if reminder.rule in (Rule.DEADLINE_SOON, Rule.DEADLINE_TOMORROW):
        cohort = reminder.cohort
        if (
            cohort is None
            or cohort.deadline != reminder.period
            or cohort.deadline < timezone.localdate(now)
        ):
            return SkipReason.EXPIRED
    return ""


def reminder_send(*, reminder_id: int, now: datetime.datetime | None = None) -> str:
    """Send one reminder at most once. Returns what happened: "sent", "withheld" (control group),
    "skipped" (resumed, completed, unsubscribed… checked again now), "failed", or why nothing
    was done ("outside_window", "deferred" to next week, "busy", "done", "gone").
    Raises OutboxRetry on a transient error (the row is pending again)."""
    now = now or timezone.now()
    if not window_get().is_open(now):
        return "outside_window"
    claimed = _claim(reminder_id, now)
    if isinstance(claimed, str):
        return claimed
    reminder = claimed
    reason = _skip_reason(reminder, now)
    if reason:
        outbox_finish(reminder, status=ReminderStatus.SKIPPED, skip_reason=reason, week=None)
        return "skipped"
    if reminder.held_back:
        outbox_finish(reminder, status=ReminderStatus.WITHHELD, sent_at=now)
        return "withheld"
    if reminder.rule == Rule.DIGEST:
        message = digest_message(reminder, now)
    else:
        message = learner_message(reminder)
    if message is None:
        outbox_finish(
            reminder, status=ReminderStatus.SKIPPED, skip_reason=SkipReason.NOTHING, week=None
        )
        return "skipped"
    try:
        message.send()
    except Exception as error:
        return outbox_send_failed(
            reminder, error, now=now, max_attempts=settings.ELUS2_REMINDER_MAX_ATTEMPTS
        )
    outbox_sent(reminder, now=timezone.now())
    return "sent"
