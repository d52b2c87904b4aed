"""Reads of the reminders app: a cohort's rules, the measured effect of its reminders, the
failures staff must see, and the weekly digest of a chargé·e de suivi.

Views take the cohort through cohorts.selectors.cohort_get_visible first; these functions trust
the cohort they are given.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Avg, Count, F, Q
from django.utils import timezone

from elus2.cohorts.models import Cohort, Membership
from elus2.learning.models import Enrolment, EnrolmentStatus

from .models import LEARNER_RULES, CohortReminderPolicy, Reminder, ReminderStatus
from .services import RESUME_WINDOW

DIGEST_STALLED_SHOWN = 15


def cohort_reminder_policy_get(*, cohort: Cohort) -> CohortReminderPolicy:
    """The cohort's rules, or the defaults (unsaved) when staff changed nothing."""
    return CohortReminderPolicy.objects.filter(cohort=cohort).first() or CohortReminderPolicy(
        cohort=cohort
    )


@dataclass(frozen=True)
class Arm:
    """One side of the measure: reminders sent, or held back (the control group)."""

    total: int  # rows in this arm
    measured: int  # rows whose 72 h are over, or that already resumed
    resumed: int

    @property
    def rate(self) -> int | None:
        return round(100 * self.resumed / self.measured) if self.measured else None


@dataclass(frozen=True)
class ReminderEffect:
    sent: Arm
    held_back: Arm
    pending: int
    skipped: int
    failed: int


def cohort_reminder_effect(
    *, cohort: Cohort, now: datetime.datetime | None = None
) -> ReminderEffect:
    """« Relances envoyées → reprises sous 72 h » beside the control group's rate, in one query.

    A row counts as resumed when its learner was active within 72 h after the reminder (for the
    control group, after the moment it would have been sent): stamped by the sweep, or seen now
    on the enrolment. Rates are over the rows whose 72 h are over (or that already resumed), so
    a reminder sent an hour ago does not count as a failure yet."""
    now = now or timezone.now()
    resumed = Q(resumed_at__isnull=False) | Q(
        enrolment__last_activity_at__gt=F("sent_at"),
        enrolment__last_activity_at__lte=F("sent_at") + RESUME_WINDOW,
    )
    measured = Q(sent_at__lte=now - RESUME_WINDOW) | resumed
    sent = Q(status=ReminderStatus.SENT)
    held = Q(status=ReminderStatus.WITHHELD)
    figures = Reminder.objects.filter(cohort=cohort, rule__in=LEARNER_RULES).aggregate(
        sent=Count("pk", filter=sent),
        sent_measured=Count("pk", filter=sent & measured),
        sent_resumed=Count("pk", filter=sent & resumed),
        held=Count("pk", filter=held),
        held_measured=Count("pk", filter=held & measured),
        held_resumed=Count("pk", filter=held & resumed),
        pending=Count("pk", filter=Q(status__in=[ReminderStatus.PENDING, ReminderStatus.SENDING])),
        skipped=Count("pk", filter=Q(status=ReminderStatus.SKIPPED)),
        failed=Count("pk", filter=Q(status=ReminderStatus.FAILED)),
    )
    return ReminderEffect(
        sent=Arm(figures["sent"], figures["sent_measured"], figures["sent_resumed"]),
        held_back=Arm(figures["held"], figures["held_measured"], figures["held_resumed"]),
        pending=figures["pending"],
        skipped=figures["skipped"],
        failed=figures["failed"],
    )


def cohort_reminder_failures(*, cohort: Cohort, limit: int = 100) -> list[Reminder]:
    """Reminders that will not go out (permanent errors, too many tries), newest first."""
    return list(
        Reminder.objects.filter(cohort=cohort, status=ReminderStatus.FAILED)
        .select_related("user")
        .order_by("-created_at")[:limit]
    )


@dataclass(frozen=True)
class DigestCohort:
    cohort: Cohort
    members: int
    completed: int
    average_percent: int
    stalled_count: int
    stalled: list[dict]  # the longest idle first: name, email, percent, days idle


def staff_digest_build(*, user, now: datetime.datetime | None = None) -> list[DigestCohort]:
    """Progress and stalled learners of each running cohort this person follows, whose rules
    keep the digest. A handful of queries per cohort; a person follows a few cohorts."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    cohorts = (
        Cohort.objects.filter(staff=user)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .exclude(reminder_policy__digest_enabled=False)
        .select_related("organisation")
        .prefetch_related("courses")
        .order_by("name")
    )
    digest = []
    for cohort in cohorts:
        policy = cohort_reminder_policy_get(cohort=cohort)
        members = Membership.objects.filter(cohort=cohort).values("user_id")
        enrolments = Enrolment.objects.filter(
            user_id__in=members, course__in=[course.pk for course in cohort.courses.all()]
        )
        figures = enrolments.aggregate(
            total=Count("pk"),
            completed=Count("pk", filter=Q(status=EnrolmentStatus.COMPLETED)),
            average=Avg("percent"),
        )
        idle_since = now - datetime.timedelta(days=policy.stalled_days)
        stalled = enrolments.exclude(status=EnrolmentStatus.COMPLETED).filter(
            last_activity_at__lte=idle_since
        )
        shown = [
            {
                "name": row["user__first_name"] + " " + row["user__last_name"],
                "email": row["user__email"],
                "percent": row["percent"],
                "days": (now - row["last_activity_at"]).days,
            }
            for row in stalled.order_by("last_activity_at").values(
                "user__first_name", "user__last_name", "user__email", "percent", "last_activity_at"
            )[:DIGEST_STALLED_SHOWN]
        ]
        digest.append(
            DigestCohort(
                cohort=cohort,
                members=Membership.objects.filter(cohort=cohort).count(),
                completed=figures["completed"],
                average_percent=round(figures["average"] or 0),
                stalled_count=stalled.count(),
                stalled=shown,
            )
        )
    return digest
