"""Invitations: accounts found or created, members enrolled and emailed once; idempotent."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from elus2.cohorts.models import Membership
from elus2.cohorts.parsing import invitation_rows_parse
from elus2.cohorts.services import cohort_members_invite, report_share_create
from elus2.learning.models import Enrolment
from elus2.users.models import SignInLink
from elus2.users.roles import Role
from tests.factories.cohorts import CohortFactory, staff_create
from tests.factories.learning import learning_course_build
from tests.factories.users import UserFactory
from tests.mailbox import sign_in_links_to

pytestmark = pytest.mark.django_db

LIST = """email;prenom;nom;mandat
anne@example.org;Anne;Leroy;Maire
BENOIT@example.org;Benoît;Roux;adjoint
pas-une-adresse;X;Y;maire
carla@example.org;;;
"""


@pytest.fixture
def courses():
    # Closed courses: only an invitation enrols.
    return [
        learning_course_build(modules=1, lessons_per_module=2, fast=True, enrolment_open=False)
        for _ in range(2)
    ]


@pytest.fixture
def cohort(courses):
    return CohortFactory(courses=[built.course for built in courses])


@pytest.fixture
def staff(cohort):
    return staff_create(cohorts=[cohort])


def invite(cohort, staff, text, capture):
    rows, errors = invitation_rows_parse(text)
    with capture(execute=True):
        report = cohort_members_invite(cohort=cohort, rows=rows, invited_by=staff)
    return report, errors


def counts():
    return (
        get_user_model().objects.count(),
        Membership.objects.count(),
        Enrolment.objects.count(),
        EmailAddress.objects.count(),
        SignInLink.objects.count(),
    )


def test_invitation_creates_verified_members_enrolled_in_every_course(
    cohort, staff, courses, django_capture_on_commit_callbacks
):
    report, errors = invite(cohort, staff, LIST, django_capture_on_commit_callbacks)
    assert [error.line for error in errors] == [4]
    assert [row.email for row in report.added] == [
        "anne@example.org",
        "benoit@example.org",
        "carla@example.org",
    ]
    assert report.accounts_created == 3 and report.already_members == []
    User = get_user_model()
    anne = User.objects.get(email="anne@example.org")
    assert (anne.first_name, anne.last_name, anne.mandate) == ("Anne", "Leroy", "maire")
    assert not anne.has_usable_password()
    assert anne.groups.filter(name=Role.LEARNER).exists()
    assert EmailAddress.objects.get(user=anne).verified
    membership = Membership.objects.get(user=anne)
    assert (membership.cohort, membership.invited_by) == (cohort, staff)
    assert set(Enrolment.objects.filter(user=anne).values_list("course_id", flat=True)) == {
        built.course.pk for built in courses
    }
    # One email each, HTML and text, with a link to the first course.
    assert sorted(message.to[0] for message in mail.outbox) == [
        "anne@example.org",
        "benoit@example.org",
        "carla@example.org",
    ]
    message = next(message for message in mail.outbox if message.to == ["anne@example.org"])
    assert courses[0].course.title in message.subject
    assert "Bonjour Anne" in message.body
    assert cohort.organisation.name in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Commencer la formation" in html
    link = sign_in_links_to("anne@example.org")[0]
    assert link in html
    stored = SignInLink.objects.get(user=anne)
    assert stored.next_url == urlsplit(courses[0].course.url).path
    assert urlsplit(link).path.split("/")[2] not in stored.token_hash  # only the hash is kept


def test_importing_the_same_list_again_changes_nothing_and_sends_nothing(
    cohort, staff, django_capture_on_commit_callbacks
):
    first, _ = invite(cohort, staff, LIST, django_capture_on_commit_callbacks)
    before = counts()
    second, errors = invite(cohort, staff, LIST, django_capture_on_commit_callbacks)
    assert counts() == before
    assert second.added == [] and second.accounts_created == 0
    assert [row.email for row in second.already_members] == [row.email for row in first.added]
    assert [error.line for error in errors] == [4]
    assert len(mail.outbox) == 3  # one email each, from the first import only


def test_existing_account_is_found_by_email_in_any_case_and_keeps_its_details(
    cohort, staff, django_capture_on_commit_callbacks
):
    existing = UserFactory(email="anne@example.org", first_name="Annie", last_name="", mandate="")
    get_user_model().objects.filter(pk=existing.pk).update(email="Anne@Example.org")
    report, _ = invite(cohort, staff, LIST, django_capture_on_commit_callbacks)
    existing.refresh_from_db()
    assert report.accounts_created == 2
    assert (existing.first_name, existing.last_name, existing.mandate) == (
        "Annie",
        "Leroy",
        "maire",
    )
    assert Membership.objects.filter(user=existing, cohort=cohort).exists()
    assert get_user_model().objects.filter(email__iexact="anne@example.org").count() == 1


def test_a_member_of_another_cohort_is_added_and_invited_to_this_one(
    cohort, staff, courses, django_capture_on_commit_callbacks
):
    other = CohortFactory(courses=[courses[0].course])
    invite(other, staff, "anne@example.org", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    report, _ = invite(cohort, staff, "anne@example.org", django_capture_on_commit_callbacks)
    assert [row.email for row in report.added] == ["anne@example.org"]
    assert len(mail.outbox) == 1
    assert Enrolment.objects.filter(user__email="anne@example.org").count() == 2


def test_a_course_added_later_reaches_existing_members_without_a_new_email(
    staff, django_capture_on_commit_callbacks
):
    first = learning_course_build(modules=1, lessons_per_module=1, fast=True)
    later = learning_course_build(modules=1, lessons_per_module=1, fast=True)
    cohort = CohortFactory(courses=[first.course])
    invite(cohort, staff, "anne@example.org", django_capture_on_commit_callbacks)
    cohort.courses.add(later.course)
    report, _ = invite(cohort, staff, "anne@example.org", django_capture_on_commit_callbacks)
    assert report.added == [] and len(mail.outbox) == 1
    assert Enrolment.objects.filter(user__email="anne@example.org", course=later.course).exists()


def test_mail_is_sent_only_after_commit(cohort, staff, django_capture_on_commit_callbacks):
    rows, _ = invitation_rows_parse("anne@example.org")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        cohort_members_invite(cohort=cohort, rows=rows, invited_by=staff)
    assert mail.outbox == []  # nothing leaves before the commit…
    for callback in callbacks:
        callback()
    assert [message.to for message in mail.outbox] == [["anne@example.org"]]  # …then one mail


def test_a_mail_server_failure_does_not_undo_the_import(
    cohort, staff, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "tests.cohorts.test_services.FailingBackend"
    report, _ = invite(cohort, staff, "anne@example.org", django_capture_on_commit_callbacks)
    assert len(report.added) == 1
    assert Membership.objects.filter(user__email="anne@example.org").exists()


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP down")


def test_report_share_days_are_bounded():
    cohort = CohortFactory()
    for days in (0, 366, -3):
        with pytest.raises(ValueError):
            report_share_create(cohort=cohort, created_by=None, days=days)
