"""/readyz/ says which dependency this process cannot reach (database, each cache, the broker),
with 503 and no address or secret in the answer; /healthz/ answers without touching any."""

import json

import pytest
from django.db import OperationalError

from elus2.celery import app as celery_app
from elus2.ops import readiness

pytestmark = pytest.mark.django_db

DEAD_PORT = 1  # nothing listens on 127.0.0.1:1


def _ready(client):
    response = client.get("/readyz/")
    return response.status_code, json.loads(response.content)


def test_all_ok(client):
    status, body = _ready(client)
    assert status == 200
    assert set(body.values()) == {"ok"}
    assert {"database", "broker"} <= set(body)
    assert any(name.startswith("cache:") for name in body)


def test_database_stopped(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection to server at 10.1.2.3 failed: secret-password")

    monkeypatch.setattr(readiness.connection, "cursor", refuse)
    status, body = _ready(client)
    assert status == 503
    assert body["database"] == "injoignable (OperationalError)"
    assert body["broker"] == "ok"


def test_cache_stopped(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "extra": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{DEAD_PORT}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5},
        },
    }
    status, body = _ready(client)
    assert status == 503
    assert body["cache:extra"].startswith("injoignable (")
    assert "127.0.0.1" not in json.dumps(body)
    assert body["database"] == "ok"


def test_a_cache_that_swallows_errors_is_caught(client, monkeypatch):
    from django.core.cache import caches

    monkeypatch.setattr(type(caches["default"]), "get", lambda self, key, default=None: default)
    status, body = _ready(client)
    assert status == 503
    assert body["cache:default"] == "injoignable (écriture perdue)"


def test_broker_stopped(client, monkeypatch):
    monkeypatch.setattr(celery_app.conf, "broker_url", f"redis://127.0.0.1:{DEAD_PORT}/0")
    status, body = _ready(client)
    assert status == 503
    assert body["broker"].startswith("injoignable (")
    assert "127.0.0.1" not in json.dumps(body)


def test_healthz_touches_nothing(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/healthz/").content == b"ok"
