import logging
import re

import pytest

# Independent of elus2/logscrub.py on purpose: this is what must never reach a log line.
PERSONAL_DATA_IN_LOGS = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.-]+|(?<![\w-])[A-Z0-9]{4}-[A-Z0-9]{4}(?![\w-])"
)


@pytest.fixture(autouse=True)
def _no_personal_data_in_logs(caplog):
    """Every test of the run doubles as a log audit (issue 8): no address, no login code."""
    caplog.set_level(logging.INFO)
    yield
    leaks = [
        f"{record.name}: {record.getMessage()}"
        for record in caplog.records
        if PERSONAL_DATA_IN_LOGS.search(record.getMessage())
        or PERSONAL_DATA_IN_LOGS.search(record.exc_text or "")
    ]
    assert not leaks, leaks


@pytest.fixture(autouse=True)
def _media_and_mail(settings, tmp_path):
    """Each test writes mail files and uploads in its own folder."""
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    settings.MEDIA_ROOT = tmp_path / "media"


DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_reset_sequences"}


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """Every test with database access starts with an empty cache (Redis in CI is not emptied by
    database rollbacks; the database cache needs the database)."""
    from courses.cache import local_caches_clear

    local_caches_clear()
    if request.node.get_closest_marker("django_db") or DATABASE_FIXTURES & set(
        request.fixturenames
    ):
        from django.core.cache import cache

        request.getfixturevalue("_django_db_helper")
        cache.clear()
    yield
    local_caches_clear()


@pytest.fixture
def sqlite_database_file(transactional_db, tmp_path):
    """For tests whose threads write at once. Django's SQLite test database lives in memory in
    shared-cache mode, where a second writer gets "database table is locked" at once instead of
    waiting its turn. A database file, opened with the project's OPTIONS (busy timeout, IMMEDIATE
    transactions), behaves like the real one: copy the test database to a file and point every
    connection of the test at it. On PostgreSQL it does nothing."""
    import sqlite3

    from django.db import DEFAULT_DB_ALIAS, connection, connections

    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    path = tmp_path / "concurrency.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    in_memory_settings = connections.settings[DEFAULT_DB_ALIAS]
    in_memory = connections[DEFAULT_DB_ALIAS]
    connections.settings[DEFAULT_DB_ALIAS] = {**in_memory_settings, "NAME": str(path)}
    del connections[DEFAULT_DB_ALIAS]
    try:
        assert not connection.is_in_memory_db()
        yield
    finally:
        connections[DEFAULT_DB_ALIAS].close()
        connections.settings[DEFAULT_DB_ALIAS] = in_memory_settings
        connections[DEFAULT_DB_ALIAS] = in_memory
