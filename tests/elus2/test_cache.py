"""A dead Redis is a cache miss, not an error; a live one is a cache."""

import time

import pytest

from elus2.cache import ResilientRedisCache
from tests.services import redis_url

DEAD = "redis://127.0.0.1:6390/0"


@pytest.fixture(autouse=True)
def _breaker_closed():
    ResilientRedisCache.paused_until = 0.0
    yield
    ResilientRedisCache.paused_until = 0.0


def _cache(location: str) -> ResilientRedisCache:
    return ResilientRedisCache(
        location, {"OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}
    )


def test_a_dead_redis_reads_as_misses_and_drops_writes(caplog):
    cache = _cache(DEAD)
    assert cache.get("k", "défaut") == "défaut"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set("k", 1) is None
    assert cache.add("k", 1) is False
    assert cache.incr("n") is None
    assert cache.get_or_set("g", 1) == 1
    assert "Redis unreachable" in caplog.text


def test_after_a_failure_redis_is_left_alone_for_a_while(monkeypatch):
    cache = _cache(DEAD)
    cache.get("k")
    assert ResilientRedisCache.paused_until > time.monotonic()
    calls = []
    monkeypatch.setattr(
        "django.core.cache.backends.redis.RedisCache.get", lambda *a, **k: calls.append(a)
    )
    assert cache.get("k", "miss") == "miss"
    assert calls == []  # not even tried


def test_a_live_redis_is_a_cache():
    cache = _cache(redis_url())
    cache.set("elus2-test-key", {"v": 1}, 30)
    assert cache.get("elus2-test-key") == {"v": 1}
    cache.delete("elus2-test-key-n")
    assert cache.add("elus2-test-key-n", 1, 30) is True
    assert cache.incr("elus2-test-key-n") == 2
    cache.delete_many(["elus2-test-key", "elus2-test-key-n"])
    assert cache.get("elus2-test-key") is None
