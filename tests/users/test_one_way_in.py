"""There is one way in, allauth's: every login and password URL of the URL map (ours, allauth's,
Wagtail's, Django admin's, whatever a third-party app adds) is allauth's own or leads there, and
a staff session that did not pass its second factor reaches nothing but the MFA pages."""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import resolve, reverse

from elus2.users.roles import Role, home_url
from tests.factories.cohorts import CohortFactory
from tests.factories.users import UserFactory
from tests.urlwalk import concrete, routes

pytestmark = pytest.mark.django_db

PASSWORD = "motdepasse-de-test"
LOGIN_OR_PASSWORD = re.compile(r"login|password|reset|authenticat")
# Ours, wrapping allauth's own view with a limit of wrong codes.
ALLAUTH_WRAPPERS = {"elus2.users.login_code"}
# Password forms of Wagtail's view restrictions: a shared password for one page or document,
# kept in that visitor's session for that object; they sign no one in (checked below).
PAGE_PASSWORD_FORMS = {
    "wagtail.views.authenticate_with_password",
    "wagtail.documents.views.serve.authenticate_with_password",
}


@pytest.fixture(autouse=True)
def _wall_on(settings):
    settings.ELUS2_MFA_REQUIRED = True


def _staff_with_totp(role=Role.ADMIN):
    user = UserFactory(email="formatrice@example.org", is_superuser=role == Role.ADMIN)
    user.groups.add(Group.objects.get(name=role))
    secret = "JBSWY3DPEHPK3PXP"
    TOTP.activate(user, secret)
    return user, secret


def _totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def _is_allauth(path: str) -> bool:
    view = resolve(path.split("?")[0]).func
    return view.__module__.startswith("allauth.") or view.__module__ in ALLAUTH_WRAPPERS


def _leads_to_allauth(client, response) -> bool:
    """Redirects only, within the site, ending on one of allauth's views (a few hops)."""
    for _hop in range(3):
        if response.status_code != 302:
            return False
        if _is_allauth(response["Location"]):
            return True
        response = client.get(response["Location"])
    return False


def _login_routes():
    return [r for r in routes() if LOGIN_OR_PASSWORD.search(r.route + r.name)]


def test_every_login_and_password_url_is_allauths_or_leads_there():
    user, _secret = _staff_with_totp()
    checked = []
    for route in _login_routes():
        path = concrete(route.route)
        if route.label.startswith("allauth.") or route.callback.__module__ in ALLAUTH_WRAPPERS:
            checked.append(path)
            continue
        client = Client()
        credentials = {"username": user.email, "email": user.email, "login": user.email}
        credentials.update(password=PASSWORD, new_password1="x" * 20, new_password2="x" * 20)
        get, post = client.get(path), client.post(path, credentials)
        assert "_auth_user_id" not in client.session, path
        if route.label in PAGE_PASSWORD_FORMS:
            continue
        for response in (get, post):
            assert _leads_to_allauth(client, response), (path, response.status_code)
        checked.append(path)
    assert len(mail.outbox) == 0  # no second reset flow sent anything
    for wagtail_path in ["/admin/login/", "/admin/password_reset/", "/_util/login/"]:
        assert wagtail_path in checked


def test_wagtail_login_cannot_be_used_to_guess_passwords():
    user, _secret = _staff_with_totp()
    client = Client()
    for attempt in range(25):
        client.post("/admin/login/", {"username": user.email, "password": f"faux-{attempt}"})
    response = client.post("/admin/login/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_wagtail_password_reset_sends_nothing_and_leads_to_allauths():
    UserFactory(email="elu@example.org")
    client = Client()
    for _ in range(8):
        response = client.post("/admin/password_reset/", {"email": "elu@example.org"})
        assert response["Location"] == reverse("account_reset_password")
    assert mail.outbox == []


def test_allauths_password_login_asks_for_the_factor_before_signing_in():
    user, secret = _staff_with_totp()
    client = Client()
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    client.post(reverse("mfa_authenticate"), {"code": _totp_code(secret)})
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get("/admin/").status_code == 200


def _staff_pages(cohort) -> list[str]:
    """Every GET route of the URL map that needs a signed-in person, with the staff member's
    own cohort in it (so a page is refused by the wall, not for want of an object)."""
    pages = {r.path for r in routes({"id": str(cohort.pk), "int": str(cohort.pk)})}
    return sorted(p for p in pages if p.startswith(("/admin/", "/django-admin/", "/suivi/")))


@pytest.mark.parametrize("role", [Role.TRAINER, Role.APPROVER, Role.STAFF, Role.ADMIN])
def test_a_session_without_the_factor_reaches_only_the_mfa_pages(role):
    """However the session was made (force_login stands for any way in that skipped the
    factor), a staff member with a factor reaches nothing until this session passes it."""
    user, secret = _staff_with_totp(role)
    cohort = CohortFactory(staff=[user])
    client = Client()
    client.force_login(user)
    reached = []
    for path in _staff_pages(cohort) + ["/parcours/", "/mon-compte/", "/accounts/2fa/"]:
        response = client.get(path)
        location = response.get("Location", "")
        if not location.startswith(reverse("mfa_reauthenticate")):
            reached.append((path, response.status_code, location))
    assert reached == []
    # Recovery codes cannot be read or replaced with the password alone.
    for name in ["mfa_view_recovery_codes", "mfa_generate_recovery_codes", "mfa_index"]:
        assert client.get(reverse(name))["Location"].startswith(reverse("mfa_reauthenticate"))
    # The factor, given once, opens the session.
    page = client.get(reverse("mfa_reauthenticate"))
    assert page.status_code == 200
    client.post(reverse("mfa_reauthenticate"), {"code": _totp_code(secret)})
    assert client.get(home_url(user)).status_code == 200


def test_the_way_back_after_the_factor_is_the_page_asked_for():
    user, secret = _staff_with_totp()
    client = Client()
    client.force_login(user)
    response = client.get("/admin/pages/")
    assert response["Location"] == reverse("mfa_reauthenticate") + "?next=%2Fadmin%2Fpages%2F"
    wrong = client.post(response["Location"], {"code": "000000"})
    assert wrong.status_code == 200
    assert 'aria-invalid="true"' in wrong.content.decode()  # the field says what went wrong
    assert client.get("/admin/pages/").status_code == 302  # still walled
    done = client.post(response["Location"], {"code": _totp_code(secret)})
    assert done["Location"] == "/admin/pages/"


@pytest.mark.django_db(transaction=True)  # allauth announces the new factor on commit
def test_enrolling_a_factor_counts_as_passing_it(client):
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    # A transactional test starts from a flushed database: no roles; a superuser is walled too.
    user = UserFactory(email="nouvelle@example.org", is_superuser=True, is_staff=True)
    client.force_login(user)
    assert client.get("/suivi/")["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password again before a factor is added.
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    client.get(reverse("mfa_activate_totp"))  # allauth keeps the secret it shows in the session
    secret = client.session[SECRET_SESSION_KEY]
    client.post(reverse("mfa_activate_totp"), {"code": _totp_code(secret)})
    assert Authenticator.objects.filter(user=user, type="totp").exists()
    assert client.get("/suivi/").status_code == 200
