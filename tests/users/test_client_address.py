"""Rate limits count per real client address: behind a trusted reverse proxy, the address it
appends to X-Forwarded-For; without one, the connection's address, whatever the header says."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"  # the connection's address: every request comes through the proxy


def _visitor(address: str | None) -> Client:
    headers = {"HTTP_X_FORWARDED_FOR": address} if address else {}
    return Client(REMOTE_ADDR=PROXY, **headers)


def _wrong_password(client: Client, email: str) -> str:
    """« refused » once the failed-login limit for this client's address is reached."""
    response = client.post(reverse("account_login"), {"login": email, "password": "faux"})
    assert response.status_code == 200
    return "refused" if "Trop de tentatives" in response.content.decode() else "wrong"


def test_behind_a_trusted_proxy_one_visitors_failures_do_not_lock_out_another(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    UserFactory(email="victime@example.org")
    attacker = _visitor("203.0.113.7")
    statuses = [_wrong_password(attacker, f"cible{i}@example.org") for i in range(12)]
    assert statuses == ["wrong"] * 10 + ["refused"] * 2  # allauth: 10 a minute per address
    official = _visitor("198.51.100.20")
    signed_in = official.post(
        reverse("account_login"),
        {"login": "victime@example.org", "password": "motdepasse-de-test"},
    )
    assert signed_in.status_code == 302
    assert "_auth_user_id" in official.session


def test_the_proxy_appended_address_is_the_one_counted(settings):
    """A client may send its own X-Forwarded-For; the proxy appends the real address last.
    Forging the first entry changes nothing."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    statuses = [
        _wrong_password(_visitor(f"192.0.2.{i}, 203.0.113.7"), f"c{i}@example.org")
        for i in range(12)
    ]
    assert statuses[-1] == "refused"


def test_without_a_trusted_proxy_the_header_is_ignored(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    statuses = [_wrong_password(_visitor(f"203.0.113.{i}"), f"c{i}@example.org") for i in range(12)]
    assert statuses[-1] == "refused"  # one connection address: forged headers change nothing


def test_a_header_shorter_than_the_proxy_chain_is_no_server_error(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    response = _visitor("203.0.113.7").post(
        reverse("account_login"), {"login": "x@example.org", "password": "faux"}
    )
    assert response.status_code == 200


def test_a_class_of_thirty_asks_for_codes_from_one_town_hall(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    town_hall = "198.51.100.20"
    for i in range(30):
        UserFactory(email=f"conseiller{i}@example.org")
    statuses = [
        _visitor(town_hall)
        .post(reverse("account_request_login_code"), {"email": f"conseiller{i}@example.org"})
        .status_code
        for i in range(30)
    ]
    assert statuses == [302] * 30
