"""Site-wide middleware of our own: the Content-Security-Policy, private caching of pages made for
a signed-in person, and the bench's query counter (enabled by ELUS2_QUERY_COUNT_HEADER)."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.db import connections
from django.utils.cache import patch_cache_control


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
