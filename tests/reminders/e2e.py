"""Helpers of the end-to-end tests: the test database's address for another process, a real
Celery worker started on it, and the mail files it writes."""

from __future__ import annotations

import email
import email.policy
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def database_url() -> str:
    """The database this test runs on, for another process: pytest-django's test_<name> on
    PostgreSQL, the file made by the sqlite_database_file fixture on SQLite."""
    config = connection.settings_dict
    if connection.vendor == "postgresql":
        credentials = quote(config["USER"] or "")
        if config["PASSWORD"]:
            credentials += ":" + quote(config["PASSWORD"])
        host = f"{config['HOST'] or '127.0.0.1'}:{config['PORT'] or 5432}"
        return f"postgres://{credentials}@{host}/{config['NAME']}"
    assert not connection.is_in_memory_db(), "use the sqlite_database_file fixture"
    return f"sqlite:///{config['NAME']}"


def process_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.reminders.worker_settings",
        "DATABASE_URL": database_url(),
        "ELUS2_VAR_DIR": str(tmp_path),
        "ELUS2_TEST_MAIL_DIR": str(tmp_path / "mail"),
        **extra,
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def worker_start(tmp_path: Path, **extra: str) -> subprocess.Popen:
    """`celery worker` in its own process (solo pool: the task runs in that very process, so
    SIGKILL stops it mid-task)."""
    log = (tmp_path / f"worker-{time.monotonic_ns()}.log").open("w")
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "elus2",
            "worker",
            "--pool",
            "solo",
            "-l",
            "info",
            "--without-mingle",
            "--without-gossip",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=process_env(tmp_path, **extra),
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def worker_stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(timeout=10)


def mail_recipients(tmp_path: Path) -> list[str]:
    """One entry per mail file written, in no particular order."""
    folder = tmp_path / "mail"
    if not folder.is_dir():
        return []
    return [
        str(email.message_from_bytes(path.read_bytes(), policy=email.policy.default)["To"])
        for path in folder.glob("*.eml")
    ]


def wait_for(condition, *, timeout: float, interval: float = 0.2, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what or condition}")
