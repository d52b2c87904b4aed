"""Which outside services this run has. Under CI=true a missing service fails the test; elsewhere it
skips with a one-line reason that says how to enable it."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def need(available: bool, reason: str) -> None:
    if available:
        return
    if in_ci():
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason)


def _port_open(url: str, default_port: int) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection(
            (parts.hostname or "127.0.0.1", parts.port or default_port), 1
        ):
            return True
    except OSError:
        return False


def redis_url() -> str:
    url = os.environ.get("REDIS_URL", "")
    need(bool(url), "needs Redis: set REDIS_URL=redis://127.0.0.1:6379/0")
    need(_port_open(url, 6379), f"Redis at REDIS_URL={url} does not answer")
    return url


def need_postgres() -> None:
    from django.db import connection

    need(
        connection.vendor == "postgresql",
        "needs PostgreSQL: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test",
    )


def need_browser() -> None:
    need(os.path.exists(CHROMIUM), f"needs Chromium at {CHROMIUM}: apt-get install chromium")
    try:
        import playwright  # noqa: F401
    except ImportError:
        need(False, "needs the playwright package: make install")


def tool(name: str) -> str:
    path = shutil.which(name) or os.path.join(os.path.dirname(os.sys.executable), name)
    return path


@contextlib.contextmanager
def tasks_run_here():
    """Celery tasks published inside the block run at once in this process, as a worker would
    run them, with their errors raised (for tests of what a task does, not of the broker)."""
    from elus2.celery import app

    previous = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager = app.conf.task_eager_propagates = True
    try:
        yield
    finally:
        app.conf.task_always_eager, app.conf.task_eager_propagates = previous
