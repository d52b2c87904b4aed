"""Sending one outbox row: at most once, inside the window, one a week, never to someone who
resumed, finished or unsubscribed; transient errors retry with a cap, permanent ones are marked;
the control group is measured, not emailed. Frozen time throughout."""

from __future__ import annotations

import datetime
import email
import re
import smtplib

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import translation

from elus2.outbox.models import FailureCategory
from elus2.reminders.models import Reminder, ReminderStatus, Rule, SkipReason
from elus2.reminders.selectors import cohort_reminder_effect
from elus2.reminders.services import (
    ReminderRetry,
    reminder_send,
    reminders_enqueue_due,
    reminders_sweep,
)
from elus2.users.models import User
from elus2.users.personal_data import personal_data_collect, user_erase
from tests.factories.reminders import IN_WINDOW, activity_at, member_at, paris, setting_create

pytestmark = pytest.mark.django_db

NOW = IN_WINDOW  # Tuesday 6 October 2026, 10:00 in Paris


@pytest.fixture(autouse=True)
def _no_holdback(settings):
    settings.ELUS2_REMINDER_HOLDBACK_PERCENT = 0


@pytest.fixture
def setting():
    return setting_create()


def days_before(days: float) -> datetime.datetime:
    return NOW - datetime.timedelta(days=days)


def at(moment):
    return time_machine.travel(moment, tick=False)


def stalled(setting, **fields):
    return member_at(
        setting, invited=days_before(30), last_activity=days_before(9), done=1, **fields
    )


def swept(moment=NOW) -> dict[tuple[int, str], Reminder]:
    with at(moment):
        reminders_sweep()
    return {(row.user_id, row.rule): row for row in Reminder.objects.all()}


def send(row: Reminder, moment=NOW) -> str:
    with at(moment):
        return reminder_send(reminder_id=row.pk)


def status_of(row: Reminder) -> tuple[str, str]:
    row.refresh_from_db()
    return row.status, row.skip_reason


def test_the_reminder_names_the_next_lesson_and_links_into_it(setting):
    enrolment = stalled(setting, first_name="Camille")
    row = swept()[(enrolment.user_id, Rule.STALLED)]
    assert send(row) == "sent"
    assert status_of(row) == (ReminderStatus.SENT, "")
    [message] = mail.outbox
    lesson = setting.built.lessons[1]  # one lesson done: the second is next, 6 minutes
    assert message.to == [enrolment.user.email]
    assert "Bonjour Camille" in message.body
    assert f"« {lesson.title} » (6 minutes)" in message.body
    html = message.alternatives[0][0]
    assert message.alternatives[0][1] == "text/html"
    assert lesson.title in html and "6 minutes" in html
    assert 'name="viewport"' in html
    assert "<img" not in html  # no tracking pixel, no image at all
    # RFC 8058 one-click unsubscribe, on the site's https address.
    assert re.fullmatch(
        r"<https://elus\.example\.org/desinscription/[^/]+/>",
        message.extra_headers["List-Unsubscribe"],
    )
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    parsed = email.message_from_bytes(message.message().as_bytes())
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The link signs in once and opens the lesson (clicked within its 72 hours).
    link = re.search(r"https://elus\.example\.org(/connexion/[^/\s]+/)", message.body).group(1)
    with at(NOW + datetime.timedelta(hours=2)):
        client = Client()
        response = client.post(link)
        assert response.status_code == 302 and response.url == lesson.url
        assert client.get("/parcours/").wsgi_request.user == enrolment.user
        # Used once: another click leads to the login page, then to the lesson.
        again = Client().post(link)
    assert again.status_code == 302
    assert again.url.startswith("/accounts/login/") and "lecon" in again.url


def test_each_person_reads_it_in_their_language():
    setting = setting_create(deadline=datetime.date(2026, 10, 13))
    french = member_at(setting, invited=days_before(30), last_activity=days_before(1), done=1)
    english = member_at(
        setting, invited=days_before(30), last_activity=days_before(1), done=1, language="en"
    )
    rows = swept()
    send(rows[(french.user_id, Rule.DEADLINE_SOON)])
    send(rows[(english.user_id, Rule.DEADLINE_SOON)])
    by_person = {message.to[0]: message for message in mail.outbox}
    in_french, in_english = by_person[french.user.email], by_person[english.user.email]
    assert 'lang="fr"' in in_french.alternatives[0][0]
    assert 'lang="en"' in in_english.alternatives[0][0]
    assert "13 octobre" in in_french.subject
    assert "13 October" in in_english.subject


def test_outside_the_window_nothing_goes_and_the_row_waits(setting):
    enrolment = stalled(setting)
    row = swept()[(enrolment.user_id, Rule.STALLED)]
    saturday = paris(2026, 10, 10, 10)
    assert send(row, saturday) == "outside_window"
    assert send(row, paris(2026, 10, 6, 14)) == "outside_window"
    assert status_of(row) == (ReminderStatus.PENDING, "")
    with at(saturday):
        assert reminders_enqueue_due(publish=lambda pk: None) == 0  # nothing published either
    assert mail.outbox == []
    assert send(row, paris(2026, 10, 12, 9, 5)) == "sent"


def test_one_reminder_a_week_whatever_the_rules():
    setting = setting_create(deadline=datetime.date(2026, 10, 13))  # deadline in 7 days
    enrolment = stalled(setting)
    rows = swept()
    first, second = (
        rows[(enrolment.user_id, Rule.STALLED)],
        rows[(enrolment.user_id, Rule.DEADLINE_SOON)],
    )
    assert send(first) == "sent"
    assert send(second) == "deferred"
    second.refresh_from_db()
    assert second.status == ReminderStatus.PENDING
    assert second.send_after == paris(2026, 10, 12, 9)  # next week's first window
    assert len(mail.outbox) == 1
    assert send(second, paris(2026, 10, 12, 9, 30)) == "sent"
    assert len(mail.outbox) == 2


def test_the_weekly_cap_holds_in_the_database(setting):
    """Two rows claimed in one week for one official: the second claim fails on the partial
    unique constraint, whatever the code around it does."""
    from django.db import IntegrityError, transaction

    enrolment = stalled(setting)
    rows = swept()
    row = rows[(enrolment.user_id, Rule.STALLED)]
    other = Reminder.objects.create(
        user=enrolment.user, rule=Rule.NOT_STARTED, period=NOW.date(), send_after=NOW
    )
    week = datetime.date(2026, 10, 5)
    Reminder.objects.filter(pk=row.pk).update(status=ReminderStatus.SENT, week=week)
    with pytest.raises(IntegrityError), transaction.atomic():
        Reminder.objects.filter(pk=other.pk).update(status=ReminderStatus.SENDING, week=week)


@pytest.mark.parametrize("how", ["resumed", "completed"])
def test_resuming_or_completing_stops_the_reminder(setting, how):
    enrolment = stalled(setting)
    row = swept(days_before(1))[(enrolment.user_id, Rule.STALLED)]  # found stalled yesterday
    if how == "resumed":
        activity_at(enrolment, days_before(0.5))
    else:
        member_enrolment = type(enrolment).objects.filter(pk=enrolment.pk)
        member_enrolment.update(status="completed", next_lesson=None)
    assert send(row) == "skipped"
    assert status_of(row) == (ReminderStatus.SKIPPED, how)
    assert mail.outbox == []


def test_starting_stops_the_not_started_reminder(setting):
    enrolment = member_at(setting, invited=days_before(5))
    row = swept()[(enrolment.user_id, Rule.NOT_STARTED)]
    activity_at(enrolment, NOW - datetime.timedelta(minutes=5))
    assert send(row) == "skipped"
    assert status_of(row) == (ReminderStatus.SKIPPED, SkipReason.RESUMED)


def test_a_category_turned_off_since_the_sweep_is_respected(setting):
    enrolment = stalled(setting)
    row = swept()[(enrolment.user_id, Rule.STALLED)]
    User.objects.filter(pk=enrolment.user_id).update(reminders_progress=False)
    assert send(row) == "skipped"
    assert status_of(row) == (ReminderStatus.SKIPPED, SkipReason.UNSUBSCRIBED)
    assert mail.outbox == []


def test_a_passed_deadline_is_not_announced():
    setting = setting_create(deadline=datetime.date(2026, 10, 7))
    enrolment = member_at(setting, invited=days_before(30), last_activity=days_before(1), done=1)
    row = swept()[(enrolment.user_id, Rule.DEADLINE_TOMORROW)]
    assert send(row, paris(2026, 10, 8, 10)) == "skipped"
    assert status_of(row) == (ReminderStatus.SKIPPED, SkipReason.EXPIRED)


def test_sent_once_however_often_the_task_runs(setting):
    enrolment = stalled(setting)
    row = swept()[(enrolment.user_id, Rule.STALLED)]
    outcomes = [send(row) for _ in range(3)]
    assert outcomes == ["sent", "done", "done"]
    assert len(mail.outbox) == 1


def test_a_claim_left_by_a_dead_worker_is_taken_again_after_its_lease(setting):
    enrolment = stalled(setting)
    row = swept()[(enrolment.user_id, Rule.STALLED)]
    Reminder.objects.filter(rule=Rule.DIGEST).delete()  # only the learner's row in play
    # A worker claimed the row at 10:00 and died before sending.
    Reminder.objects.filter(pk=row.pk).update(
        status=ReminderStatus.SENDING,
        claimed_at=NOW,
        lease_until=NOW + datetime.timedelta(minutes=10),
        attempts=1,
        week=datetime.date(2026, 10, 5),
        enqueued_at=NOW,
    )
    published = []
    with at(NOW + datetime.timedelta(minutes=5)):
        assert reminders_enqueue_due(publish=published.append) == 0  # the lease still runs
        assert reminder_send(reminder_id=row.pk) == "busy"
    with at(NOW + datetime.timedelta(minutes=11)):
        assert reminders_enqueue_due(publish=published.append) == 1
        assert reminders_enqueue_due(publish=published.append) == 0  # published once
    assert published == [row.pk]
    assert send(row, NOW + datetime.timedelta(minutes=12)) == "sent"
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.attempts == 2


class FlakyBackend:
    """Fails with the given errors in turn, then delivers to mail.outbox."""

    errors: list = []

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        if FlakyBackend.errors:
            raise FlakyBackend.errors.pop(0)
        mail.outbox.extend(messages)
        return len(messages)


@pytest.fixture
def flaky(settings):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    FlakyBackend.errors = []
    return FlakyBackend


def test_transient_errors_retry_with_backoff(setting, flaky):
    enrolment = stalled(setting)
    row = swept()[(enrolment.user_id, Rule.STALLED)]
    flaky.errors = [
        smtplib.SMTPServerDisconnected("gone"),
        smtplib.SMTPResponseException(451, b"later"),
    ]
    with pytest.raises(ReminderRetry) as first:
        send(row)
    row.refresh_from_db()
    assert (row.status, row.attempts, row.week) == (ReminderStatus.PENDING, 1, None)
    assert row.failure == FailureCategory.UNREACHABLE
    assert send(row) == "busy"  # not before its backoff
    with pytest.raises(ReminderRetry) as second:
        send(row, NOW + datetime.timedelta(seconds=first.value.countdown))
    assert second.value.countdown == 2 * first.value.countdown
    assert send(row, NOW + datetime.timedelta(seconds=600)) == "sent"
    assert len(mail.outbox) == 1


def test_a_permanent_error_is_marked_and_listed_for_staff(setting, flaky):
    enrolment = stalled(setting)
    row = swept()[(enrolment.user_id, Rule.STALLED)]
    flaky.errors = [smtplib.SMTPRecipientsRefused({enrolment.user.email: (550, b"no such user")})]
    assert send(row) == "failed"
    assert status_of(row) == (ReminderStatus.FAILED, "")
    # Only the category is kept: the server's answer quoted the address.
    stored = Reminder.objects.filter(pk=row.pk).values().get()
    assert stored["failure"] == FailureCategory.RECIPIENT_REFUSED
    assert not any(enrolment.user.email in str(value) for value in stored.values())
    staff = Client()
    staff.force_login(setting.staff)
    page = staff.get(f"/suivi/promotions/{setting.cohort.pk}/relances/").content.decode()
    assert "Adresse refusée par le serveur de messagerie" in page
    assert "SMTPRecipientsRefused" not in page and "no such user" not in page
    assert enrolment.user.email in page  # the member staff follow, named as in every list
    with translation.override("en"):
        assert str(FailureCategory.RECIPIENT_REFUSED.label) == "Address refused by the mail server"


def test_transient_errors_stop_at_the_cap(setting, flaky, settings):
    settings.ELUS2_REMINDER_MAX_ATTEMPTS = 3
    enrolment = stalled(setting)
    row = swept()[(enrolment.user_id, Rule.STALLED)]
    flaky.errors = [OSError("connection refused")] * 5
    moment = NOW
    for _ in range(2):
        with pytest.raises(ReminderRetry):
            send(row, moment)
        moment += datetime.timedelta(minutes=30)
    assert send(row, moment) == "failed"  # third attempt: no retry left
    row.refresh_from_db()
    assert (row.status, row.attempts) == (ReminderStatus.FAILED, 3)
    assert mail.outbox == []


def test_the_control_group_gets_nothing_and_is_measured(settings, setting):
    settings.ELUS2_REMINDER_HOLDBACK_PERCENT = 50
    enrolments = [stalled(setting) for _ in range(16)]
    rows = swept()
    outcomes = {e.user_id: send(rows[(e.user_id, Rule.STALLED)]) for e in enrolments}
    held = [e for e in enrolments if rows[(e.user_id, Rule.STALLED)].held_back]
    sent = [e for e in enrolments if not rows[(e.user_id, Rule.STALLED)].held_back]
    assert held and sent
    assert {outcomes[e.user_id] for e in held} == {"withheld"}
    assert {outcomes[e.user_id] for e in sent} == {"sent"}
    assert sorted(m.to[0] for m in mail.outbox if m.to[0] != setting.staff.email) == sorted(
        e.user.email for e in sent
    )
    # One of each group comes back within 72 h, one more of the reminded after 4 days.
    activity_at(sent[0], NOW + datetime.timedelta(hours=20))
    activity_at(held[0], NOW + datetime.timedelta(hours=70))
    with at(NOW + datetime.timedelta(hours=71)):
        reminders_sweep()  # stamps resumed_at
    activity_at(sent[0], NOW + datetime.timedelta(days=6))  # later activity changes nothing
    activity_at(sent[1], NOW + datetime.timedelta(days=4))  # too late to count
    effect = cohort_reminder_effect(cohort=setting.cohort, now=NOW + datetime.timedelta(days=7))
    assert (effect.sent.total, effect.sent.measured, effect.sent.resumed) == (
        len(sent),
        len(sent),
        1,
    )
    assert (effect.held_back.total, effect.held_back.resumed) == (len(held), 1)
    assert effect.sent.rate == round(100 / len(sent))
    assert effect.held_back.rate == round(100 / len(held))


def test_the_staff_digest(setting):
    stalled(setting, first_name="Bruno", last_name="Dupuis")
    member_at(setting, invited=days_before(30), last_activity=days_before(1), done=4)
    rows = swept()
    assert send(rows[(setting.staff.pk, Rule.DIGEST)]) == "sent"
    [message] = [m for m in mail.outbox if m.to == [setting.staff.email]]
    assert setting.cohort.name in message.body
    assert "2 membres, 1 parcours terminés" in message.body
    assert "Bruno Dupuis" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_erasure_cancels_what_waits_and_export_lists_what_was_sent(setting):
    enrolment = stalled(setting)
    rows = swept()
    send(rows[(enrolment.user_id, Rule.STALLED)])
    waiting = Reminder.objects.create(
        user=enrolment.user, rule=Rule.NOT_STARTED, period=NOW.date(), send_after=NOW
    )
    exported = personal_data_collect(enrolment.user)["relances"]
    assert [(row["rule"], row["status"]) for row in exported] == [
        (Rule.STALLED, ReminderStatus.SENT),
        (Rule.NOT_STARTED, ReminderStatus.PENDING),
    ]
    assert exported[0]["sent_at"]
    user_erase(user=enrolment.user)
    assert status_of(waiting) == (ReminderStatus.CANCELLED, "")
    assert status_of(rows[(enrolment.user_id, Rule.STALLED)]) == (ReminderStatus.SENT, "")
