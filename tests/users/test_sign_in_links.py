"""Sign-in links: a GET only confirms, a POST signs in once; used, expired, unknown or unsafe
links fall back to the login page with a message and the destination kept."""

from __future__ import annotations

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from elus2.users.models import SignInLink
from elus2.users.services import (
    SignInLinkUsed,
    sign_in_link_claim,
    sign_in_link_create,
    sign_in_links_purge,
    token_hash,
)
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def path_of(url: str) -> str:
    return urlsplit(url).path


def token_of(url: str) -> str:
    return path_of(url).rstrip("/").rsplit("/", 1)[1]


def logged_in_as(client) -> int | None:
    value = client.session.get("_auth_user_id")
    return int(value) if value else None


def login_redirect(response) -> dict:
    assert response.status_code == 302
    parts = urlsplit(response.url)
    assert parts.path == reverse("account_login")
    return parse_qs(parts.query)


def only_message(response) -> str:
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert len(messages) == 1
    return messages[0]


@pytest.fixture
def user():
    return UserFactory(verified_email=False)


def test_create_returns_a_full_url_and_stores_only_a_hash(settings, user):
    url = sign_in_link_create(user=user, next_url="/formations/x/", lifetime=14 * DAY)
    assert url.startswith(settings.SITE_URL + "/connexion/")
    token = token_of(url)
    assert len(token) >= 40
    link = SignInLink.objects.get()
    assert link.token_hash == token_hash(token) and token not in link.token_hash
    assert link.next_url == "/formations/x/" and link.used_at is None


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/x", "formations/", "", "/\\evil.example"]
)
def test_create_refuses_a_destination_outside_the_site(user, next_url):
    with pytest.raises(ValueError):
        sign_in_link_create(user=user, next_url=next_url, lifetime=DAY)


def test_get_shows_a_confirmation_and_does_not_use_the_link(client, user):
    url = sign_in_link_create(user=user, next_url="/parcours/", lifetime=DAY)
    for _ in range(2):  # a mail scanner, then the person
        response = client.get(path_of(url))
        assert response.status_code == 200
        assert 'method="post"' in response.content.decode()
        assert user.email in response.content.decode()
    assert SignInLink.objects.get().used_at is None
    assert logged_in_as(client) is None


def test_post_signs_in_once_marks_the_address_verified_and_lands_on_next(user):
    url = sign_in_link_create(user=user, next_url="/parcours/", lifetime=DAY)
    client = Client(enforce_csrf_checks=True)
    page = client.get(path_of(url))
    csrf = page.cookies["csrftoken"].value
    response = client.post(path_of(url), {"csrfmiddlewaretoken": csrf})
    assert response.status_code == 302 and response.url == "/parcours/"
    assert logged_in_as(client) == user.pk
    assert EmailAddress.objects.get(user=user).verified
    assert SignInLink.objects.get().used_at is not None


def test_post_without_csrf_token_is_refused(user):
    url = sign_in_link_create(user=user, next_url="/parcours/", lifetime=DAY)
    response = Client(enforce_csrf_checks=True).post(path_of(url))
    assert response.status_code == 403
    assert SignInLink.objects.get().used_at is None


def test_a_used_link_falls_back_to_login_with_next(user):
    url = sign_in_link_create(user=user, next_url="/formations/a/", lifetime=DAY)
    assert Client().post(path_of(url)).status_code == 302
    other = Client()
    response = other.post(path_of(url))
    assert login_redirect(response) == {"next": ["/formations/a/"]}
    assert "déjà été utilisé" in only_message(response)
    assert logged_in_as(other) is None
    # The GET of a used link does the same, without an error page.
    assert login_redirect(Client().get(path_of(url))) == {"next": ["/formations/a/"]}


def test_a_used_link_clicked_again_by_its_signed_in_owner_just_goes_there(client, user):
    url = sign_in_link_create(user=user, next_url="/formations/a/", lifetime=DAY)
    client.post(path_of(url))
    response = client.post(path_of(url))
    assert response.status_code == 302 and response.url == "/formations/a/"


def test_an_expired_link_falls_back_to_login_with_next(client, user):
    url = sign_in_link_create(user=user, next_url="/formations/a/", lifetime=14 * DAY)
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + 13 * DAY):
        assert client.get(path_of(url)).status_code == 200
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + 15 * DAY):
        response = client.post(path_of(url))
        assert login_redirect(response) == {"next": ["/formations/a/"]}
        assert "expiré" in only_message(response)
    assert logged_in_as(client) is None
    assert SignInLink.objects.get().used_at is None


@pytest.mark.parametrize("mangle", [lambda t: t[:-2], lambda t: t + "x", lambda t: "A" * 43])
def test_a_tampered_or_unknown_token_falls_back_to_login(client, user, mangle):
    url = sign_in_link_create(user=user, next_url="/formations/a/", lifetime=DAY)
    token = mangle(token_of(url))
    response = client.post(reverse("users:sign_in_link", args=[token]))
    assert login_redirect(response) == {}
    assert "pas valide" in only_message(response)
    assert logged_in_as(client) is None


def test_a_very_long_token_is_unknown_not_an_error(client):
    response = client.get(reverse("users:sign_in_link", args=["x" * 5000]))
    assert login_redirect(response) == {}


def test_an_unsafe_stored_destination_is_never_followed(client, user):
    url = sign_in_link_create(user=user, next_url="/parcours/", lifetime=DAY)
    SignInLink.objects.update(next_url="https://evil.example/")
    response = client.post(path_of(url))
    assert response.status_code == 302
    assert response.url == "/parcours/"  # LOGIN_REDIRECT_URL
    assert logged_in_as(client) == user.pk
    # And a used one does not put it in the login page's next either.
    response = Client().post(path_of(url))
    assert login_redirect(response) == {}


def test_claiming_twice_wins_once(user):
    url = sign_in_link_create(user=user, next_url="/parcours/", lifetime=DAY)
    assert sign_in_link_claim(token=token_of(url)).user == user
    with pytest.raises(SignInLinkUsed):
        sign_in_link_claim(token=token_of(url))


def test_an_inactive_account_is_not_signed_in(client, user):
    user.is_active = False
    user.save()
    url = sign_in_link_create(user=user, next_url="/parcours/", lifetime=DAY)
    client.post(path_of(url))
    assert logged_in_as(client) is None


def test_links_are_deleted_thirty_days_after_they_were_used_or_expired():
    user = UserFactory()
    start = datetime.datetime(2026, 3, 1, 9, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        urls = {
            name: sign_in_link_create(user=user, next_url="/parcours/", lifetime=lifetime)
            for name, lifetime in (("short", DAY), ("long", 60 * DAY), ("used", 60 * DAY))
        }
        sign_in_link_claim(token=token_of(urls["used"]))
    link = {
        name: SignInLink.objects.get(token_hash=token_hash(token_of(url)))
        for name, url in urls.items()
    }

    def left_on(day: datetime.datetime) -> set[str]:
        purge_count = sign_in_links_purge(now=day)
        kept = set(SignInLink.objects.values_list("pk", flat=True))
        return purge_count, {name for name, row in link.items() if row.pk in kept}

    hour = datetime.timedelta(hours=1)
    # Used or expired 30 days ago at most: still there, so following it says why it fails.
    assert left_on(start + 30 * DAY) == (0, {"short", "long", "used"})
    assert left_on(start + 30 * DAY + hour) == (1, {"short", "long"})  # used 30 days and 1 hour ago
    assert left_on(start + 31 * DAY + hour) == (1, {"long"})  # expired 30 days and 1 hour ago
    assert left_on(start + 31 * DAY + hour) == (0, {"long"})  # a second run deletes nothing
    assert left_on(start + 91 * DAY) == (1, set())


def test_the_purge_runs_daily_from_beat_and_the_privacy_page_says_so(client):
    from elus2.celery import app

    app.loader.import_default_modules()  # what a worker does at start: autodiscovery
    entry = app.conf.beat_schedule["sign-in-links-purge-daily-0345"]
    assert entry["task"] == "users.sign_in_links_purge" and entry["task"] in app.tasks
    assert (
        "effacé 30 jours après avoir servi ou expiré"
        in client.get("/confidentialite/").content.decode()
    )
