"""Issue 7 in `make bench`: the reminder sweep over 100,000 enrolments.

bench/run.py calls `sweep_bench(env)` once the pages are measured: it seeds 100,000 officials, each
a member of a 1,000-strong bench cohort and enrolled in a small course at a spread of states
(`bench_reminders_seed`, bulk inserts), then runs the sweep in a fresh Python process and reports
its seconds, peak resident memory (ru_maxrss, beside the process before the sweep), SQL queries,
batches, and the reminders it queued; then the "send pending" pass that publishes them (to a no-op
publisher: the broker is not what is measured), with its own seconds and queries.

Goal from the issue: under 30 s and under 200 MB on PostgreSQL.

Run alone (after `manage.py migrate` on that database): `.venv/bin/python bench/reminders.py`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ENROLMENTS = int(os.environ.get("BENCH_REMINDER_ENROLMENTS", "100000"))
SECONDS_GOAL = 30
PEAK_GOAL_MB = 200

SWEEP_SNIPPET = """
import json, resource, time
from django.db import connection
from django.test.utils import CaptureQueriesContext
from elus2.reminders.management.commands.bench_reminders_seed import BENCH_EMAIL_DOMAIN
from elus2.reminders.models import Reminder, ReminderStatus
from elus2.reminders.services import reminders_enqueue_due, reminders_sweep

def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

bench_rows = Reminder.objects.filter(user__email__endswith="@" + BENCH_EMAIL_DOMAIN)
Reminder.objects.filter(pk__in=bench_rows.values("pk")).delete()
baseline = rss_mb()
with CaptureQueriesContext(connection) as sweep_queries:
    started = time.perf_counter()
    result = reminders_sweep()
    seconds = time.perf_counter() - started
peak = rss_mb()
queued = bench_rows.filter(status=ReminderStatus.PENDING).count()
published = []
with CaptureQueriesContext(connection) as publish_queries:
    started = time.perf_counter()
    reminders_enqueue_due(publish=published.append)
    publish_seconds = time.perf_counter() - started
print("SWEEP", json.dumps({
    "seconds": round(seconds, 2),
    "baseline_rss_mb": round(baseline, 1),
    "peak_rss_mb": round(peak, 1),
    "queries": len(sweep_queries),
    "batches": result.batches,
    "memberships": result.memberships,
    "reminders_queued": queued,
    "held_back": result.held_back,
    "publish_seconds": round(publish_seconds, 2),
    "publish_queries": len(publish_queries),
    "published": len(published),
}))
"""


def _manage(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout


def sweep_bench(env: dict[str, str]) -> dict:
    """Seed the enrolments, sweep them in a fresh process (window open, so the publish pass has
    something to do), then remove them."""
    env = {
        **env,
        "ELUS2_REMINDER_WINDOW": "00:00-24:00",
        "ELUS2_REMINDER_DAYS": "mon,tue,wed,thu,fri,sat,sun",
    }
    seeded = _manage(env, "bench_reminders_seed", "--enrolments", str(ENROLMENTS)).split()
    seed = dict(zip(seeded[::2], seeded[1::2], strict=False))
    try:
        output = _manage(env, "shell", "-c", SWEEP_SNIPPET)
    finally:  # the database goes back to what the pages of the next run are measured on
        _manage(env, "bench_reminders_seed", "--remove")
    line = next(line for line in output.splitlines() if line.startswith("SWEEP "))
    result = json.loads(line[len("SWEEP ") :])
    result.update(
        enrolments=int(seed["ENROLMENTS"]),
        seed_seconds=float(seed["SECONDS"]),
        goal_seconds=SECONDS_GOAL,
        goal_peak_rss_mb=PEAK_GOAL_MB,
        within_goal=result["seconds"] < SECONDS_GOAL and result["peak_rss_mb"] < PEAK_GOAL_MB,
    )
    return result


def summary_line(result: dict) -> str:
    return (
        f"reminders_sweep_{result['enrolments']}: {result['seconds']} s, peak RSS "
        f"{result['peak_rss_mb']} MB (before {result['baseline_rss_mb']} MB), "
        f"{result['queries']} queries in {result['batches']} batches, "
        f"{result['reminders_queued']} reminders queued ({result['held_back']} held back); "
        f"publish pass {result['publish_seconds']} s, {result['publish_queries']} queries "
        f"(goal < {SECONDS_GOAL} s and < {PEAK_GOAL_MB} MB: {result['within_goal']})"
    )


if __name__ == "__main__":
    from standalone import standalone_env  # bench/standalone.py

    bench_env = standalone_env()
    measured = sweep_bench(bench_env)
    print(json.dumps(measured, indent=2))
    print(summary_line(measured))
