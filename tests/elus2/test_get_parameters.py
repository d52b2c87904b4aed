"""Every page answers bad query strings with a page, never a server error, and every page made for
a signed-in person says so to caches.

The walk covers the whole URL list as a superuser (who passes every permission check). A first
pass records which GET parameters each view reads (and checks Cache-Control); the fuzz then gives
each of those parameters, on every view, values that browsers, scanners and typos send."""

import pytest
from django.contrib.auth import get_user_model
from django.http import QueryDict
from django.test import Client

from tests.urlwalk import routes

pytestmark = pytest.mark.django_db

# What browsers, scanners and typos send, as query-string parts for one parameter `{name}`.
BAD_QUERIES = {
    "nul": "{name}=%00",
    "surrogate": "{name}=%ED%A0%80",  # a lone UTF-16 surrogate, as CESU-8 bytes
    "invalid-utf8": "{name}=%FF%FE",
    "list": "{name}=1&{name}=2&{name}[]=3",
    "empty": "{name}=",
    "huge": "{name}=" + "a" * 10_000,
    "words": "{name}=" + "veille+" * 400,
    "number-too-big": "{name}=" + "9" * 30,
    "negative": "{name}=-1",
    "float": "{name}=1e309",
    "nan": "{name}=NaN",
    "pattern": "{name}=" + "%25%5F%5B%2A" * 30,  # %, _, [, * : LIKE and GLOB wildcards
}


@pytest.fixture
def parameters_read(monkeypatch):
    """The GET (and form) parameter names read while the fixture's list is being filled."""
    read: list[str] = []
    for method in ("get", "getlist", "__getitem__", "__contains__"):
        original = getattr(QueryDict, method)

        def spy(self, key, *args, _original=original, **kwargs):
            if isinstance(key, str):
                read.append(key)
            return _original(self, key, *args, **kwargs)

        monkeypatch.setattr(QueryDict, method, spy)
    return read


@pytest.fixture
def superuser_client():
    client = Client(raise_request_exception=False)
    client.force_login(
        get_user_model().objects.create_superuser(email="root@example.org", password="x")
    )
    return client


def _pages_and_parameters(client, read) -> dict[str, set[str]]:
    pages = {}
    for route in routes():
        if not route.path:
            continue
        read.clear()
        response = client.get(route.path)
        if response.status_code == 200:
            pages[route.path] = (set(read), response.get("Cache-Control", ""))
    return pages


def test_pages_for_a_signed_in_person_are_private(superuser_client, parameters_read):
    pages = _pages_and_parameters(superuser_client, parameters_read)
    shared = [
        (path, cache_control)
        for path, (_read, cache_control) in pages.items()
        if not {"private", "no-store"} <= {part.strip() for part in cache_control.split(",")}
    ]
    assert shared == []
    assert len(pages) > 140
    # Anonymous visitors' pages stay cacheable by anyone.
    assert "private" not in Client().get("/").get("Cache-Control", "")


def test_no_parameter_value_gives_a_server_error(superuser_client, parameters_read):
    pages = _pages_and_parameters(superuser_client, parameters_read)
    fuzzed, errors = 0, []
    for path, (names, _cache_control) in pages.items():
        if not names:
            continue
        for kind, template in BAD_QUERIES.items():
            query = "&".join(template.format(name=name) for name in sorted(names))
            response = superuser_client.get(f"{path}?{query}")
            fuzzed += 1
            if response.status_code >= 500:
                errors.append((kind, path, sorted(names)))
    assert errors == []
    assert fuzzed > 500


@pytest.mark.parametrize("kind", sorted(BAD_QUERIES))
def test_the_language_switch_goes_home_on_a_bad_next(client, kind):
    """Its `next` is read only on the real language codes, which the walk's sample misses."""
    response = client.get("/langue/en/?" + BAD_QUERIES[kind].format(name="next"))
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.parametrize(
    "next_url", ["0", "NaN", "https://evil.example/", "//evil.example/", "/\\evil.example", "x y"]
)
def test_the_language_switch_never_leaves_the_site(client, next_url):
    response = client.get("/langue/en/", {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_the_language_switch_goes_back_to_a_local_page(client):
    response = client.get("/langue/en/", {"next": "/formations/?page=2"})
    assert response["Location"] == "/formations/?page=2"
