"""Who may see which cohort, and the reads behind the cohorts pages.

This module is the one place cohort scoping lives: every view of `cohorts` and `reporting` that
takes a cohort id goes through `cohort_get_visible`, so a chargé·e de suivi never reaches a cohort
not assigned to them, whatever the URL. Agency admins (superusers or group « Administrateur »)
see every cohort.
"""

from __future__ import annotations

from django.core import signing
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from elus2.users.roles import Role, is_agency_admin, roles_of

from .models import Cohort, ReportShare

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
