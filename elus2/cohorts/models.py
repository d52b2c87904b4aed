"""Organisations (the agency's clients), cohorts, staff assignment and membership.

Cohorts sit above learning: an invitation enrols people through learning/services.py, and the
dashboards (reporting) join memberships to enrolments on (user, course). Rows are written only by
services.py; who may see a cohort is decided in selectors.py (shared/STYLE.md rules 1 and 2).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from elus2.outbox.models import OutboxRow


class OrganisationKind(models.TextChoices):
    COMMUNE = "commune", _("Commune")
    INTERCOMMUNALITE = "intercommunalite", _("Intercommunalité")
    DEPARTEMENT = "departement", _("Département")
    REGION = "region", _("Région")
    ASSOCIATION = "association", _("Association d'élus")
    PARTI = "parti", _("Parti politique")
    AUTRE = "autre", _("Autre")


class Organisation(models.Model):
    """The agency's client: a town hall, a département, an association of officials…"""

    name = models.CharField(_("nom"), max_length=200, unique=True)
    kind = models.CharField(
        _("type"), max_length=32, choices=OrganisationKind.choices, default=OrganisationKind.COMMUNE
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Cohort(models.Model):
    """A group followed together: a town council, a training session."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="cohorts",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("nom"), max_length=200)
    courses = models.ManyToManyField(
        "courses.CoursePage", related_name="+", verbose_name=_("formations")
    )
    starts_on = models.DateField(_("début"))
    deadline = models.DateField(_("échéance"), null=True, blank=True)
    ends_on = models.DateField(_("fin"), null=True, blank=True)
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="assigned_cohorts",
        blank=True,
        verbose_name=_("chargé·es de suivi"),
    )
    stalled_after_days = models.PositiveSmallIntegerField(
        _("sans activité depuis (jours)"),
        default=7,
        help_text=_(
            "Un membre sans activité depuis ce nombre de jours est signalé « à relancer »."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("promotion")
        verbose_name_plural = _("promotions")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="cohort_unique_organisation_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.name}"


class Membership(models.Model):
    """One official in one cohort. Their progress lives in learning.Enrolment."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_memberships"
    )
    invited_at = models.DateTimeField(auto_now_add=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("membre")
        verbose_name_plural = _("membres")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="membership_unique_cohort_user")
        ]
        indexes = [models.Index(fields=["user"], name="membership_user_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} ∈ {self.cohort_id}"


class ReportShare(models.Model):
    """A link to a cohort's client report, handed to the client (the town hall…).

    The link carries a signed id (cohorts/services.py); the row lets staff revoke it and bounds
    its life even if the signature stays valid."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="report_shares")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expire le"))
    revoked_at = models.DateTimeField(_("révoqué le"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("révoqué par"),
    )

    class Meta:
        verbose_name = _("lien de rapport")
        verbose_name_plural = _("liens de rapport")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.cohort_id} → {self.expires_at:%Y-%m-%d}"


class Invitation(OutboxRow):
    """The invitation e-mail of one member of a cohort, in the outbox: written by the import,
    sent by the worker (its link is made at send time), its state shown on the cohort's
    invitations page, sent again on staff's « Renvoyer »."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_invitations"
    )
    send_after = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="invitation_unique_cohort_user")
        ]
        indexes = [
            models.Index(fields=["status", "send_after"], name="invitation_status_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.cohort_id} → {self.user_id} ({self.status})"
