"""Whole lesson pages of a signed-in official, cached until something they show changes.

A lesson page for one person shows the content (cached per content generation), their course
state (outline states, progress, "done" button), their quiz state and their name in the header.
The key holds all of it: the content generation, the language, a fingerprint of what the header
shows, and the person's *page version*, a token the learning and quiz services replace after any
write that changes what a page shows (learner_pages_changed). A reopened lesson then costs the
session, the user and one cache round trip, and no template rendering.

Not cached: previews, pages with a flash message to show, non-GET requests, people with a staff
role (their pages carry admin links), and any site with page view restrictions (Wagtail checks
those on every request; we leave that path alone). CSRF tokens are taken out of the stored HTML and
a fresh one for the current browser is put back on every hit.
"""

from __future__ import annotations

import hashlib
import re
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from courses.cache import PAGE_TIMEOUT, content_generation, view_restrictions_exist

VERSION_KEY = "learning:page-version:{user_id}"
# Served from the cache, a lesson still counts as activity: last lesson and last activity are
# written at most once per TOUCH_SECONDS per lesson (reminders and dashboards read them).
TOUCH_KEY = "learning:touched:{user_id}"
TOUCH_SECONDS = 300
CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+(")')
CSRF_HOLE = "\x00csrf\x00"


def learner_pages_changed_many(*, user_ids) -> None:
    """What these people's pages show has changed: their page version is replaced after the
    commit. (Replaced before it, a request could still read the old rows and store its page under
    the new version.)"""
    keys = [VERSION_KEY.format(user_id=user_id) for user_id in user_ids]
    if keys:
        transaction.on_commit(
            lambda: cache.set_many({key: uuid.uuid4().hex for key in keys}, PAGE_TIMEOUT)
        )


def learner_pages_changed(*, user_id: int) -> None:
    learner_pages_changed_many(user_ids=[user_id])


def _cacheable(request) -> bool:
    user = request.user
    return (
        settings.ELUS2_LEARNER_PAGE_CACHE
        and request.method == "GET"
        and user.is_authenticated
        and not user.is_staff
        and not user.is_superuser
        and not getattr(request, "is_preview", False)
        and "messages" not in request.COOKIES
        and "_messages" not in request.session
        and not view_restrictions_exist()
    )


def _key(request, page, version: str) -> str:
    user = request.user
    header = hashlib.blake2s(
        f"{user.email}|{user.first_name}|{user.last_name}".encode(), digest_size=8
    ).hexdigest()
    return (
        f"learning:page:{user.pk}:{page.pk}:{content_generation()}:{get_language()}:"
        f"{version}:{header}:{request.get_full_path()}"
    )


def cached_page_get(request, page) -> tuple[str | None, HttpResponse | None]:
    """(key to store under, or None when this request is not cacheable; the cached response)."""
    if not _cacheable(request):
        return None, None
    version_key = VERSION_KEY.format(user_id=request.user.pk)
    touch_key = TOUCH_KEY.format(user_id=request.user.pk)
    found = cache.get_many([version_key, touch_key])
    version = found.get(version_key)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(version_key, version, PAGE_TIMEOUT):
            version = cache.get(version_key)
        if version is None:
            return None, None
    key = _key(request, page, version)
    html = cache.get(key)
    if html is None:
        return key, None
    if found.get(touch_key) != page.pk:
        from .services import enrolment_activity_touch

        enrolment_activity_touch(user=request.user, lesson=page)
        cache.set(touch_key, page.pk, TOUCH_SECONDS)
    response = HttpResponse(html.replace(CSRF_HOLE, get_token(request)))
    response["X-Page-Cache"] = "hit"
    return key, response


def cached_page_store(key: str | None, request, response) -> None:
    if key is None or response.status_code != 200 or response.cookies.get("messages"):
        return
    if callable(getattr(response, "render", None)) and not response.is_rendered:
        response.render()
    html = CSRF_INPUT.sub(rf"\g<1>{CSRF_HOLE}\g<2>", response.content.decode())
    cache.set(key, html, PAGE_TIMEOUT)
