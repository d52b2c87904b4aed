"""make bench: our pages against the bare Django view, same gunicorn, same load tool, one run.

Starts gunicorn (2 workers) with the production settings (PostgreSQL and Redis when DATABASE_URL and
REDIS_URL are set, SQLite in var/bench/ otherwise), loads each page with wrk on 127.0.0.1, and writes
var/bench.json: pages -> rps, p50_ms, p95_ms, ratio_to_bare, queries; scenarios -> non-request
measurements added by later issues. Ratios, not absolute numbers, are what compare across machines.
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
PYTHON = sys.executable
BIN = Path(PYTHON).parent
DURATION = os.environ.get("BENCH_DURATION", "8s")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "8")


@dataclass
class Target:
    """One thing to load: a page (GET) or a write scenario (POST)."""

    name: str
    path: str
    method: str = "GET"
    body: str = ""
    env: dict[str, str] = field(default_factory=dict)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env() -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elus2.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "ELUS2_QUERY_COUNT_HEADER": "true",
        "ELUS2_VAR_DIR": str(VAR / "bench"),
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(env: dict[str, str]) -> None:
    """Schema, static files and the demo content, in the bench's own database."""
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "collectstatic", "--no-input", "-v0")
    dev = {**env, "DJANGO_SETTINGS_MODULE": "elus2.settings.dev"}
    manage(dev, "seed_demo")


SESSION_SNIPPET = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
user = get_user_model().objects.get(email="elu@example.org")
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print("SESSION", session.session_key)
from courses.models import LessonPage
print("DONE_LESSON", LessonPage.objects.filter(completion_rule="marked_done").order_by("path").last().pk)
"""

LESSON_PATH = "/formations/elus-2-0/e-reputation-et-veille/ce-que-voient-les-habitants/"


def demo_session(env: dict[str, str]) -> dict[str, str]:
    """A signed-in session for the demo official, and a lesson for the "done" POST."""
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", SESSION_SNIPPET],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = dict(line.split(maxsplit=1) for line in output.splitlines() if " " in line)
    return {"session": found["SESSION"].strip(), "done_lesson": found["DONE_LESSON"].strip()}


def start_gunicorn(env: dict[str, str], port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "elus2.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--access-logfile",
            "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/", timeout=1)
            return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("gunicorn did not answer on /healthz/ within 30 s")


def queries_of(url: str, target: Target) -> int | None:
    """SQL queries of one request, from the X-Queries header (redirects are not followed)."""
    parts = urllib.parse.urlsplit(url)
    headers = {}
    if target.env.get("BENCH_COOKIE"):
        headers["Cookie"] = target.env["BENCH_COOKIE"]
    if target.env.get("BENCH_CSRF"):
        headers["X-CSRFToken"] = target.env["BENCH_CSRF"]
    if target.body:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request(target.method, parts.path, body=target.body or None, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status >= 400:
        raise SystemExit(f"{target.name}: HTTP {response.status}")
    header = response.getheader("X-Queries")
    return int(header) if header is not None else None


def load(url: str, target: Target) -> dict:
    env = {**os.environ, "BENCH_METHOD": target.method, "BENCH_BODY": target.body, **target.env}
    warm = ["wrk", "-t1", "-c2", "-d1s", "-s", str(ROOT / "bench" / "report.lua"), url]
    subprocess.run(warm, env=env, capture_output=True, check=True)
    command = [
        "wrk",
        "-t2",
        f"-c{CONNECTIONS}",
        f"-d{DURATION}",
        "-s",
        str(ROOT / "bench" / "report.lua"),
        url,
    ]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    raw = json.loads(line[len("BENCH ") :])
    seconds = raw["duration_us"] / 1e6
    return {
        "rps": round(raw["requests"] / seconds, 1),
        "p50_ms": round(raw["p50_us"] / 1000, 2),
        "p95_ms": round(raw["p95_us"] / 1000, 2),
        "errors": raw["errors"] + raw["status_errors"],
    }


def targets(demo: dict[str, str]) -> list[Target]:
    """The bare view first: every ratio is measured against it."""
    csrf = secrets.token_hex(16)
    signed_in = {"BENCH_COOKIE": f"sessionid={demo['session']}"}
    posting = {"BENCH_COOKIE": f"sessionid={demo['session']}; csrftoken={csrf}", "BENCH_CSRF": csrf}
    return [
        Target("bare", "/healthz/"),
        Target("home", "/"),
        Target("login", "/accounts/login/"),
        Target("catalogue", "/formations/"),
        Target("course_anonymous", "/formations/elus-2-0/"),
        Target("lesson_signed_in", LESSON_PATH, env=signed_in),
        Target("my_learning", "/parcours/", env=signed_in),
        Target(
            "lesson_done_post",
            f"/parcours/lecons/{demo['done_lesson']}/terminer/",
            method="POST",
            env=posting,
        ),
    ]


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk (make bench does it as root)")
    env = server_env()
    if not os.environ.get("DATABASE_URL"):
        (VAR / "bench").mkdir(parents=True, exist_ok=True)
    prepare(env)
    demo = demo_session(env)
    port = free_port()
    server = start_gunicorn(env, port)
    pages: dict[str, dict] = {}
    try:
        for target in targets(demo):
            url = f"http://127.0.0.1:{port}{target.path}"
            result = load(url, target)
            result["queries"] = queries_of(url, target)
            pages[target.name] = result
    finally:
        server.terminate()
        server.wait(timeout=30)
    bare = pages["bare"]["rps"] or 1
    for result in pages.values():
        result["ratio_to_bare"] = round(result["rps"] / bare, 3)
    report = {
        "meta": {
            "database": "postgresql"
            if os.environ.get("DATABASE_URL", "").startswith("postgres")
            else "sqlite",
            "broker": "redis" if os.environ.get("REDIS_URL") else "filesystem",
            "gunicorn_workers": 2,
            "connections": int(CONNECTIONS),
            "duration": DURATION,
            "cpus": os.cpu_count(),
        },
        "pages": pages,
        "scenarios": {},
    }
    VAR.mkdir(exist_ok=True)
    (VAR / "bench.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(
        f"\n{'page':<24}{'rps':>9}{'p50 ms':>9}{'p95 ms':>9}{'ratio':>8}{'queries':>9}{'errors':>8}"
    )
    for name, result in pages.items():
        print(
            f"{name:<24}{result['rps']:>9}{result['p50_ms']:>9}{result['p95_ms']:>9}"
            f"{result['ratio_to_bare']:>8}{result['queries'] if result['queries'] is not None else '-':>9}{result['errors']:>8}"
        )
    print(
        f"\nwritten: {VAR / 'bench.json'} ({report['meta']['database']}, {report['meta']['broker']})"
    )


if __name__ == "__main__":
    main()
