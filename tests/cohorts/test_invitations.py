"""Invitations go through the outbox: the import writes rows and sends nothing, the worker sends
each once, transient failures retry, staff see each member's state (a translated category, never
the mail server's text) and « Renvoyer » (issue 15, 7)."""

from __future__ import annotations

import datetime
import html
import smtplib

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from elus2.cohorts.models import Invitation
from elus2.cohorts.parsing import invitation_rows_parse
from elus2.cohorts.services import cohort_members_invite, invitation_send
from elus2.outbox.models import FailureCategory, OutboxStatus
from tests.factories.cohorts import CohortFactory, staff_create
from tests.factories.learning import client_for, learning_course_build
from tests.factories.users import UserFactory
from tests.mailbox import sign_in_links_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort():
    course = learning_course_build(modules=1, lessons_per_module=2, fast=True).course
    return CohortFactory(courses=[course])


@pytest.fixture
def staff(cohort):
    return staff_create(cohorts=[cohort])


def people(count: int, prefix: str = "elu") -> str:
    return "\n".join(f"{prefix}{n}@example.org, Prénom{n}, Nom{n}, maire" for n in range(count))


def page(client, cohort) -> str:
    response = client.get(reverse("cohorts:invitations", args=[cohort.pk]))
    assert response.status_code == 200
    return html.unescape(response.content.decode())


class RefusingBackend:
    """Refuses some addresses for good (550, quoting the address) and others for now (451)."""

    refused: set[str] = set()
    later: set[str] = set()

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        for message in messages:
            address = message.to[0]
            if address in self.refused:
                raise smtplib.SMTPRecipientsRefused({address: (550, f"<{address}> unknown")})
            if address in self.later:
                raise smtplib.SMTPRecipientsRefused({address: (451, b"try later")})
        mail.outbox.extend(messages)
        return len(messages)


@pytest.fixture
def refusing(settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    RefusingBackend.refused, RefusingBackend.later = set(), set()
    return RefusingBackend


def test_the_import_sends_nothing_and_its_queries_do_not_grow_with_the_rows(
    cohort, staff, django_capture_on_commit_callbacks
):
    def import_queries(count: int, prefix: str) -> tuple[int, list]:
        rows, errors = invitation_rows_parse(people(count, prefix))
        assert not errors
        with (
            django_capture_on_commit_callbacks(execute=False) as callbacks,
            CaptureQueriesContext(connection) as queries,
        ):
            report = cohort_members_invite(cohort=cohort, rows=rows, invited_by=staff)
        assert len(report.added) == report.emails_queued == count
        return len(queries.captured_queries), callbacks

    import_queries(1, "w")  # the learners' group and the course outline, made once
    few, few_callbacks = import_queries(3, "a")
    many, many_callbacks = import_queries(40, "b")
    assert many == few
    assert mail.outbox == []  # nothing leaves in the request…
    assert Invitation.objects.filter(status=OutboxStatus.PENDING).count() == 44
    # …whose commit publishes one task per import (and the learners' page versions).
    publishing = [c for c in many_callbacks if "publish" in getattr(c, "__qualname__", "")]
    assert len(publishing) == 1
    for callback in few_callbacks + many_callbacks:
        callback()  # the worker (run here, see conftest.py) sends each due invitation once
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        ["w0@example.org"]
        + [f"a{n}@example.org" for n in range(3)]
        + [f"b{n}@example.org" for n in range(40)]
    )
    assert Invitation.objects.filter(status=OutboxStatus.SENT).count() == 44


def test_each_member_shows_sent_pending_or_failed_with_a_category(
    cohort, staff, refusing, django_capture_on_commit_callbacks
):
    refusing.refused = {"elu1@example.org"}
    refusing.later = {"elu2@example.org"}
    rows, _ = invitation_rows_parse(people(3))
    with django_capture_on_commit_callbacks(execute=True):
        cohort_members_invite(cohort=cohort, rows=rows, invited_by=staff)
    state = {i.user.email: i for i in Invitation.objects.select_related("user")}
    assert state["elu0@example.org"].status == OutboxStatus.SENT
    failed, later = state["elu1@example.org"], state["elu2@example.org"]
    assert (failed.status, failed.failure) == (
        OutboxStatus.FAILED,
        FailureCategory.RECIPIENT_REFUSED,
    )
    # A transient refusal waits for its retry (with backoff) instead of failing.
    assert (later.status, later.failure) == (OutboxStatus.PENDING, FailureCategory.TEMPORARY)
    assert later.send_after > timezone.now()
    text = page(client_for(staff), cohort)
    assert "1 envoyée" in text and "1 en attente" in text and "1 en échec" in text
    assert "Adresse refusée par le serveur de messagerie" in text
    assert "Nouvel essai prévu (Refus temporaire du serveur de messagerie)" in text
    assert "550" not in text and "unknown" not in text and "try later" not in text
    # The retry, once due, sends it.
    refusing.later = set()
    assert invitation_send(invitation_id=later.pk, now=later.send_after) == "sent"
    assert [m.to for m in mail.outbox] == [["elu0@example.org"], ["elu2@example.org"]]


def test_resend_sends_a_failed_invitation_again_with_a_new_link(
    cohort, staff, refusing, django_capture_on_commit_callbacks
):
    refusing.refused = {"elu0@example.org"}
    rows, _ = invitation_rows_parse(people(1))
    with django_capture_on_commit_callbacks(execute=True):
        cohort_members_invite(cohort=cohort, rows=rows, invited_by=staff)
    invitation = Invitation.objects.get()
    assert invitation.status == OutboxStatus.FAILED and mail.outbox == []
    refusing.refused = set()
    client = client_for(staff)
    url = reverse("cohorts:invitation_resend", args=[cohort.pk, invitation.user_id])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"page": "1"})
    assert response.status_code == 302
    assert response.url == reverse("cohorts:invitations", args=[cohort.pk]) + "?page=1"
    invitation.refresh_from_db()
    assert (invitation.status, invitation.attempts, invitation.failure) == (
        OutboxStatus.SENT,
        1,
        "",
    )
    assert len(sign_in_links_to("elu0@example.org")) == 1
    # Sent: « Renvoyer » sends once more, with another link.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    links = sign_in_links_to("elu0@example.org")
    assert len(links) == 2 and links[0] != links[1]


def test_resend_is_a_post_with_csrf_for_the_staff_of_that_cohort_only(cohort, staff):
    member = UserFactory()
    cohort.memberships.create(user=member)
    url = reverse("cohorts:invitation_resend", args=[cohort.pk, member.pk])
    assert client_for(staff).get(url).status_code == 405
    outsider_staff = staff_create(cohorts=[CohortFactory()])
    assert client_for(outsider_staff).post(url).status_code == 404
    assert client_for(member).post(url).status_code == 404
    no_token = Client(enforce_csrf_checks=True)
    no_token.force_login(staff)
    assert no_token.post(url).status_code == 403
    assert not Invitation.objects.exists()
    assert client_for(staff).post(url).status_code == 302
    assert Invitation.objects.get().user == member  # a member from before invitations were kept


def test_reimporting_the_list_retries_failed_invitations_only(
    cohort, staff, refusing, django_capture_on_commit_callbacks
):
    refusing.refused = {"elu1@example.org"}
    rows, _ = invitation_rows_parse(people(2))
    with django_capture_on_commit_callbacks(execute=True):
        cohort_members_invite(cohort=cohort, rows=rows, invited_by=staff)
    refusing.refused = set()
    with django_capture_on_commit_callbacks(execute=True):
        report = cohort_members_invite(cohort=cohort, rows=rows, invited_by=staff)
    assert report.added == [] and report.invitations_resent == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["elu0@example.org", "elu1@example.org"]
    assert set(Invitation.objects.values_list("status", flat=True)) == {OutboxStatus.SENT}


def test_a_worker_that_died_mid_send_leaves_the_row_for_send_pending(cohort, staff):
    from elus2.cohorts.services import invitations_enqueue_due

    rows, _ = invitation_rows_parse(people(1))
    cohort_members_invite(cohort=cohort, rows=rows, invited_by=staff)  # no commit: not published
    invitation = Invitation.objects.get()
    published: list[int] = []
    assert invitations_enqueue_due(publish=published.append) == 1
    assert invitations_enqueue_due(publish=published.append) == 0  # on its way already
    Invitation.objects.filter(pk=invitation.pk).update(
        status=OutboxStatus.SENDING,
        enqueued_at=timezone.now() - datetime.timedelta(seconds=700),  # published, claimed…
        lease_until=timezone.now() - datetime.timedelta(seconds=1),  # …and never finished
        attempts=1,
    )
    assert invitations_enqueue_due(publish=published.append) == 1  # the lease ran out
    assert published == [invitation.pk, invitation.pk]
    assert invitation_send(invitation_id=invitation.pk) == "sent"
    assert invitation_send(invitation_id=invitation.pk) == "done"  # delivered twice: once
    assert len(mail.outbox) == 1
