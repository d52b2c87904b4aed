"""The production Procfile works as written: its release step prepares an empty database, and its
web process (gunicorn with gunicorn.conf.py and the production settings) answers /healthz/ and a
ready /readyz/; worker and beat are declared, and `make run` keeps its own Procfile.dev."""

import json
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _processes(name: str) -> dict[str, str]:
    lines = (ROOT / name).read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_two_procfiles():
    production = _processes("Procfile")
    assert set(production) == {"release", "web", "worker", "beat"}
    assert production["web"].startswith("gunicorn ") and "gunicorn.conf.py" in production["web"]
    assert "runserver" not in " ".join(production.values())
    assert "runserver" in _processes("Procfile.dev")["web"]
    assert "-f Procfile.dev start" in (ROOT / "Makefile").read_text()


def test_release_then_web_serve_a_ready_site(tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elus2.settings.production",
        "DJANGO_SECRET_KEY": "p" * 60,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "ELUS2_TRUSTED_PROXY_COUNT": "1",
        "ELUS2_VAR_DIR": str(tmp_path),
        # Its own SQLite database and embedded broker: never the test run's services.
        "DATABASE_URL": "",
        "REDIS_URL": "",
        "PORT": str(port),
        "GUNICORN_WORKERS": "1",
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    processes = _processes("Procfile")
    subprocess.run(processes["release"], shell=True, cwd=ROOT, env=env, check=True, timeout=240)  # noqa: S602 - the Procfile's own line
    web = subprocess.Popen(
        shlex.split(processes["web"]),
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline, health = time.monotonic() + 60, None
        while time.monotonic() < deadline and health is None:
            try:
                health = urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/", timeout=2)
            except OSError:
                time.sleep(0.5)
        assert health is not None and health.read() == b"ok"
        ready = urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz/", timeout=10)
        assert ready.status == 200
        assert set(json.loads(ready.read()).values()) == {"ok"}
    finally:
        os.killpg(web.pid, signal.SIGTERM)
        web.wait(timeout=30)
