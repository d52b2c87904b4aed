"""Two staff members import the same list at the same moment: one account, one membership and
one email per person. Real threads; SQLite file by default, PostgreSQL when DATABASE_URL says so."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from elus2.cohorts.models import Membership
from tests.concurrency import together
from tests.factories.cohorts import CohortFactory, staff_create
from tests.factories.learning import client_for, learning_course_build

pytestmark = pytest.mark.django_db(transaction=True)

LIST = "\n".join(f"personne{n}@example.org, Prénom{n}, Nom{n}" for n in range(8))


@pytest.fixture(autouse=True)
def _threads_share_a_database_file(sqlite_database_file):
    """Threads need a database file on SQLite (see tests/conftest.py)."""


def test_two_simultaneous_imports_of_the_same_list():
    course = learning_course_build(modules=1, lessons_per_module=1, fast=True).course
    cohort = CohortFactory(courses=[course])
    clients = [client_for(staff_create(cohorts=[cohort])) for _ in range(2)]
    url = reverse("cohorts:invite", args=[cohort.pk])
    statuses = together(clients, lambda client: client.post(url, {"text": LIST}).status_code)
    assert statuses == [200, 200]
    assert get_user_model().objects.filter(email__startswith="personne").count() == 8
    assert Membership.objects.filter(cohort=cohort).count() == 8
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        f"personne{n}@example.org" for n in range(8)
    )
