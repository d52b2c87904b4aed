"""Reminder rules and the reminders' outbox rows (issue 7). Reads the apps below, writes only its
own tables; sending is the outbox's (elus2/outbox).

The database is the source of truth: a sweep (Celery beat) inserts one `Reminder` row per
(learner, rule, period) under a unique constraint, and a send task claims a row with the outbox's
conditional update before sending it. Staff tune the rules of each cohort (`CohortReminderPolicy`);
cohorts without a policy row use the defaults below. Written only by services.py.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from elus2.outbox.models import OutboxRow, OutboxStatus
from elus2.users.models import ReminderCategory


class Rule(models.TextChoices):
    STALLED = "stalled", _("Sans activité")
    NOT_STARTED = "not_started", _("Pas encore commencé")
    DEADLINE_SOON = "deadline_soon", _("Échéance dans une semaine")
    DEADLINE_TOMORROW = "deadline_tomorrow", _("Échéance imminente")
    DIGEST = "digest", _("Synthèse hebdomadaire")


RULE_CATEGORY = {
    Rule.STALLED: ReminderCategory.PROGRESS,
    Rule.NOT_STARTED: ReminderCategory.PROGRESS,
    Rule.DEADLINE_SOON: ReminderCategory.DEADLINE,
    Rule.DEADLINE_TOMORROW: ReminderCategory.DEADLINE,
    Rule.DIGEST: ReminderCategory.DIGEST,
}
# Rules addressed to learners: these count against "one reminder per official per week".
LEARNER_RULES = (Rule.STALLED, Rule.NOT_STARTED, Rule.DEADLINE_SOON, Rule.DEADLINE_TOMORROW)


class ReminderStatus(models.TextChoices):
    PENDING = OutboxStatus.PENDING.value, OutboxStatus.PENDING.label
    SENDING = OutboxStatus.SENDING.value, OutboxStatus.SENDING.label
    SENT = OutboxStatus.SENT.value, OutboxStatus.SENT.label
    WITHHELD = "withheld", _("Retenue (groupe témoin)")
    SKIPPED = "skipped", _("Sans objet")
    FAILED = OutboxStatus.FAILED.value, OutboxStatus.FAILED.label
    CANCELLED = OutboxStatus.CANCELLED.value, OutboxStatus.CANCELLED.label


# A row in one of these states holds the learner's reminder of the week (see `week`).
WEEK_HOLDING = (ReminderStatus.SENDING, ReminderStatus.SENT, ReminderStatus.WITHHELD)


class SkipReason(models.TextChoices):
    RESUMED = "resumed", _("a repris depuis")
    COMPLETED = "completed", _("a terminé")
    UNSUBSCRIBED = "unsubscribed", _("s'est désinscrit·e")
    EXPIRED = "expired", _("échéance passée")
    INACTIVE = "inactive", _("compte désactivé")
    NOTHING = "nothing", _("rien à signaler")


class CohortReminderPolicy(models.Model):
    """The reminder rules of one cohort, as its staff set them."""

    cohort = models.OneToOneField(
        "cohorts.Cohort", on_delete=models.CASCADE, related_name="reminder_policy"
    )
    stalled_enabled = models.BooleanField(_("relancer les membres sans activité"), default=True)
    stalled_days = models.PositiveSmallIntegerField(
        _("sans activité depuis (jours)"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
    )
    not_started_enabled = models.BooleanField(
        _("relancer les membres qui n'ont pas commencé"), default=True
    )
    not_started_days = models.PositiveSmallIntegerField(
        _("invités depuis (jours)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
    )
    deadline_enabled = models.BooleanField(_("rappeler l'échéance"), default=True)
    deadline_first_days = models.PositiveSmallIntegerField(
        _("premier rappel (jours avant l'échéance)"),
        default=7,
        validators=[MinValueValidator(2), MaxValueValidator(60)],
    )
    deadline_last_days = models.PositiveSmallIntegerField(
        _("dernier rappel (jours avant l'échéance)"),
        default=1,
        validators=[MinValueValidator(0), MaxValueValidator(30)],
    )
    digest_enabled = models.BooleanField(
        _("synthèse hebdomadaire pour l'équipe de suivi"), default=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("règles de relance")
        verbose_name_plural = _("règles de relance")
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline_last_days__lt=models.F("deadline_first_days")),
                name="reminderpolicy_deadline_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.cohort_id}"


class Reminder(OutboxRow):
    """One reminder in the outbox: who, which rule, for which period, and where it stands.

    `period` makes a reminder happen once: the day the stall began (stalled), the invitation day
    (not started), the deadline (deadline rules), the Monday of the week (digest). `week` is set
    when the row is claimed; a partial unique constraint on (user, week) over the rows that hold a
    week lets at most one learner reminder a week reach each official, whatever the rules.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    rule = models.CharField(max_length=24, choices=Rule.choices)
    period = models.DateField()
    cohort = models.ForeignKey(
        "cohorts.Cohort", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    enrolment = models.ForeignKey(
        "learning.Enrolment", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # Decided once by hashing (learner, cohort): the control group, which gets no email.
    held_back = models.BooleanField(default=False)
    # A superset of the outbox's states: a reminder can also be withheld or skipped.
    status = models.CharField(
        max_length=16, choices=ReminderStatus.choices, default=ReminderStatus.PENDING
    )
    skip_reason = models.CharField(max_length=16, choices=SkipReason.choices, blank=True)
    week = models.DateField(null=True, blank=True)
    # First activity within 72 h after sent_at (recorded by the sweep). For a held-back row,
    # sent_at is when it would have been sent (the measurement's start).
    resumed_at = models.DateTimeField(null=True, blank=True)

    release_fields: ClassVar[dict] = {"week": None}

    class Meta:
        verbose_name = _("relance")
        verbose_name_plural = _("relances")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "rule", "period"], name="reminder_unique_user_rule_period"
            ),
            models.UniqueConstraint(
                fields=["user", "week"],
                condition=Q(status__in=WEEK_HOLDING, week__isnull=False),
                name="reminder_one_per_user_per_week",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "send_after"], name="reminder_status_due_idx"),
            models.Index(fields=["cohort", "status"], name="reminder_cohort_status_idx"),
            models.Index(fields=["sent_at"], name="reminder_sent_at_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.rule} {self.period} ({self.status})"

    @property
    def category(self) -> str:
        return RULE_CATEGORY[Rule(self.rule)]
