"""Staff's reminder page, scoped like every follow-up page."""

from __future__ import annotations

import pytest
from django.test import Client

from elus2.reminders.models import CohortReminderPolicy
from tests.factories.cohorts import agency_admin_create, staff_create
from tests.factories.learning import client_for
from tests.factories.reminders import setting_create
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

POLICY = {
    "stalled_enabled": "on",
    "stalled_days": "10",
    "not_started_enabled": "on",
    "not_started_days": "4",
    "deadline_enabled": "on",
    "deadline_first_days": "14",
    "deadline_last_days": "2",
}


@pytest.fixture
def setting():
    return setting_create()


def page_of(setting) -> str:
    return f"/suivi/promotions/{setting.cohort.pk}/relances/"


def test_staff_see_and_change_their_cohort_rules(setting):
    client = client_for(setting.staff)
    response = client.get(page_of(setting))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Relances envoyées" in text and "Groupe témoin" in text
    assert 'name="stalled_days" value="7"' in text  # the default until staff change it
    response = client.post(page_of(setting), POLICY)
    assert response.status_code == 302
    policy = CohortReminderPolicy.objects.get(cohort=setting.cohort)
    assert (policy.stalled_days, policy.not_started_days, policy.deadline_first_days) == (10, 4, 14)
    assert policy.digest_enabled is False  # an unticked box


def test_an_impossible_rule_is_refused(setting):
    response = client_for(setting.staff).post(
        page_of(setting), {**POLICY, "deadline_first_days": "3", "deadline_last_days": "5"}
    )
    assert response.status_code == 400
    assert not CohortReminderPolicy.objects.exists()


def test_a_cohort_outside_ones_scope_is_a_404(setting):
    other_staff = staff_create()
    assert client_for(other_staff).get(page_of(setting)).status_code == 404
    assert client_for(other_staff).post(page_of(setting), POLICY).status_code == 404
    assert client_for(UserFactory()).get(page_of(setting)).status_code == 404
    assert client_for(agency_admin_create()).get(page_of(setting)).status_code == 200
    anonymous = Client().get(page_of(setting))
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous.url
    assert not CohortReminderPolicy.objects.exists()
