"""bench_reminders_seed, the reminder sweep's benchmark data: what it makes, and `--remove`, which
make bench runs afterwards so that the next run starts from the same database."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from elus2.cohorts.models import Membership
from elus2.learning.models import Enrolment
from elus2.reminders.management.commands.bench_reminders_seed import BENCH_EMAIL_DOMAIN

pytestmark = pytest.mark.django_db


def bench_accounts():
    return get_user_model().objects.filter(email__endswith=f"@{BENCH_EMAIL_DOMAIN}")


def test_the_seed_makes_its_enrolments_and_remove_takes_them_all_away():
    others = get_user_model().objects.count()
    output = StringIO()
    call_command("bench_reminders_seed", "--enrolments", "30", "--cohort-size", "10", stdout=output)
    assert "ENROLMENTS 30" in output.getvalue()
    assert bench_accounts().count() == 30
    assert Enrolment.objects.filter(user__in=bench_accounts()).count() == 30
    assert Membership.objects.filter(user__in=bench_accounts()).count() == 30

    call_command("bench_reminders_seed", "--remove", stdout=StringIO())
    assert not bench_accounts().exists()
    assert get_user_model().objects.count() == others
