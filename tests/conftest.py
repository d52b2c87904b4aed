import logging
import re

import pytest

# Independent of elus2/logscrub.py on purpose: this is what must never reach a log line. Shapes
# (for worker processes, whose tokens this process does not see being made): addresses, login and
# verification codes, the secret segment of sign-in, report and unsubscribe links, signed values.
PERSONAL_DATA_IN_LOGS = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.-]+"
    r"|(?<![\w-])[A-Z0-9]{4}-[A-Z0-9]{4}(?![\w-])"
    r"|/(?:connexion|rapport|desinscription)/(?!\[jeton\])[^/\s?\"']+"
    r"|\b[\w-]{4,}:[\w-]{40,}\b"
)


@pytest.fixture(autouse=True)
def _issued_tokens(monkeypatch):
    """Every token the site issues during the test, as it is made: sign-in links
    (secrets.token_urlsafe), unsubscribe and report links (signed objects), allauth's login and
    e-mail verification codes. The log audit looks for each one, whatever its shape."""
    import secrets

    from allauth.account.adapter import DefaultAccountAdapter
    from django.core import signing

    issued: set[str] = set()

    def recording(function):
        def wrapper(*args, **kwargs):
            token = function(*args, **kwargs)
            if len(str(token)) >= 6:
                issued.add(str(token))
            if len(str(token)) == 8:  # codes are shown as XXXX-XXXX
                issued.add(f"{token[:4]}-{token[4:]}")
            return token

        return wrapper

    monkeypatch.setattr(secrets, "token_urlsafe", recording(secrets.token_urlsafe))
    monkeypatch.setattr(signing.Signer, "sign_object", recording(signing.Signer.sign_object))
    for name in ("generate_login_code", "generate_email_verification_code"):
        monkeypatch.setattr(
            DefaultAccountAdapter, name, recording(getattr(DefaultAccountAdapter, name))
        )
    return issued


@pytest.fixture(autouse=True)
def _no_personal_data_in_logs(caplog, _issued_tokens, tmp_path):
    """Every test of the run doubles as a log audit (issue 8): no address, no code, no token the
    site issued, in this process's records (from DEBUG up) or in the log files of the worker
    processes the test started (tests write them under tmp_path as *.log)."""
    caplog.set_level(logging.DEBUG)
    yield

    def leaks_in(text: str) -> bool:
        return bool(PERSONAL_DATA_IN_LOGS.search(text)) or any(
            token in text for token in _issued_tokens
        )

    leaks = [
        f"{record.name}: {record.getMessage()}"
        for record in caplog.records
        if leaks_in(record.getMessage()) or leaks_in(record.exc_text or "")
    ]
    for log_file in tmp_path.rglob("*.log"):
        leaks += [
            f"{log_file.name}: {line}"
            for line in log_file.read_text(errors="replace").splitlines()
            if leaks_in(line)
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
        from django.core.cache import caches

        request.getfixturevalue("_django_db_helper")
        for cache in caches.all():
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
