"""Issue 15 in `make bench`: staff import 2,000 officials into a cohort on the page.

bench/run.py calls `import_bench(env, port)` while gunicorn runs: a new bench cohort (the starter
course) and its chargé·e de suivi, signed in, are made in a `manage.py shell`; the 2,000-row list
is POSTed to the invite page (CSRF cookie and header, as a browser sends them) and timed; then the
same list again (the re-import: nothing new, nothing sent). Each answer is checked: 200 and the
« 2000 personnes ajoutées » / « 2000 déjà membres » counts; and in the database: 2,000 members,
2,000 invitations waiting in the outbox, none sent by the request (no worker runs in the bench:
the mail is the worker's job). Everything made is removed afterwards.

Goal from the issue: the import answers in under 2 s.

Run alone against a running server: `.venv/bin/python bench/invitations.py <port>`.
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

from sessions import SESSION_HELPERS  # bench/sessions.py

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ROWS = int(os.environ.get("BENCH_INVITATION_ROWS", "2000"))
SECONDS_GOAL = 2.0
EMAIL_DOMAIN = "bench-invitations.example.org"
COHORT_NAME = "Banc d'essai — import"

PREPARE_SNIPPET = (
    SESSION_HELPERS
    + f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from courses.models import CoursePage
from elus2.cohorts.models import Cohort, Organisation
User = get_user_model()
organisation, _ = Organisation.objects.get_or_create(name="Banc d'essai")
Cohort.objects.filter(organisation=organisation, name={COHORT_NAME!r}).delete()
User.objects.filter(email__endswith="@{EMAIL_DOMAIN}").delete()
import datetime
cohort = Cohort.objects.create(
    organisation=organisation, name={COHORT_NAME!r}, starts_on=datetime.date.today()
)
cohort.courses.add(CoursePage.objects.get(slug="elus-2-0"))
staff = User.objects.create_user(email="suivi@{EMAIL_DOMAIN}", first_name="Banc")
staff.groups.add(Group.objects.get(name="Chargé·e de suivi"))
cohort.staff.add(staff)
print("COHORT", cohort.pk)
print("SESSION", session_for(staff))
"""
)

CHECK_SNIPPET = """
import json, os
from elus2.cohorts.models import Invitation, Membership
cohort = int(os.environ["BENCH_COHORT"])
statuses = {}
for status in Invitation.objects.filter(cohort_id=cohort).values_list("status", flat=True):
    statuses[status] = statuses.get(status, 0) + 1
print("CHECK", json.dumps({
    "members": Membership.objects.filter(cohort_id=cohort).count(),
    "invitations": statuses,
}))
"""

CLEANUP_SNIPPET = (
    SESSION_HELPERS
    + f"""
import os
from django.contrib.auth import get_user_model
from elus2.cohorts.models import Cohort
session_end(os.environ["BENCH_SESSION"])
Cohort.objects.filter(pk=int(os.environ["BENCH_COHORT"])).delete()
get_user_model().objects.filter(email__endswith="@{EMAIL_DOMAIN}").delete()
"""
)


def _shell(env: dict[str, str], snippet: str, **extra: str) -> dict[str, str]:
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", snippet],
        cwd=ROOT,
        env={**env, **extra},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(line.split(" ", 1) for line in output.splitlines() if " " in line)


def _post(port: int, path: str, session: str, text: str) -> tuple[float, int, str]:
    csrf = secrets.token_hex(16)
    body = urllib.parse.urlencode({"text": text, "csrfmiddlewaretoken": csrf})
    headers = {
        "Cookie": f"sessionid={session}; csrftoken={csrf}",
        "X-CSRFToken": csrf,
        "Content-Type": "application/x-www-form-urlencoded",
        "Referer": f"http://127.0.0.1:{port}{path}",
    }
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("POST", path, body=body, headers=headers)
    response = connection.getresponse()
    page = response.read().decode()
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed, response.status, page


def import_bench(env: dict[str, str], port: int) -> dict:
    made = _shell(env, PREPARE_SNIPPET)
    cohort, session = made["COHORT"].strip(), made["SESSION"].strip()
    path = f"/suivi/promotions/{cohort}/inviter/"
    text = "\n".join(
        f"elu{n}@{EMAIL_DOMAIN}, Prénom{n}, Nom{n}, conseiller municipal" for n in range(ROWS)
    )
    try:
        first, first_status, first_page = _post(port, path, session, text)
        check = json.loads(_shell(env, CHECK_SNIPPET, BENCH_COHORT=cohort)["CHECK"])
        again, again_status, again_page = _post(port, path, session, text)
        check_again = json.loads(_shell(env, CHECK_SNIPPET, BENCH_COHORT=cohort)["CHECK"])
    finally:
        _shell(env, CLEANUP_SNIPPET, BENCH_COHORT=cohort, BENCH_SESSION=session)
    checked = (
        first_status == again_status == 200
        and f"{ROWS} personnes ajoutées" in first_page
        and f"{ROWS} déjà membres" in again_page
        and check == check_again == {"members": ROWS, "invitations": {"pending": ROWS}}
    )
    return {
        "rows": ROWS,
        "seconds": round(first, 3),
        "reimport_seconds": round(again, 3),
        "checked": checked,
        "statuses": [first_status, again_status],
        "rows_after": [check, check_again],
        "goal_seconds": SECONDS_GOAL,
        "within_goal": checked and first < SECONDS_GOAL,
    }


def summary_line(result: dict) -> str:
    return (
        f"invitations_import_{result['rows']}: {result['seconds']} s (same list again "
        f"{result['reimport_seconds']} s), answers and rows checked: {result['checked']} "
        f"(goal < {SECONDS_GOAL} s: {result['within_goal']})"
    )


if __name__ == "__main__":
    from standalone import standalone_env  # bench/standalone.py

    bench_env = standalone_env()
    measured = import_bench(bench_env, int(sys.argv[1]))
    print(json.dumps(measured, indent=2))
    print(summary_line(measured))
