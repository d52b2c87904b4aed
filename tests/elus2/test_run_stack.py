"""What `make run` starts (Procfile.dev via honcho): the site answers, the worker and beat come up,
and Ctrl-C stops all three."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_procfile_serves_the_site_with_worker_and_beat(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elus2.settings.dev",
        "ELUS2_VAR_DIR": str(tmp_path),
        "ELUS2_PORT": str(port),
        "DATABASE_URL": "",
        "REDIS_URL": "",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=180
    )
    log = tmp_path / "honcho.log"
    with log.open("w") as output:
        stack = subprocess.Popen(
            [str(BIN / "honcho"), "-f", "Procfile.dev", "start"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        status, deadline = None, time.monotonic() + 120
        while time.monotonic() < deadline and status != 200:
            try:
                status = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).status
            except OSError:
                time.sleep(1)
        assert status == 200, log.read_text()[-2000:]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            text = log.read_text()
            if " ready." in text and "beat: Starting" in text:
                break
            time.sleep(1)
        text = log.read_text()
        assert " ready." in text, text[-2000:]
        assert "beat: Starting" in text, text[-2000:]
        # The address banner comes once the site and the worker answer, below Celery's banners,
        # and names the port actually served.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and "Ctrl-C arrête" not in log.read_text():
            time.sleep(1)
        text = log.read_text()
        assert f"élus 2.0 : http://127.0.0.1:{port}/" in text, text[-2000:]
        assert text.index(" ready.") < text.index("élus 2.0 : http"), text[-3000:]
    finally:
        os.killpg(stack.pid, signal.SIGINT)
        stack.wait(timeout=30)
    time.sleep(1)
    leftovers = subprocess.run(
        ["pgrep", "-f", f"127.0.0.1:{port}"], capture_output=True, text=True
    ).stdout
    assert leftovers.strip() == ""
