"""Cohort memberships, invitations and staff assignments, for export and erasure."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from elus2.users.personal_data import declare

from .models import Cohort, Invitation, Membership
from .services import invitations_cancel_for

STAFF_ACTION = _("Action de l'équipe de suivi : conservée, rattachée au compte anonymisé.")


def _memberships(user) -> list[dict]:
    return [
        {
            "promotion": membership.cohort.name,
            "organisation": membership.cohort.organisation.name,
            "invite_le": membership.invited_at.isoformat(),
        }
        for membership in Membership.objects.filter(user=user).select_related(
            "cohort__organisation"
        )
    ]


def _invitations(user) -> list[dict]:
    return [
        {
            "promotion": invitation.cohort.name,
            "etat": invitation.status,
            "envoyee_le": invitation.sent_at and invitation.sent_at.isoformat(),
        }
        for invitation in Invitation.objects.filter(user=user).select_related("cohort")
    ]


def declare_all() -> None:
    # Erasure cancels what is still waiting; the states kept (sent, failed: a category, never
    # the mail server's text) say nothing about the person once the account is nameless.
    declare(
        "cohorts.Invitation.user",
        section="invitations",
        export=_invitations,
        erase=lambda user: invitations_cancel_for(user=user),
    )
    declare(
        "cohorts.Membership.user",
        section="promotions",
        export=_memberships,
        kept_because=_("Appartenance aux promotions : conservée sans nom, pour leurs chiffres."),
    )
    declare(
        "cohorts.Cohort.staff",
        section="promotions_suivies",
        export=lambda user: [str(cohort) for cohort in Cohort.objects.filter(staff=user)],
        erase=lambda user: user.assigned_cohorts.clear(),
    )
    for label in (
        "cohorts.Membership.invited_by",
        "cohorts.ReportShare.created_by",
        "cohorts.ReportShare.revoked_by",
    ):
        declare(label, kept_because=STAFF_ACTION)
