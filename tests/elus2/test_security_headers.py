"""Every page type carries the security headers; production adds HSTS and secure cookies."""

import importlib
import sys

import pytest
from django.contrib.auth import get_user_model

from elus2.learning.services import enrolment_create
from tests.factories.learning import client_for, learner_create
from tests.factories.quizzes import quiz_course_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    built = quiz_course_build()
    learner = learner_create()
    enrolment_create(user=learner, course=built.course)
    admin = get_user_model().objects.create_superuser(email="root@example.org", password="x")
    return {
        "anonymous": [
            "/",
            "/formations/",
            built.course.url,
            "/accounts/login/",
            "/recherche/?q=veille",
            "/page-qui-n-existe-pas/",
            "/healthz/",
        ],
        learner: ["/parcours/", built.lessons[0].url, built.lesson.url],
        admin: ["/admin/", f"/admin/pages/{built.course.pk}/edit/"],
    }


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_every_page_type_carries_the_headers(client, pages):
    seen = 0
    for who, paths in pages.items():
        browser = client if who == "anonymous" else client_for(who)
        for path in paths:
            response = browser.get(path)
            assert response.status_code in {200, 404}, path
            policy = _policy(response)
            if path.startswith("/admin/"):
                # The reviewed exception (elus2/middleware.py): Wagtail's admin inline scripts.
                assert policy["script-src"] == ["'self'", "'unsafe-inline'"], path
            else:
                assert policy["script-src"] == ["'self'"], path
            assert policy["frame-ancestors"] == ["'self'"], path
            assert policy["object-src"] == ["'none'"], path
            assert response["X-Content-Type-Options"] == "nosniff", path
            assert response["Referrer-Policy"] == "same-origin", path
            assert response["X-Frame-Options"] == "DENY", path
            seen += 1
    assert seen == 12


def test_pages_we_render_have_no_inline_script(client, pages):
    """The CSP would block them: an inline script or handler here is a broken feature."""
    import re

    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>|\son[a-z]+=\"")
    for who, paths in pages.items():
        if who != "anonymous" and who.is_superuser:
            continue  # Wagtail's admin is Wagtail's; its scripts are files and JSON blocks
        browser = client if who == "anonymous" else client_for(who)
        for path in paths:
            body = browser.get(path).content.decode()
            assert not inline.search(body), (path, inline.search(body))


@pytest.fixture
def production_security(settings, monkeypatch):
    """The hardening values of elus2/settings/production.py, applied to this test's settings."""
    monkeypatch.setenv("DJANGO_SECRET_KEY", "s" * 60)
    monkeypatch.setenv("ELUS2_TRUSTED_PROXY_COUNT", "1")
    # Read base.py again under that environment, in a module of its own.
    monkeypatch.delitem(sys.modules, "elus2.settings.base")
    sys.modules.pop("elus2.settings.production", None)
    production = importlib.import_module("elus2.settings.production")
    for name in dir(production):
        if name.startswith(("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_")):
            setattr(settings, name, getattr(production, name))
    yield production
    sys.modules.pop("elus2.settings.production", None)


def test_production_sends_hsts_and_secure_cookies(client, production_security):
    plain = client.get("/accounts/login/")
    assert plain.status_code == 301 and plain["Location"].startswith("https://")
    response = client.get("/accounts/login/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response.cookies["csrftoken"]["secure"] is True
    learner = learner_create()
    signed_in = client.post(
        "/accounts/login/",
        {"login": learner.email, "password": "motdepasse-de-test"},
        secure=True,
    )
    assert signed_in.status_code == 302
    session_cookie = signed_in.cookies["sessionid"]
    assert session_cookie["secure"] is True and session_cookie["httponly"] is True


@pytest.mark.parametrize(
    "caches",
    [
        {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, "pages": {}},
        # Django's database cache culls a third of its live rows beyond MAX_ENTRIES (300 by
        # default): rate-limit counters and sessions with them.
        {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache"}, "pages": {}},
        # No cache of its own for pages: culling them would cull the counters too.
        {"default": {"BACKEND": "elus2.cache.NoCullDatabaseCache"}},
    ],
    ids=["local-to-one-process", "culling-database-cache", "no-pages-cache"],
)
def test_production_refuses_caches_that_can_lose_rate_limits(monkeypatch, caches):
    """Rate limits (login codes, resets) must be shared by every worker and never culled."""
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setenv("DJANGO_SECRET_KEY", "s" * 60)
    monkeypatch.setenv("ELUS2_TRUSTED_PROXY_COUNT", "1")
    monkeypatch.delitem(sys.modules, "elus2.settings.base")
    sys.modules.pop("elus2.settings.production", None)
    base = importlib.import_module("elus2.settings.base")
    monkeypatch.setattr(base, "CACHES", caches)
    with pytest.raises(ImproperlyConfigured, match="NoCullDatabaseCache"):
        importlib.import_module("elus2.settings.production")
    sys.modules.pop("elus2.settings.production", None)
