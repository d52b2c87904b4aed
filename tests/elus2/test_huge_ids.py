"""An id too large for the database column, typed or tampered in any URL, is a 404, never a
server error: every URL pattern with an integer argument is walked, signed in as a superuser
(who passes every permission check and so reaches the lookups)."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

HUGE = 10**20  # beyond PostgreSQL's bigint and SQLite's 64-bit integers
NUMERIC = {"IntConverter", "DatabaseIdConverter"}


def int_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from int_patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            converters = entry.pattern.converters
            if any(type(c).__name__ in NUMERIC for c in converters.values()):
                yield prefix, entry


def test_every_integer_url_argument_too_large_is_a_404():
    from django.test import Client

    client = Client(raise_request_exception=False)
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    checked = []
    for prefix, pattern in int_patterns():
        route = prefix + str(pattern.pattern)
        if route.startswith(("admin/", "django-admin/", "documents/")):
            continue  # Wagtail's and Django's own admin: theirs to answer
        path = "/" + route
        for name, converter in pattern.pattern.converters.items():
            value = str(HUGE) if type(converter).__name__ in NUMERIC else "x"
            for kind in ("int", "id", "str"):
                path = path.replace(f"<{kind}:{name}>", value)
        path = path.replace("^", "").replace("$", "")
        for method in ("get", "post"):
            response = getattr(client, method)(path)
            checked.append((method, path, response.status_code))
    errors = [row for row in checked if row[2] >= 500]
    assert len(checked) > 20 and not errors, errors


def test_the_id_converter_takes_ids_up_to_18_digits():
    from django.urls import resolve

    assert resolve("/quiz/lecons/999999999999999999/").kwargs == {"lesson_id": 10**18 - 1}
    assert reverse("learning:attestation", args=[42]) == "/parcours/attestations/42/"
