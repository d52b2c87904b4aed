"""Issue 6 in `make bench`: the staff dashboard of a 5,000-learner cohort, and the memory it takes
to stream a 50,000-row CSV of the learner table.

bench/run.py calls three things: `prepare` (after the demo is loaded) seeds the cohorts with the
`bench_cohort_seed` command and signs in its chargé·e de suivi; `targets` adds the dashboard to
the pages loaded with wrk (so it gets rps, p50, p95, queries and its ratio to the bare view like
every page); `csv_memory` (after gunicorn stops) streams the CSV export in a fresh Python process
and reads its peak resident memory (ru_maxrss), against the same process before the export.

Goals from the issue: dashboard p95 under 300 ms at 5,000 learners; CSV peak under 150 MB.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sessions import SESSION_HELPERS  # bench/sessions.py

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LEARNERS = 5000
CSV_ROWS = 50_000
DASHBOARD_P95_GOAL_MS = 300
CSV_PEAK_GOAL_MB = 150


@dataclass(frozen=True)
class DashboardSetup:
    cohort: int
    csv_cohort: int
    session: str
    seed_seconds: float
    progress_rows: int


def _manage(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _fields(output: str) -> dict[str, str]:
    """bench_cohort_seed prints `COHORT 12 COURSE 3 LEARNERS 5000 …` on its last line."""
    words = output.strip().splitlines()[-1].split()
    return dict(zip(words[::2], words[1::2], strict=False))


SESSION_SNIPPET = (
    SESSION_HELPERS
    + """
from django.contrib.auth import get_user_model
from elus2.reporting.management.commands.bench_cohort_seed import BENCH_STAFF_EMAIL
print("SESSION", session_for(get_user_model().objects.get(email=BENCH_STAFF_EMAIL)))
"""
)


def prepare(env: dict[str, str]) -> DashboardSetup:
    """A 5,000-learner cohort (40 lessons, a progress row per learner and lesson) and a
    50,000-learner one without progress rows (the CSV needs the table, not the progress)."""
    seeded = _fields(_manage(env, "bench_cohort_seed", "--learners", str(LEARNERS)))
    csv_seeded = _fields(
        _manage(
            env,
            "bench_cohort_seed",
            "--learners",
            str(CSV_ROWS),
            "--progress",
            "none",
            "--name",
            "Promotion de 50 000",
            "--keep",
        )
    )
    output = _manage(env, "shell", "-c", SESSION_SNIPPET)
    session = next(line.split()[1] for line in output.splitlines() if line.startswith("SESSION"))
    return DashboardSetup(
        cohort=int(seeded["COHORT"]),
        csv_cohort=int(csv_seeded["COHORT"]),
        session=session,
        seed_seconds=float(seeded["SECONDS"]),
        progress_rows=int(seeded["PROGRESS"]),
    )


def targets(setup: DashboardSetup, target_class) -> list:
    """The dashboard (first page of the learner table, all figures and charts) at 5,000."""
    signed_in = {"BENCH_COOKIE": f"sessionid={setup.session}"}
    return [
        target_class("dashboard_5000", f"/suivi/promotions/{setup.cohort}/", env=signed_in),
        target_class(
            "dashboard_5000_stalled",
            f"/suivi/promotions/{setup.cohort}/?stalled=1&stalled_days=10",
            env=signed_in,
        ),
    ]


# Run in a fresh process: streams the export view's response into nothing and prints its peak
# resident memory, with the process's memory once Django is loaded and a first page was served.
CSV_MEMORY_SNIPPET = """
import json, os, resource, time
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from elus2.reporting.management.commands.bench_cohort_seed import BENCH_STAFF_EMAIL
from elus2.reporting.views import learners_export

def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

cohort = int(os.environ["BENCH_CSV_COHORT"])
request = RequestFactory().get(f"/suivi/promotions/{cohort}/export/apprenants.csv")
request.user = get_user_model().objects.get(email=BENCH_STAFF_EMAIL)
baseline = rss_mb()
started = time.perf_counter()
response = learners_export(request, cohort_id=cohort, file_format="csv")
size = lines = 0
for chunk in response.streaming_content:
    size += len(chunk)
    lines += chunk.count(b"\\n")
seconds = time.perf_counter() - started
print("CSV", json.dumps({
    "rows": lines - 1,
    "bytes": size,
    "seconds": round(seconds, 2),
    "baseline_rss_mb": round(baseline, 1),
    "peak_rss_mb": round(rss_mb(), 1),
}))
"""


def csv_memory(env: dict[str, str], setup: DashboardSetup) -> dict:
    output = _manage(
        {**env, "BENCH_CSV_COHORT": str(setup.csv_cohort)}, "shell", "-c", CSV_MEMORY_SNIPPET
    )
    line = next(line for line in output.splitlines() if line.startswith("CSV "))
    result = json.loads(line[len("CSV ") :])
    result["goal_peak_rss_mb"] = CSV_PEAK_GOAL_MB
    result["within_goal"] = result["peak_rss_mb"] < CSV_PEAK_GOAL_MB
    return result


def summary_lines(pages: dict[str, dict], scenario: dict, setup: DashboardSetup) -> list[str]:
    board = pages.get("dashboard_5000", {})
    return [
        f"dashboard_5000: p95 {board.get('p95_ms')} ms (goal < {DASHBOARD_P95_GOAL_MS} ms), "
        f"{setup.progress_rows} progress rows seeded in {setup.seed_seconds:.0f} s",
        f"csv_stream_50000: {scenario['rows']} rows, {scenario['bytes'] // 1024} KiB in "
        f"{scenario['seconds']} s, peak RSS {scenario['peak_rss_mb']} MB "
        f"(process before the export {scenario['baseline_rss_mb']} MB; goal < {CSV_PEAK_GOAL_MB} MB)",
    ]
