"""Site-wide middleware of our own: the Content-Security-Policy, private caching of pages made for
a signed-in person, a 400 for query strings the Wagtail admin cannot read, and the bench's query
counter (enabled by ELUS2_QUERY_COUNT_HEADER)."""

import logging

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.paginator import InvalidPage
from django.db import DataError, connections
from django.shortcuts import render
from django.urls import NoReverseMatch
from django.utils.cache import patch_cache_control
from wagtail.search.backends.base import FilterFieldError

logger = logging.getLogger(__name__)


class QueryCountHeaderMiddleware:
    """Counts the SQL queries of a request into an X-Queries header for make bench."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Queries"] = str(count)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy (settings.CONTENT_SECURITY_POLICY) everywhere, with one reviewed
    exception: Wagtail 8's admin writes small inline scripts (inline panels, date pickers), so
    under /admin/ — reached only by staff roles behind MFA — inline scripts are allowed. The
    pages officials and the public see never allow them (tests/elus2/test_security_headers.py)."""

    ADMIN_PREFIX = "/admin/"

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(self.ADMIN_PREFIX):
            update = dict(parts.update or {})
            update["script-src"] = [*update.get("script-src", []), "'unsafe-inline'"]
            parts.update = update
        return parts


class PrivatePagesMiddleware:
    """A page answered to a signed-in person is theirs: `Cache-Control: private, no-store`, so
    no shared cache (a proxy, a town hall's gateway) keeps « Mon parcours », a quiz or a staff
    export. Anonymous requests (no session cookie) are left to the anonymous page cache and
    cost nothing here."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class AdminQueryErrorsMiddleware:
    """Wagtail's admin views trust their query strings: a filter id beyond 64 bits, a page
    number that is a word, a chooser's parent id that is not a number raise deep inside Wagtail
    (OverflowError, ValueError, NoReverseMatch, EmptyPage, DataError…), and the image chooser
    cannot search within a tag (FilterFieldError: Wagtail's Image does not index tag names for
    filtering). A read of the admin (GET with a query string) that fails so gets a 400 page in
    French that offers the page without the parameters, instead of a server error. Our own
    views check their input (tests/elus2/test_get_parameters.py fuzzes every view)."""

    PREFIX = "/admin/"
    INPUT_ERRORS = (
        ValueError,
        TypeError,
        OverflowError,
        AttributeError,
        NoReverseMatch,
        InvalidPage,
        DataError,
        FilterFieldError,
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not (
            request.method in {"GET", "HEAD"}
            and request.META.get("QUERY_STRING")
            and request.path.startswith(self.PREFIX)
            and isinstance(exception, self.INPUT_ERRORS)
        ):
            return None
        logger.warning("Paramètres illisibles sur %s : %s", request.path, type(exception).__name__)
        return render(request, "400.html", status=400)
