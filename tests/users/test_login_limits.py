"""Wrong login codes are limited per address in the shared cache: the 6th in the window is a 429."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories.users import UserFactory
from tests.mailbox import login_code_from_outbox

pytestmark = pytest.mark.django_db


def _request_code(client, email):
    response = client.post(reverse("account_request_login_code"), {"email": email})
    assert response.status_code == 302


def test_sixth_wrong_code_in_the_window_is_refused_with_429(client):
    UserFactory(email="cible@example.org")
    statuses = []
    # allauth drops a pending code after 3 wrong tries, so the attacker asks for a second one.
    _request_code(client, "cible@example.org")
    for _ in range(3):
        statuses.append(client.post(reverse("account_confirm_login_code"), {"code": "AAAA-AAAA"}))
    _request_code(client, "cible@example.org")
    for _ in range(2):
        statuses.append(client.post(reverse("account_confirm_login_code"), {"code": "BBBB-BBBB"}))
    assert [r.status_code for r in statuses] == [200, 200, 302, 200, 200]

    sixth = client.post(reverse("account_confirm_login_code"), {"code": "CCCC-CCCC"})
    assert sixth.status_code == 429
    assert "Trop de tentatives" in sixth.content.decode()
    # Even the right code is refused until the window ends: the limit cannot be probed.
    right = client.post(
        reverse("account_confirm_login_code"), {"code": login_code_from_outbox("cible@example.org")}
    )
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_limit_is_per_address_not_per_visitor(client, django_user_model):
    UserFactory(email="a@example.org")
    UserFactory(email="b@example.org")
    for _ in range(2):
        _request_code(client, "a@example.org")
        for _ in range(3):
            client.post(reverse("account_confirm_login_code"), {"code": "AAAA-AAAA"})
    client = Client()
    _request_code(client, "b@example.org")
    response = client.post(
        reverse("account_confirm_login_code"), {"code": login_code_from_outbox("b@example.org")}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(
        django_user_model.objects.get(email="b@example.org").pk
    )


def test_a_right_code_within_the_limit_still_logs_in(client):
    user = UserFactory(email="distrait@example.org")
    _request_code(client, "distrait@example.org")
    client.post(reverse("account_confirm_login_code"), {"code": "AAAA-AAAA"})
    response = client.post(
        reverse("account_confirm_login_code"),
        {"code": login_code_from_outbox("distrait@example.org")},
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk
