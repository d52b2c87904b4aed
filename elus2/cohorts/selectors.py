"""Who may see which cohort, and the reads behind the cohorts pages.

This module is the one place cohort scoping lives: every view of `cohorts` and `reporting` that
takes a cohort id goes through `cohort_get_visible`, so a chargé·e de suivi never reaches a cohort
not assigned to them, whatever the URL. Agency admins (superusers or group « Administrateur »)
see every cohort.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core import signing
from django.db.models import Case, Count, F, FilteredRelation, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from elus2.outbox.models import FailureCategory, OutboxStatus
from elus2.users.roles import Role, is_agency_admin, roles_of

from .models import Cohort, Invitation, Membership, ReportShare

REPORT_SHARE_SALT = "elus2.cohorts.report_share"


def cohort_list_visible_to(*, viewer) -> QuerySet[Cohort]:
    """Every cohort for an agency admin, the assigned ones for a chargé·e de suivi, else none."""
    cohorts = Cohort.objects.select_related("organisation")
    if is_agency_admin(viewer):
        return cohorts
    if Role.STAFF in roles_of(viewer):
        return cohorts.filter(staff=viewer)
    return cohorts.none()


def cohort_get_visible(*, viewer, cohort_id: int) -> Cohort:
    """The cohort, or Http404 when it does not exist or the viewer may not see it: a cohort
    outside one's scope is indistinguishable from one that does not exist."""
    try:
        return cohort_list_visible_to(viewer=viewer).get(pk=cohort_id)
    except (Cohort.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# --- Report shares --------------------------------------------------------------------------------


class ReportShareInvalid(Exception):
    """The report link does not open the report (the public view shows a clear page)."""


class ReportShareBadSignature(ReportShareInvalid):
    """Tampered, truncated or made up; or the share row no longer exists."""


class ReportShareExpired(ReportShareInvalid):
    """Past the validity chosen by staff."""


class ReportShareRevoked(ReportShareInvalid):
    """Staff revoked it."""


def report_share_token(share: ReportShare) -> str:
    """The signed token of a share (deterministic, so the links page can show it again).

    It carries the id and the expiry second: a token made for a deleted row cannot open another
    row that reuses its id."""
    return signing.Signer(salt=REPORT_SHARE_SALT).sign_object(
        [share.pk, int(share.expires_at.timestamp())]
    )


def report_share_resolve(*, token: str) -> ReportShare:
    """The share a report link points at, if it still opens the report; raises
    ReportShareBadSignature, ReportShareExpired or ReportShareRevoked otherwise."""
    try:
        share_id, expires = signing.Signer(salt=REPORT_SHARE_SALT).unsign_object(token)
        share_id, expires = int(share_id), int(expires)
    except (signing.BadSignature, ValueError, TypeError):
        raise ReportShareBadSignature from None
    share = (
        ReportShare.objects.select_related("cohort", "cohort__organisation")
        .filter(pk=share_id)
        .first()
    )
    if share is None or int(share.expires_at.timestamp()) != expires:
        raise ReportShareBadSignature
    if share.revoked_at is not None:
        raise ReportShareRevoked
    if share.expires_at <= timezone.now():
        raise ReportShareExpired
    return share


def report_share_list(*, cohort: Cohort) -> list[ReportShare]:
    """A cohort's report links, newest first, with their state for the links page."""
    now = timezone.now()
    shares = list(ReportShare.objects.filter(cohort=cohort).select_related("created_by"))
    for share in shares:
        if share.revoked_at is not None:
            share.state = "revoked"
        elif share.expires_at <= now:
            share.state = "expired"
        else:
            share.state = "active"
        share.token = report_share_token(share)
    return shares


# --- Invitations ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class InvitationLine:
    """One member and where their invitation stands, for the invitations page."""

    user: object
    status: str  # an OutboxStatus value, or "" when no invitation was kept (see below)
    failure: str  # the FailureCategory's label, translated; never the mail server's text
    sent_at: object
    can_resend: bool


INVITATION_ORDER = Case(
    When(invitation__status=OutboxStatus.FAILED, then=Value(0)),
    When(invitation__status__in=[OutboxStatus.PENDING, OutboxStatus.SENDING], then=Value(1)),
    When(invitation__status__isnull=True, then=Value(2)),
    When(invitation__status=OutboxStatus.CANCELLED, then=Value(3)),
    default=Value(4),
)


def cohort_invitation_list(*, cohort: Cohort) -> QuerySet[Membership]:
    """The cohort's members with their invitation, failures first, then those on their way,
    then the others by name; one query per page. Members added before invitations were kept
    (or by the demo) have none."""
    return (
        Membership.objects.filter(cohort=cohort)
        .annotate(
            invitation=FilteredRelation(
                "user__cohort_invitations",
                condition=Q(user__cohort_invitations__cohort=cohort),
            ),
            invitation_status=F("invitation__status"),
            invitation_failure=F("invitation__failure"),
            invitation_sent_at=F("invitation__sent_at"),
            order=INVITATION_ORDER,
        )
        .select_related("user")
        .order_by("order", "user__last_name", "user__first_name", "user__email")
    )


def invitation_lines(memberships) -> list[InvitationLine]:
    return [
        InvitationLine(
            user=membership.user,
            status=membership.invitation_status or "",
            failure=str(FailureCategory(membership.invitation_failure).label)
            if membership.invitation_failure
            else "",
            sent_at=membership.invitation_sent_at,
            can_resend=membership.invitation_status
            not in (OutboxStatus.PENDING, OutboxStatus.SENDING),
        )
        for membership in memberships
    ]


def cohort_invitation_summary(*, cohort: Cohort) -> dict[str, int]:
    """How many invitations are sent, on their way, failed; one query."""
    return Invitation.objects.filter(cohort=cohort).aggregate(
        sent=Count("pk", filter=Q(status=OutboxStatus.SENT)),
        pending=Count("pk", filter=Q(status__in=[OutboxStatus.PENDING, OutboxStatus.SENDING])),
        failed=Count("pk", filter=Q(status=OutboxStatus.FAILED)),
    )
