"""Whole lesson pages of a signed-in official, cached until something they show changes.

A lesson page for one person shows the content (keyed by the content generation), their course
state (outline states, progress, "done" button), their quiz state and their name in the header.
The key holds all of it: person, page, content generation, language, a fingerprint of what the
header shows, and the enrolment's *page version* — a token kept in the database on the Enrolment
row, which the learning and quiz services replace in the transaction of any write that changes
what a page of that course shows (learner_pages_changed). Nothing that invalidates a page is a
cache write, so a cache that drops writes (Redis away) can lose pages, never invalidations.

The gate (learning's on_serve_page hook) reads the enrolment and its progress and applies the
closed-course and lesson-order rules before any cached page is looked up: a hit never skips an
access rule, and the version comes from the row just read.

Cached pages hold no name and no address: the header's name is cut out before storing and put
back for the current user on each hit (as is the CSRF token, per browser), so an erased person's
name lives in no cache entry. The query string is not in the key (lesson pages do not read it).

Not cached: previews, pages with a flash message to show, non-GET requests, people with a staff
role (their pages carry admin links), people not enrolled in the course, and any site with page
view restrictions (Wagtail checks those on every request; we leave that path alone).
"""

from __future__ import annotations

import hashlib
import re
import uuid

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.html import escape
from django.utils.translation import get_language

from courses.cache import PAGE_TIMEOUT, content_generation, pages_cache, view_restrictions_exist
from courses.outline import course_path_of

from .models import Enrolment

CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+(")')
CSRF_HOLE = "\x00csrf\x00"
NAME_HOLE = "\x00who\x00"


def learner_pages_changed_many(*, enrolment_ids=(), user_lessons=()) -> int:
    """What these enrolments' pages show has changed: a new page version, written in the caller's
    transaction (visible with its other writes, at commit; gone with them on a rollback).
    `user_lessons`: (user id, lesson) pairs, for the enrolment of each lesson's course."""
    condition = Q(pk__in=list(enrolment_ids)) if enrolment_ids else Q()
    for user_id, lesson in user_lessons:
        condition |= Q(user_id=user_id, course__path=course_path_of(lesson))
    if not condition:
        return 0
    return Enrolment.objects.filter(condition).update(page_version=uuid.uuid4())


def learner_pages_changed(*, user_id: int, lesson) -> int:
    return learner_pages_changed_many(user_lessons=[(user_id, lesson)])


def _cacheable(request, enrolment) -> bool:
    user = request.user
    return (
        settings.ELUS2_LEARNER_PAGE_CACHE
        and enrolment is not None
        and request.method == "GET"
        and user.is_authenticated
        and not user.is_staff
        and not user.is_superuser
        and not getattr(request, "is_preview", False)
        and not request.COOKIES.get("messages")  # (an emptied one is sent until it expires)
        and "_messages" not in request.session
        and not view_restrictions_exist()
    )


def _shown_name(user) -> str:
    """What the header shows (templates/includes/header.html), as it appears in the HTML."""
    return escape(user.get_full_name() or user.email)


def _key(request, page, enrolment) -> str:
    user = request.user
    header = hashlib.blake2s(
        f"{user.email}|{user.first_name}|{user.last_name}".encode(), digest_size=8
    ).hexdigest()
    return (
        f"learning:page:{user.pk}:{page.pk}:{content_generation()}:{get_language()}:"
        f"{enrolment.page_version.hex}:{header}"
    )


def cached_page_get(request, page, enrolment) -> tuple[str | None, HttpResponse | None]:
    """(key to store under, or None when this request is not cacheable; the cached response).
    `enrolment` is the row the gate has just read and let through."""
    if not _cacheable(request, enrolment):
        return None, None
    key = _key(request, page, enrolment)
    html = pages_cache().get(key)
    if html is None:
        return key, None
    html = html.replace(NAME_HOLE, _shown_name(request.user))
    response = HttpResponse(html.replace(CSRF_HOLE, get_token(request)))
    response["X-Page-Cache"] = "hit"
    return key, response


def cached_page_store(key: str | None, request, response) -> None:
    if key is None or response.status_code != 200 or response.cookies.get("messages"):
        return
    if callable(getattr(response, "render", None)) and not response.is_rendered:
        response.render()
    html = CSRF_INPUT.sub(rf"\g<1>{CSRF_HOLE}\g<2>", response.content.decode())
    name = _shown_name(request.user)
    if name:
        html = html.replace(name, NAME_HOLE)
    pages_cache().set(key, html, PAGE_TIMEOUT)
