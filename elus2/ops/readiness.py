"""What /readyz/ checks: can this process reach the database, each cache and the Celery broker
right now. Each check is bounded in time and reports only « ok » or the error's class."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.cache import caches
from django.db import connection

from elus2.celery import app as celery_app

BROKER_TIMEOUT_SECONDS = 1


def _failed(error: BaseException) -> str:
    return f"injoignable ({type(error).__name__})"


def database_check() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # any driver error: the point is to answer, not to raise
        return _failed(error)
    return "ok"


def cache_check(alias: str) -> str:
    """A write then a read: a cache that turns errors into misses (elus2/cache.py) is caught by
    the value not coming back."""
    key, value = f"readyz:{secrets.token_hex(8)}", secrets.token_hex(8)
    backend = caches[alias]
    try:
        backend.set(key, value, 10)
        answered = backend.get(key)
        backend.delete(key)
    except Exception as error:
        return _failed(error)
    return "ok" if answered == value else "injoignable (écriture perdue)"


def broker_check() -> str:
    connection_ = celery_app.connection_for_write()
    try:
        connection_.ensure_connection(max_retries=0, timeout=BROKER_TIMEOUT_SECONDS)
    except Exception as error:  # kombu raises transport-specific errors
        return _failed(error)
    finally:
        connection_.release()
    return "ok"


def readiness_checks() -> dict[str, str]:
    results = {"database": database_check()}
    for alias in settings.CACHES:
        results[f"cache:{alias}"] = cache_check(alias)
    results["broker"] = broker_check()
    return results
