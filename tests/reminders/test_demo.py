"""`make run`: seed_demo queues the stalled demo officials' reminders at once; sent, they are
readable in the dev mail view."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from elus2.learning.models import EnrolmentStatus
from elus2.reminders.models import Reminder, ReminderStatus, Rule
from elus2.reminders.services import reminder_send

pytestmark = pytest.mark.django_db


def test_seed_demo_queues_the_stalled_officials_reminders(
    settings, wide_window, django_capture_on_commit_callbacks
):
    settings.ELUS2_REMINDER_HOLDBACK_PERCENT = 10
    settings.EMAIL_BACKEND = "elus2.mail.FileEmailBackend"
    with django_capture_on_commit_callbacks() as published:
        call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert published, "the publish of the due reminders waits for the commit"
    stalled = Reminder.objects.filter(rule=Rule.STALLED).select_related("enrolment")
    assert stalled.count() >= 10  # three in ten of 60 officials are stalled
    assert {row.enrolment.status for row in stalled} == {EnrolmentStatus.STARTED}
    assert Reminder.objects.filter(rule=Rule.DIGEST, user__email="suivi@example.org").exists()
    for pk in Reminder.objects.values_list("pk", flat=True):
        reminder_send(reminder_id=pk)
    sent = Reminder.objects.filter(rule=Rule.STALLED, status=ReminderStatus.SENT).count()
    held = Reminder.objects.filter(rule=Rule.STALLED, status=ReminderStatus.WITHHELD).count()
    assert sent + held == stalled.count() and sent > held
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Reminder.objects.filter(rule=Rule.STALLED).count() == stalled.count()  # none twice
    admin = Client()
    admin.force_login(get_user_model().objects.get(email="admin@example.org"))
    listing = admin.get("/dev/mail/").content.decode()
    assert listing.count("Reprenez là où vous en étiez") == sent
