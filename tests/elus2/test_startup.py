"""A wrong DATABASE_URL or REDIS_URL ends in one clear line, not a traceback."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "elus2.settings.dev", **env}
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DATABASE_URL": "foo://nowhere/db"}, "DATABASE_URL invalide"),
        ({"DATABASE_URL": "postgres://nobody@127.0.0.1:1/nowhere"}, "base de données injoignable"),
        ({"REDIS_URL": "http://127.0.0.1:6379/0", "DATABASE_URL": ""}, "REDIS_URL invalide"),
        ({"REDIS_URL": "redis://127.0.0.1:1/0", "DATABASE_URL": ""}, "broker Celery injoignable"),
    ],
)
def test_bad_service_url_gives_one_clear_line(env, expected, tmp_path):
    result = manage("check_services", ELUS2_VAR_DIR=str(tmp_path), **env)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert "Traceback" not in result.stderr


def test_migrate_with_unreachable_database_is_one_line(tmp_path):
    result = manage("migrate", DATABASE_URL="postgres://nobody@127.0.0.1:1/nowhere")
    assert result.returncode != 0
    assert "base de données injoignable" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_production_asks_how_many_proxies_stand_in_front():
    """Behind a proxy, rate limits would count every visitor as one unless told to read the
    client's address from X-Forwarded-For: production makes the number an explicit choice."""
    result = manage(
        "check",
        DJANGO_SETTINGS_MODULE="elus2.settings.production",
        DJANGO_SECRET_KEY="s" * 60,
        ELUS2_TRUSTED_PROXY_COUNT="",
    )
    assert result.returncode != 0
    assert "ELUS2_TRUSTED_PROXY_COUNT doit être défini" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_check_services_passes_on_the_defaults(tmp_path):
    result = manage("check_services", ELUS2_VAR_DIR=str(tmp_path), DATABASE_URL="", REDIS_URL="")
    assert result.returncode == 0, result.stderr
    assert "base de données : ok (sqlite)" in result.stdout
    assert "broker Celery : ok (filesystem)" in result.stdout


def test_production_settings_pass_check_deploy():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="elus2.settings.production",
        DJANGO_SECRET_KEY="x" * 20 + "-production-secret-for-the-deploy-check-" + "y" * 20,
        DJANGO_ALLOWED_HOSTS="elus2.example.org",
        ELUS2_TRUSTED_PROXY_COUNT="1",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_the_dev_secret():
    result = manage("check", DJANGO_SETTINGS_MODULE="elus2.settings.production")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
