"""Bench-only middleware (enabled by ELUS2_QUERY_COUNT_HEADER)."""

from django.db import connections


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
