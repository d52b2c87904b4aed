"""The content generation never repeats, moves only with what visitors see, and only when the
change commits; a cache that culls loses pages, never counters; 404s add no keys."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client

from courses.cache import content_generation, local_caches_clear
from elus2.cache import NoCullDatabaseCache
from tests.factories.courses import course_build

pytestmark = pytest.mark.django_db


def _generation() -> str:
    local_caches_clear()  # this process's one-second memo
    return content_generation()


def test_an_emptied_or_culled_cache_never_brings_an_old_generation_back():
    course = course_build(modules=1, lessons_per_module=1)
    seen = {_generation()}
    course.title = "Nouveau titre"
    course.save_revision().publish()
    current = _generation()
    assert current not in seen
    seen.add(current)
    for cache in caches.all():  # what culling or a Redis restart does
        cache.clear()
    assert _generation() == current
    course.save_revision().publish()
    assert _generation() not in seen


def test_a_draft_keeps_the_generation_and_a_publication_replaces_it():
    course = course_build(modules=1, lessons_per_module=1)
    before = _generation()
    course.title = "Brouillon"
    course.save_revision()
    assert _generation() == before
    course.save_revision().publish()
    assert _generation() != before


def test_a_rolled_back_publication_keeps_the_generation():
    """The generation moves with the transaction that publishes: visible at its commit, gone
    with its rollback (Wagtail publishes inside its own transactions)."""
    course = course_build(modules=1, lessons_per_module=1)
    before = _generation()
    with pytest.raises(RuntimeError), transaction.atomic():
        course.save_revision().publish()
        assert _generation() != before  # the publishing transaction sees its own change
        raise RuntimeError
    assert _generation() == before


@pytest.mark.django_db(transaction=True)
def test_another_connection_sees_the_new_generation_only_at_commit():
    import threading

    course = course_build(modules=1, lessons_per_module=1)
    before = _generation()
    seen = {}

    def read(name):
        try:
            local_caches_clear()
            seen[name] = content_generation()
        finally:
            connection.close()

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("the in-memory SQLite test database has one writer and no isolation to show")
    with transaction.atomic():
        course.save_revision().publish()
        reader = threading.Thread(target=read, args=("during",))
        reader.start()
        reader.join()
    read("after")
    assert seen["during"] == before
    assert seen["after"] != before


def test_the_counters_cache_never_culls_a_live_entry():
    from django.core.management import call_command

    call_command("createcachetable", "elus2_test_counters", verbosity=0)  # (also with REDIS_URL)
    counters = NoCullDatabaseCache("elus2_test_counters", {"OPTIONS": {"MAX_ENTRIES": 3}})
    for n in range(10):
        counters.set(f"rate-limit-{n}", n, 600)
    assert [counters.get(f"rate-limit-{n}") for n in range(10)] == list(range(10))


def test_anonymous_404s_add_no_cache_keys():
    course_build(modules=1, lessons_per_module=1)
    client = Client()
    client.get("/")
    before = _row_count()
    for n in range(20):
        assert client.get(f"/formations/introuvable-{n}/").status_code == 404
    assert _row_count() == before


def _row_count() -> int:
    from django.conf import settings

    if settings.REDIS_URL:
        return caches["pages"]._cache.get_client().dbsize()
    total = 0
    with connection.cursor() as cursor:
        for config in settings.CACHES.values():
            cursor.execute(f'SELECT COUNT(*) FROM "{config["LOCATION"]}"')  # noqa: S608
            total += cursor.fetchone()[0]
    return total
