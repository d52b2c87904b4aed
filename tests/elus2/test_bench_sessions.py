"""The bench signs staff in as the production settings require (the second factor passed in
the session), so a staff page it times is the page, not a redirect to the MFA step."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.test import Client

from tests.factories.reporting import cohort_create
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def _helpers() -> dict:
    source = (Path(django_settings.BASE_DIR) / "bench" / "sessions.py").read_text()
    namespace: dict = {}
    exec(compile(source, "bench/sessions.py", "exec"), namespace)  # noqa: S102 - our own file
    helpers: dict = {}
    exec(namespace["SESSION_HELPERS"], helpers)  # noqa: S102 - what the bench's shell runs
    return helpers


def test_a_bench_staff_session_reaches_the_dashboard(settings):
    settings.ELUS2_MFA_REQUIRED = True
    staff = UserFactory(email="suivi-banc@example.org")
    staff.groups.add(Group.objects.get(name="Chargé·e de suivi"))
    staff.refresh_from_db()
    cohort = cohort_create(staff=[staff])
    key = _helpers()["session_for"](staff)
    client = Client()
    client.cookies[django_settings.SESSION_COOKIE_NAME] = key
    assert client.get(f"/suivi/promotions/{cohort.pk}/").status_code == 200
    _helpers()["session_end"](key)
    assert client.get(f"/suivi/promotions/{cohort.pk}/").status_code == 302  # signed out
