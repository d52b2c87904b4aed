"""Rendered course content is cached per page, revision, language and content generation.

Publishing, unpublishing, moving or deleting any page, and any change to a page view restriction,
bumps the generation (receivers in signals.py), so no cached fragment or page outlives the content
it shows. The cache is Redis when REDIS_URL is set, the database cache otherwise.

Two caches use the generation:
- template fragments ({% cache ... content_generation %}) for signed-in visitors and previews;
- whole responses for anonymous visitors (AnonymousPageCacheMiddleware), for the pages that opt in.
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.translation import get_language

GENERATION_KEY = "courses:content-generation"
RESTRICTIONS_KEY = "courses:view-restrictions-exist"
PAGE_TIMEOUT = 24 * 3600


def content_generation() -> int:
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def content_generation_bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)
    cache.delete(RESTRICTIONS_KEY)


def view_restrictions_exist() -> bool:
    """Whether any page has a view restriction; cached so public pages skip Wagtail's 2 queries."""
    from wagtail.models import PageViewRestriction

    found = cache.get(RESTRICTIONS_KEY)
    if found is None:
        found = PageViewRestriction.objects.exists()
        cache.set(RESTRICTIONS_KEY, found, timeout=None)
    return found


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
    def _eligible(request: HttpRequest) -> bool:
        from django.conf import settings

        if (
            request.method not in ("GET", "HEAD")
            or request.GET
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or "messages" in request.COOKIES
        ):
            return False
        # Only Wagtail's pages (the catch-all route); never /admin/, /accounts/, /healthz/…
        try:
            return resolve(request.path_info).url_name == "wagtail_serve"
        except Resolver404:
            return False

    @staticmethod
    def _key(request: HttpRequest) -> str:
        return f"courses:page:{get_language()}:{request.get_host()}:{request.path}"

    def __call__(self, request: HttpRequest) -> HttpResponse:
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
