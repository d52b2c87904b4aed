"""The sweep: fill the reminders' outbox with every reminder due, then publish the due ones.

Called by the Celery beat task `reminders.sweep` (every 15 minutes), `reminders.send_pending`
and seed_demo. A reminder exists once per (learner, rule, period) by a unique constraint: two
beats, a retried sweep or a sweep run every few minutes add nothing twice. Broker trouble never
loses a row: what could not be published stays pending and the next run publishes it.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from elus2.cohorts.models import Cohort, Membership
from elus2.learning.models import Enrolment, EnrolmentStatus
from elus2.outbox.services import Publish, outbox_enqueue_due
from elus2.outbox.window import week_start, window_get

from ..models import CohortReminderPolicy, Reminder, ReminderStatus, Rule

# "Resumed" means activity within this time after the reminder (or its would-be time).
RESUME_WINDOW = datetime.timedelta(hours=72)


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


def reminders_enqueue_due(
    *,
    publish: Publish,
    now: datetime.datetime | None = None,
    batch_size: int | None = None,
    cohort_ids: list[int] | None = None,
) -> int:
    """Publish a send task for each reminder due now (the outbox's rules: pending and past its
    send_after, or claimed by a worker that did not finish within its lease), only inside the
    sending window. Called after commit by the sweep, and every few minutes by beat ("send
    pending"), which is how a row that could not be published goes out later."""
    now = now or timezone.now()
    if not window_get().is_open(now):
        return 0
    rows = Reminder.objects.all()
    if cohort_ids is not None:
        rows = rows.filter(cohort_id__in=cohort_ids)
    return outbox_enqueue_due(
        rows,
        publish=publish,
        now=now,
        batch_size=batch_size or settings.ELUS2_REMINDER_BATCH_SIZE,
        max_attempts=settings.ELUS2_REMINDER_MAX_ATTEMPTS,
    )
