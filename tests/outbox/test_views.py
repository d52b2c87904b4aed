"""The one-click unsubscribe of every e-mail that offers one (RFC 8058)."""

from __future__ import annotations

import pytest
from django.test import Client

from elus2.outbox.tokens import unsubscribe_token, unsubscribe_url
from elus2.users.models import ReminderCategory, User
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://elus.example.org"


def test_unsubscribe_asks_on_get_and_acts_on_post():
    user = UserFactory()
    path = unsubscribe_url(user_id=user.pk, category=ReminderCategory.PROGRESS).removeprefix(
        "https://elus.example.org"
    )
    assert path.startswith("/desinscription/")
    page = Client().get(path)
    assert page.status_code == 200
    assert 'method="post"' in page.content.decode()
    user.refresh_from_db()
    assert user.reminders_progress is True  # a GET (a link scanner, a preview) changes nothing
    done = Client().post(path)
    assert done.status_code == 200
    user.refresh_from_db()
    assert (user.reminders_progress, user.reminders_deadline) == (False, True)


def test_one_click_from_a_mail_provider_needs_no_cookie_nor_csrf_token():
    user = UserFactory()
    token = unsubscribe_token(user_id=user.pk, category=ReminderCategory.DEADLINE)
    provider = Client(enforce_csrf_checks=True)
    response = provider.post(
        f"/desinscription/{token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert User.objects.get(pk=user.pk).reminders_deadline is False
    assert provider.post(f"/desinscription/{token}/").status_code == 200  # twice: same answer


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: token.replace(token.split(":")[0], token.split(":")[0][::-1]),
        lambda token: "x",
    ],
)
def test_a_tampered_token_changes_nothing(tamper):
    user = UserFactory()
    token = tamper(unsubscribe_token(user_id=user.pk, category=ReminderCategory.PROGRESS))
    assert Client().get(f"/desinscription/{token}/").status_code == 404
    assert Client().post(f"/desinscription/{token}/").status_code == 404
    assert User.objects.get(pk=user.pk).reminders_progress is True


def test_a_token_for_another_category_or_person_is_not_interchangeable():
    alice, bruno = UserFactory(), UserFactory()
    token = unsubscribe_token(user_id=alice.pk, category=ReminderCategory.DIGEST)
    Client().post(f"/desinscription/{token}/")
    alice.refresh_from_db()
    bruno.refresh_from_db()
    assert (alice.reminders_digest, alice.reminders_progress) == (False, True)
    assert bruno.reminders_digest is True
