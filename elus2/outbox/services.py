"""Writes of the outbox: claim a row, record what happened, retry or fail, publish what is due,
and turn an unsubscribe category off.

Called by the apps that send mail (reminders, cohorts' invitations), each on its own table of
`OutboxRow`s, from their Celery tasks; and by the unsubscribe view. The database decides: a row
is sent only by whoever claims it with a conditional update, a claim not finished within its
lease is claimed again, and an outcome is recorded only while the claim still stands.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from collections.abc import Callable

from django.db import transaction
from django.db.models import F, Q, QuerySet

from elus2.users.services import reminder_category_turn_off

from .models import FailureCategory, OutboxRow, OutboxStatus

logger = logging.getLogger(__name__)

# A row published this long ago and still pending is published again (its message was lost).
REPUBLISH_AFTER = datetime.timedelta(minutes=15)
# Transient failures wait 1, 2, 4, 8… minutes (capped) before the next attempt.
RETRY_BASE_SECONDS = 60
RETRY_MAX_SECONDS = 3600

Publish = Callable[[int], object]


class OutboxRetry(Exception):
    """A transient failure: the row is pending again; try after `countdown` seconds."""

    def __init__(self, countdown: int):
        super().__init__(countdown)
        self.countdown = countdown


# --- Failures -------------------------------------------------------------------------------------


def failure_category(error: Exception) -> str:
    """What kind of failure this is, for staff. The SMTP answer itself is never kept."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        if codes and all(400 <= code < 500 for code in codes):
            return FailureCategory.TEMPORARY
        return FailureCategory.RECIPIENT_REFUSED
    if isinstance(error, smtplib.SMTPResponseException):
        return (
            FailureCategory.TEMPORARY if 400 <= error.smtp_code < 500 else FailureCategory.REJECTED
        )
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return FailureCategory.UNREACHABLE
    if isinstance(error, smtplib.SMTPException):
        return FailureCategory.REJECTED
    if isinstance(error, OSError):  # refused, reset, timed out, DNS
        return FailureCategory.UNREACHABLE
    return FailureCategory.UNEXPECTED


TRANSIENT = (FailureCategory.TEMPORARY, FailureCategory.UNREACHABLE)


def is_transient(error: Exception) -> bool:
    """4xx answers, dropped connections and network errors pass; 5xx answers will not."""
    return failure_category(error) in TRANSIENT


def retry_countdown(attempts: int) -> int:
    return min(RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0), RETRY_MAX_SECONDS)


# --- Claim and outcome ----------------------------------------------------------------------------


def _claimable(model: type[OutboxRow], pk: int, now: datetime.datetime) -> QuerySet:
    return model.objects.filter(pk=pk, send_after__lte=now).filter(
        Q(status=OutboxStatus.PENDING) | Q(status=OutboxStatus.SENDING, lease_until__lt=now)
    )


def outbox_claim(
    model: type[OutboxRow],
    pk: int,
    *,
    now: datetime.datetime,
    max_attempts: int,
    lease_seconds: int,
    extra: dict | None = None,
) -> bool | str:
    """Take the row for sending (True), or say why not: "gone", "done" (sent, failed,
    cancelled…), "failed" (no attempt left), "busy" (another worker holds it, or it is not due).
    The conditional update lets exactly one of two racing tasks win. `extra` fields are set with
    the claim; an IntegrityError they cause (a constraint of the concrete table) propagates."""
    row = model.objects.filter(pk=pk).values("status", "attempts").first()
    if row is None:
        return "gone"
    if row["status"] not in (OutboxStatus.PENDING, OutboxStatus.SENDING):
        return "done"
    claimable = _claimable(model, pk, now)
    if row["attempts"] >= max_attempts:
        claimable.update(
            status=OutboxStatus.FAILED,
            failure=FailureCategory.TOO_MANY_ATTEMPTS,
            **model.release_fields,
        )
        return "failed"
    with transaction.atomic():
        claimed = claimable.update(
            status=OutboxStatus.SENDING,
            claimed_at=now,
            lease_until=now + datetime.timedelta(seconds=lease_seconds),
            attempts=F("attempts") + 1,
            **(extra or {}),
        )
    return bool(claimed) or "busy"


def outbox_finish(row: OutboxRow, **fields) -> bool:
    """Record the outcome, only if our claim still stands (a claim whose lease ran out may have
    been taken over)."""
    updated = (
        type(row)
        .objects.filter(pk=row.pk, status=OutboxStatus.SENDING, claimed_at=row.claimed_at)
        .update(**fields)
    )
    if not updated:
        logger.warning("outbox: %s %s was claimed again before it finished", row._meta, row.pk)
    return bool(updated)


def outbox_sent(row: OutboxRow, *, now: datetime.datetime) -> bool:
    # SMTP is not transactional: a worker killed between the server's "250 OK" and this update
    # would send again after the lease. That gap is one UPDATE long; the slow part (the SMTP
    # conversation) happens while the row is claimed.
    return outbox_finish(row, status=OutboxStatus.SENT, sent_at=now, failure="")


def outbox_send_failed(
    row: OutboxRow, error: Exception, *, now: datetime.datetime, max_attempts: int
) -> str:
    """A send raised: pending again with a backoff (raises OutboxRetry) when the failure is
    transient and attempts remain, else failed. Only the category is stored."""
    category = failure_category(error)
    attempts = row.attempts  # read after the claim, so this attempt is counted
    if category in TRANSIENT and attempts < max_attempts:
        countdown = retry_countdown(attempts)
        outbox_finish(
            row,
            status=OutboxStatus.PENDING,
            lease_until=None,
            send_after=now + datetime.timedelta(seconds=countdown),
            enqueued_at=now,
            failure=category,
            **row.release_fields,
        )
        logger.info("outbox: %s %s will be retried in %s s", row._meta, row.pk, countdown)
        raise OutboxRetry(countdown)
    outbox_finish(row, status=OutboxStatus.FAILED, failure=category, **row.release_fields)
    logger.warning("outbox: %s %s failed (%s)", row._meta, row.pk, type(error).__name__)
    return "failed"


# --- Publishing -----------------------------------------------------------------------------------


def outbox_publish(ids: list[int], publish: Publish) -> list[int]:
    """Publish one send task per id, stopping at the first failure: with the broker down each try
    costs a bounded timeout (settings: CELERY_BROKER_*), and the rest waits for the next run."""
    done: list[int] = []
    for pk in ids:
        try:
            publish(pk)
        except Exception as error:  # kombu OperationalError, redis errors, OSError…
            logger.warning(
                "outbox: broker unreachable (%s); %s messages stay pending",
                type(error).__name__,
                len(ids) - len(done),
            )
            break
        done.append(pk)
    return done


def _exhausted_fail(rows: QuerySet, now: datetime.datetime, max_attempts: int) -> int:
    """Claims that ran out of lease after the last allowed attempt: failed, for staff to see."""
    return rows.filter(
        status=OutboxStatus.SENDING, lease_until__lt=now, attempts__gte=max_attempts
    ).update(
        status=OutboxStatus.FAILED,
        failure=FailureCategory.INTERRUPTED,
        **rows.model.release_fields,
    )


def outbox_enqueue_due(
    rows: QuerySet,
    *,
    publish: Publish,
    now: datetime.datetime,
    batch_size: int,
    max_attempts: int,
) -> int:
    """Publish a send task for each of `rows` due now: pending and past its send_after, or
    claimed by a worker that did not finish within its lease. A row is published again only when
    its earlier message may be lost (REPUBLISH_AFTER, or a lease that ran out after it was
    published). Returns how many tasks were published.

    This is delay_on_commit() done by hand: Celery's version stops at the first failing publish
    and raises out of the commit; here a dead broker costs one bounded timeout per run, is
    logged, and leaves the rows pending for the next run (beat's "send pending")."""
    _exhausted_fail(rows, now, max_attempts)
    due = rows.filter(
        Q(status=OutboxStatus.PENDING, send_after__lte=now)
        & (Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=now - REPUBLISH_AFTER))
        | Q(status=OutboxStatus.SENDING, lease_until__lt=now)
        & (Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=F("lease_until")))
    ).order_by("pk")
    published = 0
    last_pk = 0
    while True:
        ids = list(due.filter(pk__gt=last_pk).values_list("pk", flat=True)[:batch_size])
        if not ids:
            break
        last_pk = ids[-1]
        done = outbox_publish(ids, publish)
        if done:
            rows.model.objects.filter(pk__in=done).update(enqueued_at=now)
        published += len(done)
        if len(done) < len(ids) or len(ids) < batch_size:
            break
    return published


def outbox_cancel(rows: QuerySet) -> int:
    """Nothing of `rows` still waiting goes out (erasure, a member removed…)."""
    return rows.filter(status__in=[OutboxStatus.PENDING, OutboxStatus.SENDING]).update(
        status=OutboxStatus.CANCELLED, **rows.model.release_fields
    )


# --- Unsubscribe ----------------------------------------------------------------------------------


@transaction.atomic
def category_unsubscribe(*, user_id: int, category: str) -> bool:
    """Turn one category off for one person (the one-click link). Returns False when it was
    already off. Rows of that category still waiting are skipped when their turn comes."""
    return reminder_category_turn_off(user_id=user_id, category=category)
