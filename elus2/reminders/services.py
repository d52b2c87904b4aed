"""Writes of the reminders app: the sweep that fills the outbox, the send that empties it, staff's
rules per cohort, and one-click unsubscribe.

Called by the Celery tasks (tasks.py: beat runs the sweep and "send pending"; each row is sent by
its own task), by the staff and unsubscribe views, and by seed_demo. The outbox is the source of
truth: a reminder exists once per (learner, rule, period) by a unique constraint, is sent only by
whoever claims it with a conditional update, and a claim not finished within its lease (a worker
killed mid-send) is claimed again. Broker trouble never loses a row: what could not be published
stays pending and the next run publishes it.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import smtplib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from courses.outline import course_outline
from elus2.cohorts.models import Cohort, Membership
from elus2.learning.models import Enrolment, EnrolmentStatus
from elus2.users.models import ReminderCategory
from elus2.users.services import (
    next_url_is_safe,
    reminder_category_turn_off,
    sign_in_link_create,
)

from .models import (
    LEARNER_RULES,
    CohortReminderPolicy,
    Reminder,
    ReminderStatus,
    Rule,
    SkipReason,
)
from .window import week_start, window_get

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "elus2.reminders.unsubscribe"
# "Resumed" means activity within this time after the reminder (or its would-be time).
RESUME_WINDOW = datetime.timedelta(hours=72)
# A row published this long ago and still pending is published again (its message was lost).
REPUBLISH_AFTER = datetime.timedelta(minutes=15)
# Transient failures wait 1, 2, 4, 8… minutes (capped) before the next attempt.
RETRY_BASE_SECONDS = 60
RETRY_MAX_SECONDS = 3600

Publish = Callable[[int], object]


# --- Rules ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CohortRules:
    """What the sweep needs of one running cohort, read once per sweep."""

    cohort_id: int
    deadline: datetime.date | None
    course_ids: tuple[int, ...]
    policy: CohortReminderPolicy


def holdback_applies(*, user_id: int, cohort_id: int, percent: int | None = None) -> bool:
    """Whether this learner of this cohort is in the control group. A hash, not a draw: the same
    answer on every sweep and every machine, and independent of the order rows are read in."""
    percent = settings.ELUS2_REMINDER_HOLDBACK_PERCENT if percent is None else percent
    digest = hashlib.sha256(f"holdback:{user_id}:{cohort_id}".encode()).hexdigest()
    return int(digest[:8], 16) % 10_000 < percent * 100


def _running_cohorts(today: datetime.date) -> dict[int, CohortRules]:
    """Running cohorts with their courses and rules: three queries, whatever their number."""
    cohorts = {
        row["pk"]: row
        for row in Cohort.objects.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today)).values(
            "pk", "deadline"
        )
    }
    policies = {
        policy.cohort_id: policy
        for policy in CohortReminderPolicy.objects.filter(cohort_id__in=cohorts)
    }
    courses: dict[int, list[int]] = {}
    for cohort_id, course_id in Cohort.courses.through.objects.filter(
        cohort_id__in=cohorts
    ).values_list("cohort_id", "coursepage_id"):
        courses.setdefault(cohort_id, []).append(course_id)
    return {
        pk: CohortRules(
            cohort_id=pk,
            deadline=row["deadline"],
            course_ids=tuple(sorted(courses.get(pk, ()))),
            policy=policies.get(pk) or CohortReminderPolicy(cohort_id=pk),
        )
        for pk, row in cohorts.items()
    }


def _learner_candidates(
    *,
    membership: dict,
    rules: CohortRules,
    enrolments: dict[tuple[int, int], dict],
    now: datetime.datetime,
    today: datetime.date,
) -> Iterable[tuple[str, datetime.date, int]]:
    """(rule, period, enrolment id) for each reminder this membership is due."""
    policy = rules.policy
    progress_ok = membership["user__reminders_progress"]
    deadline_ok = membership["user__reminders_deadline"]
    for course_id in rules.course_ids:
        enrolment = enrolments.get((membership["user_id"], course_id))
        if enrolment is None:
            continue
        last = enrolment["last_activity_at"]
        stalled_since = now - datetime.timedelta(days=policy.stalled_days)
        invited = membership["invited_at"]
        if progress_ok and policy.stalled_enabled and last is not None and last <= stalled_since:
            yield Rule.STALLED, timezone.localdate(last), enrolment["pk"]
        if (
            progress_ok
            and policy.not_started_enabled
            and last is None
            and invited <= now - datetime.timedelta(days=policy.not_started_days)
        ):
            yield Rule.NOT_STARTED, timezone.localdate(invited), enrolment["pk"]
        if deadline_ok and policy.deadline_enabled and rules.deadline is not None:
            days_left = (rules.deadline - today).days
            if 0 <= days_left <= policy.deadline_last_days:
                yield Rule.DEADLINE_TOMORROW, rules.deadline, enrolment["pk"]
            elif policy.deadline_last_days < days_left <= policy.deadline_first_days:
                yield Rule.DEADLINE_SOON, rules.deadline, enrolment["pk"]


@dataclass
class SweepResult:
    batches: int = 0
    memberships: int = 0
    candidates: int = 0  # rows offered to the outbox (existing ones are left as they are)
    held_back: int = 0
    digests: int = 0
    resumed: int = 0


def reminders_sweep(
    *,
    now: datetime.datetime | None = None,
    batch_size: int | None = None,
    publish: Publish | None = None,
    cohort_ids: list[int] | None = None,
) -> SweepResult:
    """Offer the outbox every reminder due now, then (after commit) publish the due ones.

    Memberships of running cohorts are read in primary-key batches: three queries per batch (the
    memberships with their person's preferences, their enrolments, one insert), plus a fixed few
    per sweep, and at most one batch in memory. Inserts ignore rows that exist, so two beats, a
    retried sweep or a sweep run every few minutes add nothing twice. Learners who turned the
    category off are not offered; the control group gets rows marked held_back. `cohort_ids`
    limits the sweep to those cohorts (the demo sweeps its own)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    size = batch_size or settings.ELUS2_REMINDER_BATCH_SIZE
    send_after = window_get().next_opening(now)
    cohorts = _running_cohorts(today)
    result = SweepResult()
    memberships = (
        Membership.objects.filter(
            Q(cohort__ends_on__isnull=True) | Q(cohort__ends_on__gte=today),
            user__is_active=True,
            user__anonymised_at__isnull=True,
        )
        .filter(Q(user__reminders_progress=True) | Q(user__reminders_deadline=True))
        .filter(**({"cohort_id__in": cohort_ids} if cohort_ids is not None else {}))
        .order_by("pk")
        .values(
            "pk",
            "user_id",
            "cohort_id",
            "invited_at",
            "user__reminders_progress",
            "user__reminders_deadline",
        )
    )
    last_pk = 0
    while True:
        batch = list(memberships.filter(pk__gt=last_pk)[:size])
        if not batch:
            break
        result.batches += 1
        result.memberships += len(batch)
        last_pk = batch[-1]["pk"]
        rows = _batch_rows(batch, cohorts, now=now, today=today, send_after=send_after)
        result.candidates += len(rows)
        result.held_back += sum(row.held_back for row in rows)
        Reminder.objects.bulk_create(rows, ignore_conflicts=True, batch_size=size)
        if len(batch) < size:
            break
    result.digests = _digests_offer(cohorts, now=now, send_after=send_after)
    result.resumed = reminders_resumes_record(now=now)
    if publish is not None:
        transaction.on_commit(lambda: reminders_enqueue_due(publish=publish, cohort_ids=cohort_ids))
    return result


def _batch_rows(
    batch: list[dict],
    cohorts: dict[int, CohortRules],
    *,
    now: datetime.datetime,
    today: datetime.date,
    send_after: datetime.datetime,
) -> list[Reminder]:
    course_ids = {
        course
        for m in batch
        if m["cohort_id"] in cohorts
        for course in cohorts[m["cohort_id"]].course_ids
    }
    enrolments = {
        (row["user_id"], row["course_id"]): row
        for row in Enrolment.objects.filter(
            user_id__in={m["user_id"] for m in batch},
            course_id__in=course_ids,
            next_lesson__isnull=False,
        )
        .exclude(status=EnrolmentStatus.COMPLETED)
        .values("pk", "user_id", "course_id", "last_activity_at")
    }
    rows: dict[tuple[int, str, datetime.date], Reminder] = {}
    for membership in batch:
        rules = cohorts.get(membership["cohort_id"])
        if rules is None:
            continue
        held_back = None
        for rule, period, enrolment_id in _learner_candidates(
            membership=membership, rules=rules, enrolments=enrolments, now=now, today=today
        ):
            if held_back is None:
                held_back = holdback_applies(
                    user_id=membership["user_id"], cohort_id=membership["cohort_id"]
                )
            key = (membership["user_id"], rule, period)
            rows.setdefault(
                key,
                Reminder(
                    user_id=membership["user_id"],
                    rule=rule,
                    period=period,
                    cohort_id=membership["cohort_id"],
                    enrolment_id=enrolment_id,
                    held_back=held_back,
                    send_after=send_after,
                ),
            )
    return list(rows.values())


def _digests_offer(
    cohorts: dict[int, CohortRules], *, now: datetime.datetime, send_after: datetime.datetime
) -> int:
    """One digest a week for each chargé·e de suivi of a running cohort whose rules keep it."""
    with_digest = [pk for pk, rules in cohorts.items() if rules.policy.digest_enabled]
    staff_ids = set(
        Cohort.staff.through.objects.filter(
            cohort_id__in=with_digest,
            user__is_active=True,
            user__anonymised_at__isnull=True,
            user__reminders_digest=True,
        ).values_list("user_id", flat=True)
    )
    period = week_start(now)
    Reminder.objects.bulk_create(
        [
            Reminder(user_id=user_id, rule=Rule.DIGEST, period=period, send_after=send_after)
            for user_id in sorted(staff_ids)
        ],
        ignore_conflicts=True,
    )
    return len(staff_ids)


def reminders_resumes_record(*, now: datetime.datetime | None = None) -> int:
    """Stamp `resumed_at` on reminders (sent or held back) followed by activity within 72 h: one
    update, so the measure survives later activity moving last_activity_at further on."""
    now = now or timezone.now()
    last_activity = Subquery(
        Enrolment.objects.filter(pk=OuterRef("enrolment_id")).values("last_activity_at")[:1]
    )
    return Reminder.objects.filter(
        resumed_at__isnull=True,
        status__in=[ReminderStatus.SENT, ReminderStatus.WITHHELD],
        sent_at__gte=now - RESUME_WINDOW - datetime.timedelta(days=1),
        enrolment__last_activity_at__gt=F("sent_at"),
        enrolment__last_activity_at__lte=F("sent_at") + RESUME_WINDOW,
    ).update(resumed_at=last_activity)


# --- Publishing -----------------------------------------------------------------------------------


def _publish(ids: list[int], publish: Publish) -> list[int]:
    """Publish one send task per id, stopping at the first failure: with the broker down each try
    costs a bounded timeout (settings: CELERY_BROKER_*), and the rest waits for the next run."""
    done: list[int] = []
    for pk in ids:
        try:
            publish(pk)
        except Exception as error:  # kombu OperationalError, redis errors, OSError…
            logger.warning(
                "reminders: broker unreachable (%s); %s reminders stay pending",
                type(error).__name__,
                len(ids) - len(done),
            )
            break
        done.append(pk)
    return done


def reminders_enqueue_due(
    *,
    publish: Publish,
    now: datetime.datetime | None = None,
    batch_size: int | None = None,
    cohort_ids: list[int] | None = None,
) -> int:
    """Publish a send task for each reminder due now: pending and past its send_after, or claimed
    by a worker that did not finish within its lease. Only inside the sending window. A row is
    published again only when its earlier message may be lost (REPUBLISH_AFTER, or a lease that
    ran out after it was published). Called after commit: by the sweep, and every few minutes by
    beat ("send pending"), which is how a row that could not be published goes out later.

    This is delay_on_commit() done by hand: Celery's version stops at the first failing publish
    and raises out of the commit; here a dead broker costs one bounded timeout per run, is
    logged, and leaves the rows pending. Returns how many tasks were published."""
    now = now or timezone.now()
    if not window_get().is_open(now):
        return 0
    size = batch_size or settings.ELUS2_REMINDER_BATCH_SIZE
    _exhausted_fail(now)
    due = Reminder.objects.filter(
        Q(status=ReminderStatus.PENDING, send_after__lte=now)
        & (Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=now - REPUBLISH_AFTER))
        | Q(status=ReminderStatus.SENDING, lease_until__lt=now)
        & (Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=F("lease_until")))
    ).order_by("pk")
    if cohort_ids is not None:
        due = due.filter(cohort_id__in=cohort_ids)
    published = 0
    last_pk = 0
    while True:
        ids = list(due.filter(pk__gt=last_pk).values_list("pk", flat=True)[:size])
        if not ids:
            break
        last_pk = ids[-1]
        done = _publish(ids, publish)
        if done:
            Reminder.objects.filter(pk__in=done).update(enqueued_at=now)
        published += len(done)
        if len(done) < len(ids) or len(ids) < size:
            break
    return published


def _exhausted_fail(now: datetime.datetime) -> int:
    """Claims that ran out of lease after the last allowed attempt: failed, for staff to see."""
    return Reminder.objects.filter(
        status=ReminderStatus.SENDING,
        lease_until__lt=now,
        attempts__gte=settings.ELUS2_REMINDER_MAX_ATTEMPTS,
    ).update(
        status=ReminderStatus.FAILED,
        week=None,
        last_error="Envoi interrompu à chaque tentative.",
    )


# --- Sending --------------------------------------------------------------------------------------


class ReminderRetry(Exception):
    """A transient failure: the row is pending again; try after `countdown` seconds."""

    def __init__(self, countdown: int):
        super().__init__(countdown)
        self.countdown = countdown


def _claim(reminder_id: int, now: datetime.datetime) -> Reminder | str:
    """Take the row for sending, or say why not. The conditional update lets exactly one of two
    racing tasks win; the week stamp meets the (user, week) constraint when this official already
    had their reminder this week, and the row then waits for next week's window."""
    row = Reminder.objects.filter(pk=reminder_id).values("rule", "status", "attempts").first()
    if row is None:
        return "gone"
    if row["status"] not in (ReminderStatus.PENDING, ReminderStatus.SENDING):
        return "done"
    claimable = Reminder.objects.filter(pk=reminder_id, send_after__lte=now).filter(
        Q(status=ReminderStatus.PENDING) | Q(status=ReminderStatus.SENDING, lease_until__lt=now)
    )
    if row["attempts"] >= settings.ELUS2_REMINDER_MAX_ATTEMPTS:
        claimable.update(status=ReminderStatus.FAILED, week=None, last_error="Trop de tentatives.")
        return "failed"
    learner = row["rule"] in LEARNER_RULES
    try:
        with transaction.atomic():
            claimed = claimable.update(
                status=ReminderStatus.SENDING,
                claimed_at=now,
                lease_until=now + datetime.timedelta(seconds=settings.ELUS2_REMINDER_LEASE_SECONDS),
                attempts=F("attempts") + 1,
                week=week_start(now) if learner else None,
            )
    except IntegrityError:
        next_monday = timezone.localtime(now).replace(
            hour=0, minute=0, second=0, microsecond=0
        ) + datetime.timedelta(days=7 - timezone.localtime(now).weekday())
        Reminder.objects.filter(pk=reminder_id, status=ReminderStatus.PENDING).update(
            send_after=window_get().next_opening(next_monday), enqueued_at=None
        )
        return "deferred"
    if not claimed:
        return "busy"
    return Reminder.objects.select_related(
        "user", "cohort", "cohort__organisation", "enrolment", "enrolment__course"
    ).get(pk=reminder_id)


def _finish(reminder: Reminder, **fields) -> bool:
    """Record the outcome, only if our claim still stands (a claim whose lease ran out may have
    been taken over)."""
    updated = Reminder.objects.filter(
        pk=reminder.pk, status=ReminderStatus.SENDING, claimed_at=reminder.claimed_at
    ).update(**fields)
    if not updated:
        logger.warning("reminders: reminder %s was claimed again before it finished", reminder.pk)
    return bool(updated)


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


def unsubscribe_token(*, user_id: int, category: str) -> str:
    """Signed (user, category): enough to turn that one preference off, nothing else."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object(
        [user_id, ReminderCategory(category).value]
    )


def unsubscribe_token_read(token: str) -> tuple[int, str]:
    """(user id, category) of a token; raises signing.BadSignature when tampered or made up."""
    try:
        user_id, category = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
        return int(user_id), ReminderCategory(category).value
    except (ValueError, TypeError):
        raise signing.BadSignature from None


def unsubscribe_url(*, user_id: int, category: str) -> str:
    token = unsubscribe_token(user_id=user_id, category=category)
    return settings.SITE_URL + reverse("reminders:unsubscribe", args=[token])


def _message(*, reminder: Reminder, template: str, context: dict) -> EmailMultiAlternatives:
    """Plain text and HTML in the person's language, with RFC 8058 one-click unsubscribe."""
    user = reminder.user
    unsubscribe = unsubscribe_url(user_id=user.pk, category=reminder.category)
    context = {
        **context,
        "user": user,
        "site_url": settings.SITE_URL,
        "unsubscribe_url": unsubscribe,
        "preferences_url": settings.SITE_URL + reverse("my_account_profile"),
        "category_label": ReminderCategory(reminder.category).label,
    }
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context["category_label"] = str(context["category_label"])
        subject = render_to_string(f"reminders/email/{template}_subject.txt", context)
        text = render_to_string(f"reminders/email/{template}.txt", context)
        html = render_to_string(f"reminders/email/{template}.html", context)
    message = EmailMultiAlternatives(
        " ".join(subject.split()),
        text,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def _learner_message(reminder: Reminder) -> EmailMultiAlternatives | None:
    """Names the next lesson and its length, and links straight into it (signed in)."""
    enrolment = reminder.enrolment
    outline = course_outline(course_path=enrolment.course.path)
    lesson = next(
        (
            item
            for item in (outline.lessons if outline else [])
            if item.id == enrolment.next_lesson_id
        ),
        None,
    )
    if lesson is None or not next_url_is_safe(lesson.url):
        return None
    link = sign_in_link_create(
        user=reminder.user,
        next_url=lesson.url,
        lifetime=datetime.timedelta(hours=settings.ELUS2_REMINDER_LINK_HOURS),
    )
    return _message(
        reminder=reminder,
        template="learner",
        context={
            "rule": reminder.rule,
            "lesson": lesson,
            "course_title": outline.course_title,
            "enrolment": enrolment,
            "cohort": reminder.cohort,
            "link": link,
            "link_hours": settings.ELUS2_REMINDER_LINK_HOURS,
        },
    )


def _digest_message(reminder: Reminder, now: datetime.datetime) -> EmailMultiAlternatives | None:
    from .selectors import staff_digest_build

    cohorts = staff_digest_build(user=reminder.user, now=now)
    if not cohorts:
        return None
    return _message(
        reminder=reminder,
        template="digest",
        context={"cohorts": cohorts, "week": reminder.period},
    )


def _is_transient(error: Exception) -> bool:
    """4xx answers, dropped connections and network errors pass; 5xx answers will not."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(400 <= code < 500 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return True
    if isinstance(error, smtplib.SMTPException):
        return False
    return isinstance(error, OSError)  # refused, reset, timed out, DNS


def _send_failed(reminder: Reminder, error: Exception, now: datetime.datetime) -> str:
    detail = f"{type(error).__name__}: {error}"[:500]
    attempts = reminder.attempts  # read after the claim, so this attempt is counted
    if _is_transient(error) and attempts < settings.ELUS2_REMINDER_MAX_ATTEMPTS:
        countdown = min(RETRY_BASE_SECONDS * 2 ** (attempts - 1), RETRY_MAX_SECONDS)
        _finish(
            reminder,
            status=ReminderStatus.PENDING,
            week=None,
            lease_until=None,
            send_after=now + datetime.timedelta(seconds=countdown),
            enqueued_at=now,
            last_error=detail,
        )
        logger.info("reminders: reminder %s will be retried in %s s", reminder.pk, countdown)
        raise ReminderRetry(countdown)
    _finish(reminder, status=ReminderStatus.FAILED, week=None, last_error=detail)
    logger.warning("reminders: reminder %s failed (%s)", reminder.pk, type(error).__name__)
    return "failed"


def reminder_send(*, reminder_id: int, now: datetime.datetime | None = None) -> str:
    """Send one reminder at most once. Returns what happened: "sent", "withheld" (control group),
    "skipped" (resumed, completed, unsubscribed… checked again now), "failed", or why nothing
    was done ("outside_window", "deferred" to next week, "busy", "done", "gone").
    Raises ReminderRetry on a transient error (the row is pending again)."""
    now = now or timezone.now()
    if not window_get().is_open(now):
        return "outside_window"
    claimed = _claim(reminder_id, now)
    if isinstance(claimed, str):
        return claimed
    reminder = claimed
    reason = _skip_reason(reminder, now)
    if reason:
        _finish(reminder, status=ReminderStatus.SKIPPED, skip_reason=reason, week=None)
        return "skipped"
    if reminder.held_back:
        _finish(reminder, status=ReminderStatus.WITHHELD, sent_at=now)
        return "withheld"
    if reminder.rule == Rule.DIGEST:
        message = _digest_message(reminder, now)
    else:
        message = _learner_message(reminder)
    if message is None:
        _finish(reminder, status=ReminderStatus.SKIPPED, skip_reason=SkipReason.NOTHING, week=None)
        return "skipped"
    try:
        message.send()
    except Exception as error:
        return _send_failed(reminder, error, now)
    # SMTP is not transactional: a worker killed between the server's "250 OK" and this update
    # would send again after the lease. That gap is one UPDATE long; the slow part (the SMTP
    # conversation) happens while the row is claimed.
    _finish(reminder, status=ReminderStatus.SENT, sent_at=timezone.now(), last_error="")
    return "sent"


# --- Staff rules and preferences ------------------------------------------------------------------


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
def reminder_unsubscribe(*, user_id: int, category: str) -> bool:
    """Turn one category off for one person (the one-click link). Returns False when it was
    already off. Pending rows of that category are skipped when their turn comes."""
    return reminder_category_turn_off(user_id=user_id, category=category)


@transaction.atomic
def reminders_cancel_for(*, user) -> int:
    """Erasure: nothing still waiting in the outbox goes to this person."""
    return Reminder.objects.filter(
        user=user, status__in=[ReminderStatus.PENDING, ReminderStatus.SENDING]
    ).update(status=ReminderStatus.CANCELLED, week=None)
