"""allauth wiring: code login first, mandatory verification, closed sign-up, admins behind allauth."""

import html

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories.users import UserFactory
from tests.mailbox import login_code_from_outbox

pytestmark = pytest.mark.django_db


def test_login_page_offers_the_code_first(client):
    html = client.get(reverse("account_login")).content.decode()
    assert html.index(reverse("account_request_login_code")) < html.index('name="password"')
    assert "Recevoir un code" in html


def test_login_by_code_end_to_end(client):
    user = UserFactory(email="code@example.org")
    response = client.post(reverse("account_request_login_code"), {"email": "code@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    code = login_code_from_outbox("code@example.org")
    assert "élus 2.0" in mail.outbox[0].body
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


def test_wrong_code_is_refused_in_french(client):
    UserFactory(email="code2@example.org")
    client.post(reverse("account_request_login_code"), {"email": "code2@example.org"})
    response = client.post(reverse("account_confirm_login_code"), {"code": "XXXXXX"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Code incorrect" in response.content.decode() or "incorrect" in response.content.decode()


def test_unverified_address_cannot_log_in_by_password(client):
    UserFactory(email="unverified@example.org", verified_email=False, password="motdepasse-1")
    response = client.post(
        reverse("account_login"), {"login": "unverified@example.org", "password": "motdepasse-1"}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")


def test_signup_is_closed_by_default(client):
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    assert "fermées" in response.content.decode() or "closed" in response.content.decode()
    client.post(
        reverse("account_signup"),
        {
            "email": "new@example.org",
            "password1": "Tres-long-mdp-1",
            "password2": "Tres-long-mdp-1",
        },
    )
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(email="new@example.org").exists()


def test_wagtail_admin_login_goes_through_allauth(client):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert "next=/admin/" in response.redirect_chain[-1][0]


def test_signed_in_learner_gets_a_refusal_not_a_login_loop(client):
    client.force_login(UserFactory())
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert "pas accès à l'administration" in html.unescape(response.content.decode())
    assert len(response.redirect_chain) == 1


def test_django_admin_login_goes_through_allauth(client):
    response = client.get("/django-admin/login/?next=/django-admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
