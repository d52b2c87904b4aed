"""Reminder.last_error (raw SMTP text) becomes a failure category: existing rows keep their
meaning and lose the address, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime
import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.factories.users import UserFactory

migration = importlib.import_module("elus2.reminders.migrations.0002_reminder_failure_category")

BEFORE = [("reminders", "0001_initial")]
AFTER = [("reminders", "0002_reminder_failure_category")]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("SMTPRecipientsRefused: {'a@b.fr': (550, b'no such user')}", "recipient_refused"),
        ("SMTPRecipientsRefused: {'a@b.fr': (452, b'mailbox full')}", "temporary"),
        ("SMTPResponseException: (451, b'later')", "temporary"),
        ("SMTPDataError: (554, b'spam a@b.fr')", "rejected"),
        ("SMTPServerDisconnected: gone", "unreachable"),
        ("ConnectionRefusedError: [Errno 111] Connection refused", "unreachable"),
        ("Envoi interrompu à chaque tentative.", "interrupted"),
        ("Trop de tentatives.", "too_many_attempts"),
        ("TemplateSyntaxError: boom", "unexpected"),
        ("", ""),
    ],
)
def test_each_stored_text_maps_to_its_category(text, category):
    assert migration.category_of(text) == category


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_the_failure_and_drops_the_address():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    user = UserFactory(email="refus@example.org")  # the users app is not rolled back
    Reminder = old.get_model("reminders", "Reminder")
    now = timezone.now()
    for day, text in enumerate(
        ["SMTPRecipientsRefused: {'refus@example.org': (550, b'no such user')}", ""]
    ):
        Reminder.objects.create(
            user_id=user.pk,
            rule="stalled",
            period=datetime.date(2026, 10, 1 + day),
            send_after=now,
            last_error=text,
        )
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    rows = list(new.get_model("reminders", "Reminder").objects.order_by("period").values())
    assert [row["failure"] for row in rows] == ["recipient_refused", ""]
    assert not any("refus@example.org" in str(value) for row in rows for value in row.values())
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
