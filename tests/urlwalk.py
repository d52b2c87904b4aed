"""The site's whole URL list (ours, allauth's, Wagtail's, Django admin's), each route with a
concrete path that resolves to it: tests that must cover every view walk it, so a view added
later is covered without anyone remembering to add it."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.admindocs.views import extract_views_from_urlpatterns
from django.urls import Resolver404, get_resolver, resolve

CONVERTERS = {
    "int": "1",
    "id": "1",
    "str": "x",
    "slug": "x",
    "path": "x/",
    "uuid": str(uuid.UUID(int=1)),
}


# Wagtail's /admin/failwhale/ raises on purpose (to test error reporting): walks skip it.
RAISES_ON_PURPOSE = {":wagtailadmin_error_test"}


@dataclass(frozen=True)
class Route:
    callback: object
    route: str
    name: str  # "namespace:name"
    path: str  # a concrete path, or "" when none resolves to this view

    @property
    def label(self) -> str:
        return view_label(self.callback)


def view_label(callback) -> str:
    return f"{callback.__module__}.{getattr(callback, '__qualname__', callback)}"


def concrete(route: str, converters: dict[str, str] | None = None) -> str:
    """A path that matches the route: typed parameters get a sample value."""
    values = {**CONVERTERS, **(converters or {})}
    route = re.sub(r"<(?:(\w+):)?\w+>", lambda m: values.get(m.group(1) or "str", "x"), route)
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "1", route)  # regex groups: digits fit most
    route = re.sub(r"\\Z|\^|\$|\\", "", route)
    return "/" + route.lstrip("/")


def routes(converters: dict[str, str] | None = None) -> Iterator[Route]:
    """Every view of the URL list; `path` is empty when the concrete path resolves elsewhere
    (a route shadowed by an earlier one, or one the sample values do not fit)."""
    for callback, route, namespace, name in extract_views_from_urlpatterns(
        get_resolver().url_patterns
    ):
        full_name = f"{namespace or ''}:{name or ''}"
        if full_name in RAISES_ON_PURPOSE:
            continue
        path = concrete(route, converters)
        try:
            match = resolve(path)
        except Resolver404:
            path = ""
        else:
            if match.func is not callback and full_name.split(":")[-1] != match.url_name:
                path = ""
        yield Route(callback, route, full_name, path)
