"""Every cache of the site, in one table, and the cache backends the settings use.

Rule: nothing that *invalidates* a cached value is a cache write. Versions live in the database
and are replaced in the transaction of the change (so they become visible with it, at commit, and
a rollback keeps the old one); a cache that loses entries or drops writes (Redis away, the database
cache culling) costs misses, never a stale page. Access rules are checked before any cached page
is served. Two cache aliases (settings/base.py): "default" (sessions, rate limits: never culled)
and "pages" (+ "template_fragments", same store: everything rendered or derived from content).

| layer | holds | key | invalidated by | Redis down |
|---|---|---|---|---|
| generation memo (courses/cache.py `_memo`, per process) | the content generation token | - | a bump in this process; otherwise 1 s old at most | unaffected (read from the database) |
| process LRU (courses/cache.py `_local`, 512 entries) | outline, route, site, "any view restriction?" | as the row below | keys hold the generation: a new one is a new key | unaffected |
| outline / route / site ("pages") | a course outline; the live page at a URL path (found pages only: 404s add no key); the site of a host | `courses:<what>:<generation>` | content generation: publish, unpublish, move, delete, view restriction, site, migrate (courses/signals.py) | built from the database on every request |
| anonymous page ("pages", AnonymousPageCacheMiddleware) | whole 200 responses of home, catalogue, course and module pages, for GETs without session or message cookie | `courses:page:<lang>:<host>:<path>` → (generation, response) | content generation | rendered every time |
| template fragment ("template_fragments") | lesson body, course body, catalogue list (never in previews) | page, live revision, language, generation | content generation | rendered every time |
| learner page ("pages", elus2/learning/page_cache.py) | a signed-in official's whole lesson page, without name nor CSRF token | person, page, generation, language, header fingerprint, `Enrolment.page_version` | learning and quiz services replace the enrolment's page version in their transaction; the gate (order, closed course) runs before every lookup | rendered every time |
| browsers and proxies (HTTP) | any page | - | pages answered to a signed-in person say `Cache-Control: private, no-store` (elus2/middleware.py PrivatePagesMiddleware): no shared cache keeps them | - |
| sessions, rate limits ("default") | cached_db sessions; allauth's and our login-code limits | Django's and allauth's | their own writes | sessions from the database; limits not counted meanwhile |

Without Redis the "default" cache is a database cache that never culls a live entry
(NoCullDatabaseCache) and "pages" one that may (ELUS2_PAGES_CACHE_MAX_ENTRIES); production.py
refuses any other arrangement.

ResilientRedisCache turns a dead Redis into misses and dropped writes (with a 5 s breaker), which
the rule above makes harmless. django-redis's IGNORE_EXCEPTIONS does the same without the
breaker (every call would wait for its timeout) and would be one more dependency.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.db import connections
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
PAUSE_SECONDS = 5.0


class NoCullDatabaseCache(DatabaseCache):
    """Django's database cache, minus culling: beyond MAX_ENTRIES Django deletes a third of the
    live rows, rate-limit counters included. Here only expired rows go; sessions and counters
    stay until their own expiry."""

    def _cull(self, db, cursor, now, num):
        connection = connections[db]
        table = connection.ops.quote_name(self._table)
        cursor.execute(
            f"DELETE FROM {table} WHERE expires < %s",  # noqa: S608 (table name from settings)
            [connection.ops.adapt_datetimefield_value(now)],
        )


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
