"""Cohort scoping (who sees which cohort) and report link resolution."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from elus2.cohorts.models import ReportShare
from elus2.cohorts.selectors import (
    ReportShareBadSignature,
    ReportShareExpired,
    ReportShareRevoked,
    cohort_get_visible,
    cohort_list_visible_to,
    report_share_resolve,
    report_share_token,
)
from elus2.cohorts.services import report_share_create, report_share_revoke
from elus2.users.roles import Role, follows_cohorts
from tests.factories.cohorts import (
    CohortFactory,
    agency_admin_create,
    staff_create,
    user_with_role,
)
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohorts():
    return CohortFactory(), CohortFactory(), CohortFactory()


def visible(viewer) -> set[int]:
    return set(cohort_list_visible_to(viewer=viewer).values_list("pk", flat=True))


def test_agency_admin_and_superuser_see_every_cohort(cohorts):
    everyone = {cohort.pk for cohort in cohorts}
    assert visible(agency_admin_create()) == everyone
    assert visible(UserFactory(is_superuser=True, is_staff=True)) == everyone


def test_staff_sees_only_assigned_cohorts(cohorts):
    staff = staff_create(cohorts=[cohorts[0], cohorts[2]])
    assert visible(staff) == {cohorts[0].pk, cohorts[2].pk}
    assert cohort_get_visible(viewer=staff, cohort_id=cohorts[0].pk) == cohorts[0]
    with pytest.raises(Http404):
        cohort_get_visible(viewer=staff, cohort_id=cohorts[1].pk)
    with pytest.raises(Http404):
        cohort_get_visible(viewer=staff, cohort_id=999_999)


def test_people_without_a_follow_up_role_see_nothing(cohorts):
    learner = UserFactory()
    cohorts[0].staff.add(learner)  # listed as staff by mistake, but not in the staff group
    trainer = user_with_role(Role.TRAINER)
    inactive = staff_create(cohorts=[cohorts[0]], is_active=False)
    for viewer in (learner, trainer, inactive, AnonymousUser(), None):
        assert visible(viewer) == set()
        with pytest.raises(Http404):
            cohort_get_visible(viewer=viewer, cohort_id=cohorts[0].pk)


def test_who_follows_cohorts():
    assert follows_cohorts(staff_create())
    assert follows_cohorts(agency_admin_create())
    assert follows_cohorts(UserFactory(is_superuser=True))
    assert not follows_cohorts(UserFactory())
    assert not follows_cohorts(user_with_role(Role.TRAINER))
    assert not follows_cohorts(AnonymousUser())


def test_roles_are_read_once_per_viewer(cohorts):
    staff = staff_create(cohorts=[cohorts[0]])
    with CaptureQueriesContext(connection) as first:
        cohort_get_visible(viewer=staff, cohort_id=cohorts[0].pk)
    with CaptureQueriesContext(connection) as second:
        cohort_get_visible(viewer=staff, cohort_id=cohorts[0].pk)
        follows_cohorts(staff)
    assert len(first) == 2  # the roles, then the cohort with its organisation
    assert len(second) == 1


# --- Report links ---------------------------------------------------------------------------------


def test_a_fresh_link_resolves_to_its_share():
    cohort = CohortFactory()
    token = report_share_create(cohort=cohort, created_by=None, days=30)
    share = report_share_resolve(token=token)
    assert share.cohort == cohort
    assert share.expires_at > datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=29)
    assert report_share_token(share) == token


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: token.split(":")[0],
        lambda token: "",
        lambda token: "n'importe quoi:vraiment",
    ],
)
def test_a_tampered_link_is_refused(tamper):
    token = report_share_create(cohort=CohortFactory(), created_by=None, days=30)
    with pytest.raises(ReportShareBadSignature):
        report_share_resolve(token=tamper(token))


def test_a_link_for_another_share_id_cannot_be_forged():
    from django.core import signing

    from elus2.cohorts.selectors import REPORT_SHARE_SALT

    token = report_share_create(cohort=CohortFactory(), created_by=None, days=30)
    share = ReportShare.objects.get()
    forged = signing.Signer(salt="autre-sel").sign_object(
        [share.pk, int(share.expires_at.timestamp())]
    )
    with pytest.raises(ReportShareBadSignature):
        report_share_resolve(token=forged)
    # The right salt but a stale expiry (row deleted and id reused) is refused too.
    stale = signing.Signer(salt=REPORT_SHARE_SALT).sign_object([share.pk, 1])
    with pytest.raises(ReportShareBadSignature):
        report_share_resolve(token=stale)
    share.delete()
    with pytest.raises(ReportShareBadSignature):
        report_share_resolve(token=token)


def test_a_link_expires_after_its_days():
    token = report_share_create(cohort=CohortFactory(), created_by=None, days=2)
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=1)):
        assert report_share_resolve(token=token)
    later = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=3)
    with time_machine.travel(later), pytest.raises(ReportShareExpired):
        report_share_resolve(token=token)


def test_a_revoked_link_is_refused_and_revoking_twice_is_harmless():
    staff = staff_create()
    token = report_share_create(cohort=CohortFactory(), created_by=staff, days=30)
    share = ReportShare.objects.get()
    assert report_share_revoke(share=share, by=staff) is True
    assert report_share_revoke(share=share, by=staff) is False
    share.refresh_from_db()
    assert share.revoked_by == staff and share.revoked_at is not None
    with pytest.raises(ReportShareRevoked):
        report_share_resolve(token=token)
