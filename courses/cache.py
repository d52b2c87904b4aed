"""Rendered course content is cached per page, revision, language and content generation.

The generation is a random token kept in the database (ContentGeneration, one row). Publishing,
unpublishing, moving or deleting a page, a change to a page view restriction or to a site, and
every `migrate`, replace it (receivers in signals.py) inside the transaction that makes the
change: other requests see the new token exactly when they see the new content, at commit, and a
rolled-back change leaves the old one. Random, it never comes back, whatever the cache drops or
culls; in the database, no cache failure can lose a bump. Draft saves do not replace it: visitors
see only live content.

Users of the generation (the table of every layer is in elus2/cache.py):
- derived values (outline, route, site, "any view restriction?") via _cached();
- template fragments ({% cache ... content_generation %}) outside previews;
- whole responses for anonymous visitors (AnonymousPageCacheMiddleware), for the pages that opt in;
- signed-in officials' lesson pages (elus2/learning/page_cache.py).
They live in the "pages" cache alias: a cache allowed to cull, since a lost entry is a miss.
"""

from __future__ import annotations

import time
import uuid
from collections import OrderedDict

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.translation import get_language

PAGE_TIMEOUT = 24 * 3600
# Each process remembers the generation for a second, so a request reads it once at most; another
# process sees a publication at most this late.
GENERATION_MEMO_SECONDS = 1.0
_memo: dict[str, tuple[str, float]] = {}


def pages_cache():
    """The cache of everything rendered or derived from content (may cull: a loss is a miss)."""
    return caches["pages"]


def content_generation() -> str:
    remembered = _memo.get("generation")
    now = time.monotonic()
    if remembered and remembered[1] > now:
        return remembered[0]
    from .models import ContentGeneration

    token = ContentGeneration.objects.values_list("token", flat=True).filter(pk=1).first()
    if token is None:  # a fresh database: the first reader creates the row
        token = ContentGeneration.objects.get_or_create(pk=1)[0].token
    generation = token.hex
    _memo["generation"] = (generation, now + GENERATION_MEMO_SECONDS)
    return generation


def content_generation_bump() -> None:
    """A new generation, visible with the caller's transaction (at once outside one)."""
    from .models import ContentGeneration

    ContentGeneration.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4()})
    local_caches_clear()


def local_caches_clear() -> None:
    """Forget what this process remembers (tests call it when they empty the shared cache)."""
    _memo.clear()
    _local.clear()


# Values derived from content are keyed by generation, so a key's value never changes: each
# process also keeps the latest few in memory (treat them as read-only) and skips the round trip.
LOCAL_ENTRIES = 512
_local: OrderedDict[str, object] = OrderedDict()


def _cached(name: str, build, *, keep_misses: bool = True):
    """A value derived from content, cached until the next content change. A miss (a false
    value) is kept only when `keep_misses`: keys named after a visitor's URL must not grow with
    every 404 asked for."""
    key = f"courses:{name}:{content_generation()}"
    if key in _local:
        _local.move_to_end(key)
        return _local[key]
    cache = pages_cache()
    value = cache.get(key)
    if value is None:
        value = build()
        if not value and not keep_misses:
            return value
        cache.set(key, value, PAGE_TIMEOUT)
    _local[key] = value
    if len(_local) > LOCAL_ENTRIES:
        _local.popitem(last=False)
    return value


def view_restrictions_exist() -> bool:
    """Whether any page has a view restriction; cached so public pages skip Wagtail's 2 queries."""
    from wagtail.models import PageViewRestriction

    return _cached("view-restrictions-exist", PageViewRestriction.objects.exists)


def site_for_request(request: HttpRequest):
    """Wagtail's site for this host, with its root page already specific (no query once cached)."""
    from wagtail.models import Site

    def build():
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
        return site or False

    return _cached(f"site:{request.get_host()}", build) or None


def page_for_url_path(url_path: str):
    """The specific page at this url_path (live or not), or None."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    def build():
        found = Page.objects.filter(url_path=url_path).values_list("pk", "content_type_id").first()
        if found is None:
            return False
        model = ContentType.objects.get_for_id(found[1]).model_class()
        return (model.objects.filter(pk=found[0]).first() if model else None) or False

    return _cached(f"route:{url_path}", build, keep_misses=False) or None


def mark_cacheable_for_anonymous(response: HttpResponse) -> HttpResponse:
    response.cacheable_for_anonymous = True
    return response


class AnonymousPageCacheMiddleware:
    """Serves whole pages that opted in (catalogue, course, module) to anonymous visitors.

    Only GET/HEAD without a session or message cookie: such a response carries no per-visitor
    data (the opted-in pages render no CSRF token for anonymous visitors). A page stored under an
    older generation is a miss. Keys: one per opted-in page and language (only 200s are stored).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @staticmethod
    def _is_page(request: HttpRequest) -> bool:
        """Wagtail's pages (the catch-all route); never /admin/, /accounts/, /healthz/…"""
        if not hasattr(request, "_is_wagtail_page"):
            try:
                request._is_wagtail_page = resolve(request.path_info).url_name == "wagtail_serve"
            except Resolver404:
                request._is_wagtail_page = False
        return request._is_wagtail_page

    def _eligible(self, request: HttpRequest) -> bool:
        from django.conf import settings

        return (
            request.method in ("GET", "HEAD")
            and not request.GET
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and self._is_page(request)
        )

    @staticmethod
    def _key(request: HttpRequest) -> str:
        return f"courses:page:{get_language()}:{request.get_host()}:{request.path}"

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._is_page(request):
            # Wagtail looks the site up on every request; hand it the cached one.
            request._wagtail_site = site_for_request(request)
        if not self._eligible(request):
            return self.get_response(request)
        key = self._key(request)
        cache = pages_cache()
        generation = content_generation()
        stored = cache.get(key)
        if stored and stored[0] == generation:
            response = stored[1]
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if (
            getattr(response, "cacheable_for_anonymous", False)
            and response.status_code == 200
            and not request.user.is_authenticated
            and not response.cookies
        ):
            if callable(getattr(response, "render", None)):
                response.render()
            cache.set(key, (generation, response), PAGE_TIMEOUT)
        return response
