"""Redis as a cache that may go away: with Redis unreachable, reads are misses and writes are
dropped, so a request still answers (sessions fall back to the database, content is rendered
again) instead of failing. After a failure the process stops asking Redis for a few seconds (a
circuit breaker), so a dead Redis costs one bounded timeout, not one per cache call.

Settings use it for CACHES when REDIS_URL is set (settings/base.py).
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
PAUSE_SECONDS = 5.0


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django builds a new redis.Redis object (and its table of ~170 reply callbacks) for every
    cache call; one per connection pool does, since the client is thread-safe."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    # Per process: Redis is not asked again before this moment (time.monotonic()).
    paused_until = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def _guarded(self, operation: str, fallback, *args, **kwargs):
        if time.monotonic() < ResilientRedisCache.paused_until:
            return fallback
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except UNREACHABLE as error:
            ResilientRedisCache.paused_until = time.monotonic() + PAUSE_SECONDS
            logger.warning(
                "cache: Redis unreachable (%s during %s); going on without it for %s s",
                type(error).__name__,
                operation,
                PAUSE_SECONDS,
            )
            return fallback

    # Reads: a miss.
    def get(self, key, default=None, version=None):
        return self._guarded("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guarded("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._guarded("has_key", False, key, version)

    # Writes: dropped (add and touch say they did nothing).
    def set(self, *args, **kwargs):
        return self._guarded("set", None, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._guarded("set_many", [], *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._guarded("add", False, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._guarded("touch", False, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._guarded("delete", False, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._guarded("delete_many", None, *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._guarded("incr", None, *args, **kwargs)

    def clear(self):
        return self._guarded("clear", None)
