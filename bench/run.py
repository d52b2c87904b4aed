"""make bench: our pages against the bare Django view, same gunicorn, same load tool, one run.

Starts gunicorn (2 workers) with the production settings (PostgreSQL and Redis when DATABASE_URL and
REDIS_URL are set, SQLite in var/bench/ otherwise), loads each page with wrk on 127.0.0.1, and writes
var/bench.json: pages -> rps, p50_ms, p95_ms, ratio_to_bare, queries; scenarios -> non-request
measurements added by later issues. Ratios, not absolute numbers, are what compare across machines.

The quiz submission cannot be replayed (an attempt is graded once), so `quiz_submit` and
`quiz_submit_50` prepare one open attempt per new official through quiz_attempt_start, post each
once from Python threads (BENCH_CONNECTIONS of them, then 50 at once), and check in the database
that every attempt was graded exactly once (`graded_once`).
"""

from __future__ import annotations

import datetime
import http.client
import json
import os
import queue
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import dashboard  # bench/dashboard.py: the staff dashboard at 5,000 learners (issue 6)
import invitations  # bench/invitations.py: staff import 2,000 officials (issue 15)
import reminders  # bench/reminders.py: the reminder sweep over 100,000 enrolments (issue 7)
from sessions import SESSION_HELPERS  # bench/sessions.py

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
        "ELUS2_TRUSTED_PROXY_COUNT": "0",  # wrk talks to gunicorn directly
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


SESSION_SNIPPET = (
    SESSION_HELPERS
    + """
from django.contrib.auth import get_user_model
user = get_user_model().objects.get(email="elu@example.org")
print("SESSION", session_for(user))
from courses.models import CoursePage, LessonPage
# The starter course only: bench databases also hold the dashboard's and the reminders' courses.
demo_lessons = LessonPage.objects.descendant_of(CoursePage.objects.get(slug="elus-2-0"))
print("DONE_LESSON", demo_lessons.filter(completion_rule="marked_done").order_by("path").last().pk)
from elus2.quizzes.services import AttemptsExhausted, quiz_attempt_start
for lesson in demo_lessons.live().filter(completion_rule="quiz_passed").order_by("-path"):
    if not len(lesson.quiz):
        continue
    try:  # the quiz page then shows this open attempt (not a redirect to a result)
        quiz_attempt_start(user=user, lesson=lesson)
    except AttemptsExhausted:
        continue
    print("QUIZ_LESSON", lesson.pk)
    break
"""
)

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
    return {
        "session": found["SESSION"].strip(),
        "done_lesson": found["DONE_LESSON"].strip(),
        "quiz_lesson": found["QUIZ_LESSON"].strip(),
    }


def start_gunicorn(env: dict[str, str], port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "elus2.wsgi",
            "--config",
            str(ROOT / "gunicorn.conf.py"),  # the production configuration, measured
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
        Target("quiz_page", f"/quiz/lecons/{demo['quiz_lesson']}/", env=signed_in),
    ]


# --- Quiz submissions: an attempt is graded once, so each request posts a different attempt ------

QUIZ_SUBMISSIONS = int(os.environ.get("BENCH_QUIZ_SUBMISSIONS", "300"))
QUIZ_BURST = 50
# One burst of 50 is 50 latencies: its p95 is two requests. The bursts are repeated (new officials
# each time) and the p95 is taken over all of them, so one noisy moment does not make the figure.
QUIZ_BURST_ROUNDS = int(os.environ.get("BENCH_QUIZ_BURST_ROUNDS", "5"))
QUIZ_REPLAYS = 10
QUIZ_EMAIL_PREFIX = "bench-quiz-"

# Env: BENCH_QUIZ_PREFIX (email prefix), BENCH_QUIZ_COUNT, BENCH_QUIZ_LESSON. Prints one line per
# attempt: ATTEMPT <id> <session key> <urlencoded form with the right answers>.
QUIZ_PREPARE_SNIPPET = (
    SESSION_HELPERS
    + """
import os
from urllib.parse import urlencode
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from courses.models import CoursePage, LessonPage
from elus2.learning.services import enrolment_create
from elus2.quizzes import grading
from elus2.quizzes.services import quiz_attempt_start

User = get_user_model()
prefix = os.environ["BENCH_QUIZ_PREFIX"]
lesson = LessonPage.objects.get(pk=int(os.environ["BENCH_QUIZ_LESSON"]))
course = CoursePage.objects.ancestor_of(lesson).get()
group = Group.objects.filter(name="Élu").first()


def right_answers(questions):
    data = [("action", "submit")]
    for question in questions:
        qid = question["id"]
        if question["type"] == grading.ORDERING:
            data += [
                (f"q-{qid}-{item['id']}", str(rank))
                for rank, item in enumerate(question["items"], start=1)
            ]
        else:
            data += [(f"q-{qid}", o["id"]) for o in grading.options_of(question) if o["correct"]]
    return urlencode(data)


# Officials a previous scenario (or a broken run) left behind go first.
User.objects.filter(email__startswith="bench-quiz-").delete()


@transaction.atomic  # one commit for all (SQLite syncs each one to disk)
def prepare(count):
    for number in range(count):
        user = User(email=f"{prefix}{number}@example.org", first_name="Élu",
                    last_name=f"Banc {number}", mandate="conseiller_municipal")
        user.set_unusable_password()
        user.save()
        if group:
            user.groups.add(group)
        enrolment_create(user=user, course=course, invited=True)
        attempt = quiz_attempt_start(user=user, lesson=lesson)
        print("ATTEMPT", attempt.pk, session_for(user), right_answers(attempt.questions))


prepare(int(os.environ["BENCH_QUIZ_COUNT"]))
"""
)

# Env: BENCH_QUIZ_IDS (comma-separated attempt ids). Prints CHECK <json>.
QUIZ_CHECK_SNIPPET = """
import json, os
from django.db.models import Count, Q
from elus2.learning.models import LessonProgress
from elus2.quizzes.models import QuizAttempt

ids = [int(pk) for pk in os.environ["BENCH_QUIZ_IDS"].split(",")]
rows = list(QuizAttempt.objects.filter(pk__in=ids).values(
    "pk", "user_id", "lesson_id", "status", "submitted_at", "score", "passed"))
users = {row["user_id"] for row in rows}
lessons = {row["lesson_id"] for row in rows}
per_user = list(
    QuizAttempt.objects.filter(user_id__in=users, lesson_id__in=lessons)
    .values("user_id")
    .annotate(
        total=Count("pk"),
        submitted=Count("pk", filter=Q(status="submitted")),
        open=Count("pk", filter=Q(status="open")),
    )
)
completed = LessonProgress.objects.filter(
    enrolment__user_id__in=users, lesson_id__in=lessons, completed_at__isnull=False
).count()
print("CHECK", json.dumps({
    "attempts": {
        str(row["pk"]): [row["status"], row["submitted_at"] and row["submitted_at"].isoformat(),
                         row["score"], row["passed"]]
        for row in rows
    },
    "users_once": sum(1 for row in per_user
                      if row["total"] == 1 and row["submitted"] == 1 and row["open"] == 0),
    "users": len(users),
    "completed": completed,
}))
"""

# Env: BENCH_QUIZ_SESSIONS (comma-separated keys, may be empty). Removes the bench's officials
# (their attempts, enrolments and progress go with them) and their sessions.
QUIZ_CLEANUP_SNIPPET = (
    SESSION_HELPERS
    + f"""
import os
from django.contrib.auth import get_user_model
for key in filter(None, os.environ.get("BENCH_QUIZ_SESSIONS", "").split(",")):
    session_end(key)
get_user_model().objects.filter(email__startswith="{QUIZ_EMAIL_PREFIX}").delete()
"""
)


@dataclass
class Submission:
    attempt: int
    session: str
    body: str

    @property
    def path(self) -> str:
        return f"/quiz/tentatives/{self.attempt}/envoyer/"


def shell(env: dict[str, str], snippet: str, **extra: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", snippet],
        cwd=ROOT,
        env={**env, **extra},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def quiz_prepare(env: dict[str, str], lesson: str, count: int, label: str) -> list[Submission]:
    """`count` new officials, each signed in, enrolled and with an open attempt started through
    quiz_attempt_start, written while gunicorn runs."""
    prefix = f"{QUIZ_EMAIL_PREFIX}{label}-{secrets.token_hex(3)}-"
    output = shell(
        env,
        QUIZ_PREPARE_SNIPPET,
        BENCH_QUIZ_PREFIX=prefix,
        BENCH_QUIZ_COUNT=str(count),
        BENCH_QUIZ_LESSON=lesson,
    )
    submissions = []
    for line in output.splitlines():
        if line.startswith("ATTEMPT "):
            _tag, attempt, session, body = line.split(" ", 3)
            submissions.append(Submission(int(attempt), session, body))
    if len(submissions) != count:
        raise SystemExit(f"quiz_prepare: {len(submissions)} attempts instead of {count}")
    return submissions


def quiz_check(env: dict[str, str], submissions: list[Submission]) -> dict:
    output = shell(
        env,
        QUIZ_CHECK_SNIPPET,
        BENCH_QUIZ_IDS=",".join(str(sub.attempt) for sub in submissions),
    )
    line = next(line for line in output.splitlines() if line.startswith("CHECK "))
    return json.loads(line[len("CHECK ") :])


def quiz_cleanup(env: dict[str, str], sessions: list[str]) -> None:
    shell(env, QUIZ_CLEANUP_SNIPPET, BENCH_QUIZ_SESSIONS=",".join(sessions))


def submission_target(submission: Submission, csrf: str) -> Target:
    return Target(
        "quiz_submit",
        submission.path,
        method="POST",
        body=submission.body,
        env={
            "BENCH_COOKIE": f"sessionid={submission.session}; csrftoken={csrf}",
            "BENCH_CSRF": csrf,
        },
    )


def submit_once(port: int, submission: Submission, csrf: str) -> tuple[float, bool]:
    """POST one attempt's answers on a new connection; ok when redirected to its review page."""
    headers = {
        "Cookie": f"sessionid={submission.session}; csrftoken={csrf}",
        "X-CSRFToken": csrf,
        "Content-Type": "application/x-www-form-urlencoded",
    }
    started = time.perf_counter()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("POST", submission.path, body=submission.body, headers=headers)
        response = connection.getresponse()
        response.read()
        connection.close()
    except OSError:
        return time.perf_counter() - started, False
    elapsed = time.perf_counter() - started
    review = f"/quiz/tentatives/{submission.attempt}/"
    return elapsed, response.status == 302 and response.getheader("Location", "").endswith(review)


def percentile(sorted_values: list[float], percent: float) -> float:
    if not sorted_values:
        return 0.0
    rank = max(1, -(-len(sorted_values) * percent // 100))  # nearest rank
    return sorted_values[int(rank) - 1]


@dataclass
class Fired:
    latencies: list[float]
    errors: int
    wall: float


def fire(port: int, submissions: list[Submission], connections: int, csrf: str) -> Fired:
    """Every submission once, `connections` at a time (each thread one connection, one request
    after the other); all threads start together."""
    pending = queue.SimpleQueue()
    for submission in submissions:
        pending.put(submission)
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    started: list[float] = []
    barrier = threading.Barrier(connections, action=lambda: started.append(time.perf_counter()))

    def worker() -> None:
        nonlocal errors
        barrier.wait()
        while True:
            try:
                submission = pending.get_nowait()
            except queue.Empty:
                return
            elapsed, ok = submit_once(port, submission, csrf)
            with lock:
                latencies.append(elapsed)
                errors += not ok

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Fired(latencies, errors, time.perf_counter() - started[0])


def fired_summary(rounds: list[Fired], connections: int) -> dict:
    latencies = sorted(latency for fired in rounds for latency in fired.latencies)
    return {
        "rps": round(len(latencies) / sum(fired.wall for fired in rounds), 1),
        "p50_ms": round(percentile(latencies, 50) * 1000, 2),
        "p95_ms": round(percentile(latencies, 95) * 1000, 2),
        "max_ms": round(latencies[-1] * 1000, 2),
        "errors": sum(fired.errors for fired in rounds),
        "submissions": len(latencies),
        "connections": connections,
        "rounds": len(rounds),
        "p95_ms_per_round": [
            round(percentile(sorted(fired.latencies), 95) * 1000, 2) for fired in rounds
        ],
    }


def quiz_submit_scenario(
    env: dict[str, str],
    port: int,
    lesson: str,
    count: int,
    connections: int,
    label: str,
    rounds: int = 1,
) -> tuple[dict, list[str]]:
    """Prepare rounds × count + 1 open attempts; one measures the queries of a submission, the
    others are fired `count` per round with `connections` concurrent connections; then the first
    few are replayed, and the database must show every attempt submitted exactly once. Returns
    the result and the sessions made (for clean-up)."""
    csrf = secrets.token_hex(16)
    submissions = quiz_prepare(env, lesson, rounds * count + 1, label)
    sessions = [submission.session for submission in submissions]
    probe, loaded = submissions[0], submissions[1:]
    queries = queries_of(f"http://127.0.0.1:{port}{probe.path}", submission_target(probe, csrf))
    result = fired_summary(
        [
            fire(port, loaded[start : start + count], connections, csrf)
            for start in range(0, len(loaded), count)
        ],
        connections,
    )
    replay_started = datetime.datetime.now(datetime.UTC)
    replayed = [submit_once(port, submission, csrf)[1] for submission in loaded[:QUIZ_REPLAYS]]
    check = quiz_check(env, submissions)
    graded = check["attempts"].values()
    result["queries"] = queries
    # Every attempt submitted, scored, by its own official, once, and the lesson completed once
    # each; the replayed POSTs answered with the review and graded nothing again.
    result["graded_once"] = (
        len(graded) == len(submissions)
        and all(
            status == "submitted"
            and score is not None
            and at
            and datetime.datetime.fromisoformat(at) < replay_started
            for status, at, score, _passed in graded
        )
        and check["users_once"] == check["users"] == len(submissions)
        and check["completed"] == len(submissions)
        and all(replayed)
    )
    return result, sessions


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk (make bench does it as root)")
    env = server_env()
    if not os.environ.get("DATABASE_URL"):
        (VAR / "bench").mkdir(parents=True, exist_ok=True)
    prepare(env)
    demo = demo_session(env)
    board = dashboard.prepare(env)
    # Dead rows vacuumed and planner statistics fresh after the bulk seeding, as autovacuum keeps a
    # live database (and so that it does not run during the measurements).
    manage(
        env,
        "shell",
        "-c",
        "from django.db import connection; connection.cursor().execute('VACUUM ANALYZE')",
    )
    port = free_port()
    server = start_gunicorn(env, port)
    pages: dict[str, dict] = {}
    sessions: list[str] = []
    invitation_import: dict = {}
    try:
        for target in targets(demo) + dashboard.targets(board, Target):
            url = f"http://127.0.0.1:{port}{target.path}"
            result = load(url, target)
            result["queries"] = queries_of(url, target)
            pages[target.name] = result
        for name, count, connections, rounds in (
            ("quiz_submit", QUIZ_SUBMISSIONS, int(CONNECTIONS), 1),
            ("quiz_submit_50", QUIZ_BURST, QUIZ_BURST, QUIZ_BURST_ROUNDS),
        ):
            pages[name], made = quiz_submit_scenario(
                env, port, demo["quiz_lesson"], count, connections, name, rounds
            )
            sessions += made
        invitation_import = invitations.import_bench(env, port)
    finally:
        server.terminate()
        server.wait(timeout=30)
        if sessions:
            quiz_cleanup(env, sessions)
    csv_stream = dashboard.csv_memory(env, board)
    reminder_sweep = reminders.sweep_bench(env)
    bare = pages["bare"]["rps"] or 1
    for result in pages.values():
        result["ratio_to_bare"] = round(result["rps"] / bare, 3)
    report = {
        "meta": {
            "database": "postgresql"
            if os.environ.get("DATABASE_URL", "").startswith("postgres")
            else "sqlite",
            "broker": "redis" if os.environ.get("REDIS_URL") else "filesystem",
            "gunicorn_workers": int(os.environ.get("GUNICORN_WORKERS", os.cpu_count() or 1)),
            "connections": int(CONNECTIONS),
            "duration": DURATION,
            "cpus": os.cpu_count(),
        },
        "pages": pages,
        "scenarios": {
            "csv_stream_50000": csv_stream,
            "reminders_sweep": reminder_sweep,
            "invitations_import_2000": invitation_import,
        },
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
    for name, result in pages.items():
        if "graded_once" in result:
            print(
                f"{name}: {result['submissions']} submissions in {result['rounds']} round(s) over "
                f"{result['connections']} connections, max {result['max_ms']} ms, p95 per round "
                f"{result['p95_ms_per_round']} ms, graded once: {result['graded_once']}"
            )
    print("\n".join(dashboard.summary_lines(pages, csv_stream, board)))
    print(reminders.summary_line(reminder_sweep))
    print(invitations.summary_line(invitation_import))
    print(
        f"\nwritten: {VAR / 'bench.json'} ({report['meta']['database']}, {report['meta']['broker']})"
    )


if __name__ == "__main__":
    main()
