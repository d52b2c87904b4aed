"""The demo cohorts (seed_demo) and the Wagtail admin for organisations and cohorts."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from courses.starter import starter_course_ensure
from elus2.cohorts.models import Cohort, Membership, Organisation
from elus2.cohorts.selectors import cohort_list_visible_to
from elus2.learning.models import Enrolment, EnrolmentStatus
from elus2.ops.demo import demo_accounts_ensure, demo_cohorts_ensure
from elus2.users.models import SignInLink
from tests.factories.cohorts import CohortFactory, agency_admin_create, staff_create
from tests.factories.learning import client_for

pytestmark = pytest.mark.django_db


def state():
    return (
        list(Cohort.objects.order_by("pk").values_list("pk", "name", "deadline")),
        list(Membership.objects.order_by("pk").values_list("pk", "cohort_id", "user_id")),
        list(
            Enrolment.objects.order_by("pk").values_list(
                "pk", "status", "lessons_completed", "last_activity_at"
            )
        ),
    )


def test_demo_cohorts_have_varied_progress_and_are_idempotent():
    users = {user.email: user for user in demo_accounts_ensure()}
    course = starter_course_ensure()
    cohorts = list(demo_cohorts_ensure(course).values())
    first = state()
    demo_cohorts_ensure(course)
    assert state() == first
    assert Organisation.objects.count() == 1
    assert [cohort.memberships.count() for cohort in cohorts] == [30, 30]
    assert all(cohort.deadline for cohort in cohorts)
    assert list(cohort_list_visible_to(viewer=users["suivi@example.org"])) == [cohorts[0]]
    assert mail.outbox == [] and not SignInLink.objects.exists()
    now = timezone.now()
    for cohort in cohorts:
        enrolments = Enrolment.objects.filter(
            user__cohort_memberships__cohort=cohort, course=course
        )
        statuses = {enrolment.status for enrolment in enrolments}
        assert statuses == {
            EnrolmentStatus.ENROLLED,
            EnrolmentStatus.STARTED,
            EnrolmentStatus.COMPLETED,
        }
        stalled = [
            enrolment
            for enrolment in enrolments
            if enrolment.status == EnrolmentStatus.STARTED
            and now - enrolment.last_activity_at >= datetime.timedelta(days=10)
        ]
        assert len(stalled) >= 5
        assert all(
            now - e.last_activity_at <= datetime.timedelta(days=31)
            for e in enrolments
            if e.last_activity_at
        )


def test_agency_admin_manages_cohorts_in_the_wagtail_admin():
    cohort = CohortFactory()
    admin = client_for(agency_admin_create())
    response = admin.get(reverse("promotions:index"))
    assert response.status_code == 200 and cohort.name in response.content.decode()
    assert admin.get(reverse("promotions:add")).status_code == 200
    assert admin.get(reverse("organisations:index")).status_code == 200
    staff = client_for(staff_create(cohorts=[cohort]))
    response = staff.get(reverse("promotions:index"))
    assert response.status_code in (302, 403)


def test_demo_members_who_never_started_are_to_follow_up():
    """The demo's never-started officials were invited when their cohort began, not when the seed
    ran: they are « à relancer » on the dashboard and due the « pas encore commencé » reminder."""
    from elus2.reminders.models import Reminder, Rule
    from elus2.reminders.services import reminders_sweep
    from elus2.reporting.selectors import cohort_learner_list

    demo_accounts_ensure()
    course = starter_course_ensure()
    cohorts = list(demo_cohorts_ensure(course).values())
    for cohort in cohorts:
        never = set(
            Enrolment.objects.filter(
                user__cohort_memberships__cohort=cohort,
                course=course,
                status=EnrolmentStatus.ENROLLED,
            ).values_list("user_id", flat=True)
        )
        assert never
        to_follow_up = {
            row.user_id
            for row in cohort_learner_list(cohort=cohort, course=course, stalled_only=True)
        }
        assert never <= to_follow_up
        started = Enrolment.objects.filter(
            user__cohort_memberships__cohort=cohort, course=course, started_at__isnull=False
        )
        invited = dict(cohort.memberships.values_list("user_id", "invited_at"))
        assert all(invited[e.user_id] <= e.enrolled_at <= e.started_at for e in started)
    reminders_sweep(cohort_ids=[cohort.pk for cohort in cohorts])
    reminded = set(Reminder.objects.filter(rule=Rule.NOT_STARTED).values_list("user_id", flat=True))
    assert reminded  # all of them but the control group
