"""« Mes données »: export and erasure cover every relation to the user; erasure keeps cohort
figures equal, ends sessions and can run twice; retention anonymises on time, once."""

import dataclasses
import datetime
import io
import json
import zipfile

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from elus2.cohorts.models import Invitation
from elus2.cohorts.retention import months_before, retention_apply
from elus2.learning.models import DailyActivity, Enrolment, LessonProgress
from elus2.learning.services import enrolment_create, lesson_progress_complete
from elus2.outbox.models import OutboxStatus
from elus2.quizzes.models import QuizAttempt
from elus2.quizzes.services import quiz_attempt_start, quiz_attempt_submit
from elus2.reminders.models import Reminder, ReminderStatus, Rule
from elus2.reporting.selectors import cohort_learner_list, cohort_summary
from elus2.users.personal_data import (
    holdings,
    personal_data_collect,
    user_erase,
    user_relations,
)
from elus2.users.roles import Role
from elus2.users.services import sign_in_link_create
from tests.factories.cohorts import CohortFactory, member_add, staff_create
from tests.factories.learning import client_for
from tests.factories.quizzes import answers_wrong, quiz_course_build
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def test_every_relation_to_the_user_is_declared():
    """A new model with a user field fails here until its app says what export and erasure do."""
    relations = user_relations()
    assert {"learning.Enrolment.user", "quizzes.QuizAttempt.user", "cohorts.Membership.user"} <= (
        relations
    )
    assert relations - set(holdings()) == set()
    assert set(holdings()) - relations == set()  # nothing declared for a relation that is gone


@pytest.fixture
def official():
    """An official with something in every exported section."""
    built = quiz_course_build()
    user = UserFactory(email="lea.durand@mairie.example", first_name="Léa", last_name="Durand")
    user.groups.add(Group.objects.get(name=Role.LEARNER))
    enrolment_create(user=user, course=built.course)
    lesson_progress_complete(user=user, lesson=built.lessons[0], source="marked_done")
    DailyActivity.objects.create(user=user, day=datetime.date(2026, 11, 20), seconds=300)
    attempt = quiz_attempt_start(user=user, lesson=built.lesson)
    quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=answers_wrong(attempt.questions))
    cohort = CohortFactory(courses=[built.course])
    member_add(cohort, user)
    Invitation.objects.create(cohort=cohort, user=user)  # still waiting to be sent
    sign_in_link_create(user=user, next_url="/parcours/", lifetime=datetime.timedelta(days=1))
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "s"})
    Reminder.objects.create(
        user=user,
        rule=Rule.STALLED,
        period=datetime.date(2026, 11, 20),
        cohort=cohort,
        send_after=timezone.now(),
        status=ReminderStatus.SENT,
        sent_at=timezone.now(),
    )
    built.course.save_revision(user=user)
    user.official_course = built.course
    user.official_cohort = cohort
    return user


def test_export_has_every_section_with_data(official):
    data = personal_data_collect(official)
    sections = {h.section for h in holdings().values() if h.export is not None}
    staff_only = {"promotions_suivies", "commentaires_editoriaux"}
    for section in sections - staff_only:
        assert data.get(section), f"export misses {section}"
    assert data["profil"][0]["email"] == "lea.durand@mairie.example"
    assert data["formations"][0]["lecons"][0]["completed_at"]
    assert data["quiz"][0]["answers"]


def test_download_is_a_zip_with_json_and_a_summary(official):
    response = client_for(official).get(reverse("my_data_download"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == ["donnees.json", "resume.txt"]
    data = json.loads(archive.read("donnees.json"))
    assert data["promotions"][0]["promotion"] == official.official_cohort.name
    summary = archive.read("resume.txt").decode()
    assert "Léa Durand" in summary and official.official_course.title in summary


def test_export_is_only_ever_my_own(official, client):
    other = UserFactory()
    response = client_for(other).get(reverse("my_data_download"))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert "lea.durand" not in archive.read("donnees.json").decode()
    assert client.get(reverse("my_data_download")).status_code == 302  # anonymous: login


def _figures(cohort, course):
    summary = cohort_summary(cohort=cohort, course=course)
    rows = cohort_learner_list(cohort=cohort, course=course)
    return summary, sorted(
        (row.user_id, row.status, row.percent, row.lessons_completed, row.active_seconds)
        for row in rows
    )


def test_erasure_anonymises_and_keeps_cohort_figures_equal(official):
    cohort, course = official.official_cohort, official.official_course
    member_add(cohort, UserFactory())
    waiting = Reminder.objects.create(
        user=official,
        rule=Rule.DEADLINE_SOON,
        period=datetime.date(2026, 12, 15),
        cohort=cohort,
        send_after=timezone.now(),
    )
    before = _figures(cohort, course)
    counts = (
        Enrolment.objects.count(),
        LessonProgress.objects.count(),
        QuizAttempt.objects.count(),
        DailyActivity.objects.count(),
    )
    assert user_erase(user=official) is True

    erased = get_user_model().objects.get(pk=official.pk)
    assert erased.email.endswith("@anonyme.invalid")
    assert (erased.first_name, erased.last_name, erased.collectivite) == ("", "", "")
    assert not erased.is_active and not erased.has_usable_password()
    assert erased.anonymised_at is not None
    assert not EmailAddress.objects.filter(user=official).exists()
    assert not Authenticator.objects.filter(user=official).exists()
    assert not erased.sign_in_links.exists()
    waiting.refresh_from_db()
    assert waiting.status == ReminderStatus.CANCELLED  # pending reminders are cancelled
    assert Invitation.objects.get(user=official).status == OutboxStatus.CANCELLED  # invitations too
    assert "lea.durand" not in json.dumps(personal_data_collect(erased), default=str)
    assert _figures(cohort, course) == before
    assert counts == (
        Enrolment.objects.count(),
        LessonProgress.objects.count(),
        QuizAttempt.objects.count(),
        DailyActivity.objects.count(),
    )


def test_erasure_runs_every_declared_eraser(official, monkeypatch):
    import elus2.users.personal_data as personal_data

    called, spied = [], {}
    for label, holding in personal_data._HOLDINGS.items():
        if holding.erase is None:
            continue

        def spy(user, original=holding.erase, name=label):
            called.append(name)
            original(user)

        spied[label] = dataclasses.replace(holding, erase=spy)
    monkeypatch.setattr(personal_data, "_HOLDINGS", {**personal_data._HOLDINGS, **spied})
    user_erase(user=official)
    assert sorted(called) == sorted(spied)


def test_erasure_twice_changes_nothing(official):
    assert user_erase(user=official) is True
    first = get_user_model().objects.values().get(pk=official.pk)
    assert user_erase(user=official) is False
    assert get_user_model().objects.values().get(pk=official.pk) == first


def test_delete_my_account_page_ends_every_session(official):
    laptop = client_for(official)
    assert laptop.get("/parcours/").status_code == 200
    Authenticator.objects.filter(user=official).delete()  # a password login, no TOTP step
    phone = Client()
    password = {"login": official.email, "password": "motdepasse-de-test"}
    assert phone.post(reverse("account_login"), password).status_code == 302
    page = phone.get(reverse("my_data"))
    assert "Supprimer mon compte" in page.content.decode()
    # Erasing asks to confirm who you are first (allauth reauthentication).
    asked = phone.post(reverse("my_account_erase"), {"confirm": "on"})
    assert asked["Location"].startswith(reverse("account_reauthenticate"))
    assert get_user_model().objects.get(pk=official.pk).anonymised_at is None
    again = phone.post(reverse("account_reauthenticate"), {"password": "motdepasse-de-test"})
    assert again.status_code == 302
    refused = phone.post(reverse("my_account_erase"), {})
    assert refused.status_code == 400
    assert "Cochez la case" in refused.content.decode()
    assert get_user_model().objects.get(pk=official.pk).anonymised_at is None

    response = phone.post(reverse("my_account_erase"), {"confirm": "on"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert get_user_model().objects.get(pk=official.pk).anonymised_at is not None
    for client in (phone, laptop):
        assert client.get("/parcours/").status_code == 302  # signed out everywhere


def test_profile_saves_preferences_and_language(official):
    client = client_for(official)
    page = client.get(reverse("my_account_profile"))
    assert page.status_code == 200
    assert "reminders_digest" not in page.content.decode()  # staff only
    response = client.post(
        reverse("my_account_profile"),
        {
            "first_name": "Léa",
            "last_name": "Durand",
            "mandate": "maire",
            "collectivite": "Saint-Aubin",
            "language": "en",
            "reminders_deadline": "on",
        },
    )
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"
    official.refresh_from_db()
    assert (official.mandate, official.language) == ("maire", "en")
    assert (official.reminders_progress, official.reminders_deadline) == (False, True)
    bad = client.post(
        reverse("my_account_profile"),
        {"first_name": "Léa-Marie", "mandate": "empereur", "language": "fr"},
    )
    assert bad.status_code == 200
    assert "Léa-Marie" in bad.content.decode()  # nothing typed is lost
    assert 'id="id_mandate_error"' in bad.content.decode()
    official.refresh_from_db()
    assert (official.first_name, official.mandate) == ("Léa", "maire")


def test_months_before_handles_short_months():
    assert months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 11, 26), 24) == datetime.date(2024, 11, 26)
    assert months_before(datetime.date(2026, 1, 15), 13) == datetime.date(2024, 12, 15)


def test_retention_anonymises_after_the_period_once(settings):
    settings.ELUS2_RETENTION_MONTHS = 24
    today = datetime.date(2026, 11, 26)
    old = CohortFactory(ends_on=datetime.date(2024, 10, 31))
    recent = CohortFactory(ends_on=datetime.date(2025, 6, 30))
    open_ended = CohortFactory(ends_on=None)
    gone = member_add(old).user
    still_recent = member_add(recent).user
    in_both = member_add(old).user
    member_add(recent, in_both)
    undated = member_add(open_ended).user
    staff = staff_create(cohorts=[old])
    member_add(old, staff)
    not_a_member = UserFactory()

    assert retention_apply(today=today) == 1
    anonymised = set(
        get_user_model().objects.filter(anonymised_at__isnull=False).values_list("pk", flat=True)
    )
    assert anonymised == {gone.pk}
    untouched = [still_recent, in_both, undated, staff, not_a_member]
    assert all(get_user_model().objects.get(pk=u.pk).anonymised_at is None for u in untouched)
    assert retention_apply(today=today) == 0  # a second run changes nothing
    # Two years after the recent cohort ended, its members go too.
    assert retention_apply(today=datetime.date(2027, 7, 1)) == 2


def test_retention_runs_daily_from_beat():
    from elus2.celery import app

    app.loader.import_default_modules()  # what a worker does at start: autodiscovery
    entry = app.conf.beat_schedule["retention-daily-0330"]
    assert entry["task"] == "cohorts.retention_apply"
    assert "cohorts.retention_apply" in app.tasks
