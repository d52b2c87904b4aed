"""Staff roles without a second factor reach only MFA enrolment and logout; learners never are
walled; production settings keep the wall on whatever the environment says."""

import os
import subprocess
import sys

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.urls import reverse

from elus2.users.roles import Role
from tests.factories.learning import queries_without_cache
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _wall_on(settings):
    settings.ELUS2_MFA_REQUIRED = True


def _with_role(role, **fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=role))
    return user


WALLED_PAGES = ["/parcours/", "/admin/", "/formations/", "/recherche/?q=veille"]


@pytest.mark.parametrize("role", [Role.TRAINER, Role.APPROVER, Role.STAFF, Role.ADMIN])
def test_staff_roles_without_a_factor_are_walled(client, role):
    client.force_login(_with_role(role))
    for path in WALLED_PAGES:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == reverse("mfa_activate_totp"), path
    # A write elsewhere is refused the same way.
    assert client.post("/parcours/").status_code == 302


def test_walled_person_still_reaches_enrolment_and_logout(client):
    client.force_login(_with_role(Role.STAFF))
    page = client.get(reverse("mfa_activate_totp"), follow=True)
    assert page.status_code == 200
    assert page.redirect_chain == [] or page.redirect_chain[-1][0].startswith("/accounts/")
    assert client.get(reverse("mfa_index")).status_code == 200
    assert client.post(reverse("account_logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_is_staff_flag_alone_is_walled_too(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get("/parcours/")["Location"] == reverse("mfa_activate_totp")


def test_once_a_factor_is_enrolled_the_wall_asks_for_it(client):
    """Enrolment lifts the first wall; the session must still pass the factor
    (tests/users/test_one_way_in.py)."""
    user = _with_role(Role.TRAINER)
    client.force_login(user)
    assert client.get("/parcours/")["Location"] == reverse("mfa_activate_totp")
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert client.get("/parcours/")["Location"].startswith(reverse("mfa_reauthenticate"))


def test_learners_are_never_walled_and_pay_no_query_for_it(client, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(_with_role(Role.LEARNER))
    assert client.get("/parcours/").status_code == 200  # the wall decides once, then remembers
    with CaptureQueriesContext(connection) as walled_on:
        assert client.get("/parcours/").status_code == 200
    settings.ELUS2_MFA_REQUIRED = False
    with CaptureQueriesContext(connection) as walled_off:
        assert client.get("/parcours/").status_code == 200
    assert len(queries_without_cache(walled_on.captured_queries)) == len(
        queries_without_cache(walled_off.captured_queries)
    )


def test_the_setting_turns_the_wall_off_for_the_demo(client, settings):
    settings.ELUS2_MFA_REQUIRED = False
    client.force_login(_with_role(Role.STAFF))
    assert client.get("/parcours/").status_code == 200


@pytest.mark.parametrize("environment_says", ["false", "true", ""])
def test_production_settings_keep_the_wall_on(environment_says):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elus2.settings.production",
        "DJANGO_SECRET_KEY": "p" * 60,
        "ELUS2_MFA_REQUIRED": environment_says,
        "ELUS2_TRUSTED_PROXY_COUNT": "1",
    }
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; print(settings.ELUS2_MFA_REQUIRED)",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "True"


def test_dev_settings_turn_it_off_only_when_asked():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "elus2.settings.dev"}
    env.pop("ELUS2_MFA_REQUIRED", None)
    code = "from django.conf import settings; print(settings.ELUS2_MFA_REQUIRED)"
    off = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    on = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "ELUS2_MFA_REQUIRED": "true"},
        capture_output=True,
        text=True,
    )
    assert (off.stdout.strip(), on.stdout.strip()) == ("False", "True")
