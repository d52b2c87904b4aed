"""Tasks make a real round trip through the broker: a worker process, a message, a result."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from elus2.celery import app
from tests.services import redis_url

ROOT = Path(__file__).resolve().parents[2]

CLIENT = textwrap.dedent(
    """
    import django, sys
    django.setup()
    from elus2.celery import ping
    print(ping.delay(sys.argv[1]).get(timeout=60))
    """
)


def round_trip(tmp_path: Path, redis: str = "") -> str:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elus2.settings.dev",
        "ELUS2_VAR_DIR": str(tmp_path),
        "REDIS_URL": redis,
        "DATABASE_URL": "",
    }
    worker = subprocess.Popen(
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
            "warning",
            "--without-mingle",
            "--without-gossip",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        result = subprocess.run(
            [sys.executable, "-c", CLIENT, "aller-retour"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=90,
        )
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_round_trip_through_the_embedded_broker(tmp_path):
    assert round_trip(tmp_path) == "aller-retour"
    assert (tmp_path / "celery" / "queue").is_dir()


@pytest.mark.redis
def test_round_trip_through_redis(tmp_path):
    url = redis_url()
    assert round_trip(tmp_path, redis=url.rsplit("/", 1)[0] + "/15") == "aller-retour"


def test_reliability_defaults():
    conf = app.conf
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert conf.task_time_limit and conf.task_soft_time_limit
    assert conf.task_soft_time_limit < conf.task_time_limit
    assert conf.broker_connection_timeout <= 2
    assert conf.task_publish_retry_policy["max_retries"] <= 1


def test_every_project_task_has_a_time_limit():
    app.loader.import_default_modules()
    ours = [task for name, task in app.tasks.items() if name.startswith("elus2.")]
    assert ours, "the project registers tasks"
    for task in ours:
        assert task.time_limit or app.conf.task_time_limit, task.name
        assert task.soft_time_limit or app.conf.task_soft_time_limit, task.name
