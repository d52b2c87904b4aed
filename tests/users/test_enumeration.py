"""No account enumeration: a known and an unknown address get the same answer, the same page and
the same amount of work (one email each) on login by code, password reset and sign-up."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def _comparable(response, email) -> tuple:
    """The answer with what must differ taken out: the CSRF token and the address typed."""
    body = CSRF.sub("", response.content.decode()).replace(email, "ADRESSE")
    templates = sorted({t.name for t in response.templates or [] if t.name})
    return response.status_code, response.get("Location"), templates, body


def _both(url_name, data_for, *, follow=False):
    UserFactory(email="connu@example.org")
    answers, mails = [], []
    for email in ("connu@example.org", "inconnu@example.org"):
        client = Client()
        client.get(reverse(url_name))
        mail.outbox.clear()
        response = client.post(reverse(url_name), data_for(email), follow=follow)
        answers.append(_comparable(response, email))
        mails.append(len(mail.outbox))
    return answers, mails


def test_login_by_code_answers_the_same(client):
    answers, mails = _both("account_request_login_code", lambda e: {"email": e}, follow=True)
    known, unknown = answers
    assert known[0] == 200 and known == unknown
    assert mails == [1, 1]


def test_password_reset_answers_the_same(client):
    answers, mails = _both("account_reset_password", lambda e: {"email": e}, follow=True)
    known, unknown = answers
    assert known[0] == 200 and known == unknown
    assert mails == [1, 1]


def test_signup_answers_the_same(client):
    answers, mails = _both(
        "account_signup",
        lambda e: {"email": e, "password1": "Tres-long-mdp-1", "password2": "Tres-long-mdp-1"},
    )
    known, unknown = answers
    assert known[0] == 200 and known == unknown
    assert mails == [0, 0]
