"""Rendered course content is cached per page, revision, language and content generation.

Publishing, unpublishing, moving or deleting any page, and any change to a page view restriction,
bumps the generation (receivers in signals.py), so no cached fragment or page outlives the content
it shows. The cache is Redis when REDIS_URL is set, the database cache otherwise.

Two caches use the generation:
- template fragments ({% cache ... content_generation %}) for signed-in visitors and previews;
- whole responses for anonymous visitors (AnonymousPageCacheMiddleware), for the pages that opt in.
"""

from __future__ import annotations

import time
from collections import OrderedDict

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.translation import get_language

GENERATION_KEY = "courses:content-generation"
PAGE_TIMEOUT = 24 * 3600
# Each process remembers the generation for a second, so one request asks the cache for it once;
# another process sees a publication at most this late.
GENERATION_MEMO_SECONDS = 1.0
_memo: dict[str, tuple[int, float]] = {}


def content_generation() -> int:
    remembered = _memo.get(GENERATION_KEY)
    now = time.monotonic()
    if remembered and remembered[1] > now:
        return remembered[0]
    generation = cache.get_or_set(GENERATION_KEY, 1, timeout=None)
    _memo[GENERATION_KEY] = (generation, now + GENERATION_MEMO_SECONDS)
    return generation


def content_generation_bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)
    local_caches_clear()


def local_caches_clear() -> None:
    """Forget what this process remembers (tests call it when they empty the shared cache)."""
    _memo.clear()
    _local.clear()


# Values derived from content are keyed by generation, so a key's value never changes: each
# process also keeps the latest few in memory (treat them as read-only) and skips the round trip.
LOCAL_ENTRIES = 512
_local: OrderedDict[str, object] = OrderedDict()


def _cached(name: str, build):
    """A value derived from content, cached until the next content change."""
    key = f"courses:{name}:{content_generation()}"
    if key in _local:
        _local.move_to_end(key)
        return _local[key]
    value = cache.get(key)
    if value is None:
        value = build()
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

    return _cached(f"route:{url_path}", build) or None


def mark_cacheable_for_anonymous(response: HttpResponse) -> HttpResponse:
    response.cacheable_for_anonymous = True
    return response


class AnonymousPageCacheMiddleware:
    """Serves whole pages that opted in (catalogue, course, module) to anonymous visitors.

    Only GET/HEAD without a session or message cookie: such a response carries no per-visitor
    data (the opted-in pages render no CSRF token for anonymous visitors). One cache round trip
    fetches both the page and the current generation; a stale generation is a miss.
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
        found = cache.get_many([key, GENERATION_KEY])
        generation = found.get(GENERATION_KEY) or content_generation()
        stored = found.get(key)
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
