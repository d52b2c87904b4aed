"""The files say what the screen says: same rows, same order, same numbers."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from openpyxl import load_workbook

from elus2.reporting.selectors import cohort_learner_list, cohort_module_funnel
from tests.factories.learning import client_for
from tests.factories.reporting import member_add, progress_set

pytestmark = pytest.mark.django_db


def url(name: str, world) -> str:
    return reverse(f"reporting:{name}", kwargs={"cohort_id": world.cohort.pk})


def download(client, address: str, params=None) -> bytes:
    response = client.get(address, params or {})
    assert response.status_code == 200
    assert response.streaming, "exports are streamed"
    assert response["Content-Disposition"].startswith("attachment;")
    return b"".join(response.streaming_content)


def csv_rows(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def screen_rows(html: str) -> list[dict]:
    """The learner table as shown: one dict per row, from the cells' text."""
    table = BeautifulSoup(html, "html.parser").select_one("table.learner-table")
    rows = []
    for tr in table.select("tbody tr"):
        member, cells = tr.find("th"), tr.find_all("td")  # the address is under the name
        time = cells[4].find("time")
        status = cells[5]
        badge = status.find(class_="badge")
        rows.append(
            {
                "name": member.find("a").get_text(strip=True),
                "email": member.find(class_="email").get_text(strip=True),
                "mandate": cells[0].get_text(strip=True),
                "percent": cells[1].get_text(strip=True),
                "lessons": cells[2].get_text(strip=True),
                "active": cells[3].get_text(strip=True),
                "last_activity": datetime.datetime.fromisoformat(time["datetime"]).strftime(
                    "%Y-%m-%d %H:%M"
                )
                if time
                else "",
                "stalled": badge is not None,
                "status": status.get_text(" ", strip=True)
                .replace(badge.get_text(strip=True) if badge else "\0", "")
                .strip(),
            }
        )
    return rows


def as_screen(record: list[str]) -> dict:
    """A CSV row in the screen's shape."""
    last, first, email, mandate, percent, done, total, minutes, activity, status, stalled = record
    return {
        "name": f"{first} {last}",
        "email": email,
        "mandate": mandate or "—",
        "percent": f"{percent}\N{NO-BREAK SPACE}%",
        "lessons": f"{done} / {total}",
        "active": f"{minutes}\N{NO-BREAK SPACE}min",
        "last_activity": activity,
        "stalled": stalled == "oui",
        "status": status,
    }


@pytest.mark.parametrize("params", [{}, {"stalled": "1"}, {"stalled": "1", "stalled_days": "9"}])
def test_learner_csv_matches_the_screen(world, params):
    client = client_for(world.staff)
    page = client.get(url("cohort_dashboard", world), params).content.decode()
    shown = screen_rows(page)
    header, *records = csv_rows(download(client, url("learners_csv", world), params))
    assert header[:3] == ["Nom", "Prénom", "Adresse e-mail"]
    assert [as_screen(record) for record in records] == shown
    assert len(records) == {(): 6, ("stalled",): 3, ("stalled", "stalled_days"): 2}[tuple(params)]


def test_learner_csv_matches_the_selector_rows(world):
    client = client_for(world.staff)
    _header, *records = csv_rows(download(client, url("learners_csv", world)))
    rows = list(cohort_learner_list(cohort=world.cohort, course=world.built.course))
    assert [
        (r.last_name, r.email, r.percent, r.lessons_completed, r.active_minutes, r.stalled)
        for r in rows
    ] == [
        (rec[0], rec[2], int(rec[4]), int(rec[5]), int(rec[7]), rec[10] == "oui") for rec in records
    ]


def test_learner_xlsx_has_the_same_rows(world):
    client = client_for(world.staff)
    csv_records = csv_rows(download(client, url("learners_csv", world)))
    content = download(client, url("learners_xlsx", world))
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]

    def text(value) -> str:
        if value is None:
            return ""
        if isinstance(value, datetime.datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        return str(value)

    xlsx_records = [[text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    assert xlsx_records == csv_records


def test_module_exports_match_the_funnel_table(world):
    client = client_for(world.staff)
    page = client.get(url("cohort_dashboard", world)).content.decode()
    soup = BeautifulSoup(page, "html.parser")
    table = soup.find("caption", id="promotion-funnel-caption").find_parent("table")
    shown = [
        [cell.get_text(strip=True) for cell in tr.find_all(["th", "td"])]
        for tr in table.select("tbody tr")
    ]
    header, *records = csv_rows(download(client, url("modules_csv", world)))
    assert header[0] == "Position"
    assert [
        [f"M{position} · {title}", lessons, done, f"{percent} %"]
        for position, title, lessons, done, percent in records
    ] == shown
    steps = cohort_module_funnel(cohort=world.cohort, course=world.built.course)
    assert [
        [str(s.position), s.title, str(s.lessons), str(s.completed), str(s.percent)] for s in steps
    ] == records
    sheet = load_workbook(
        io.BytesIO(download(client, url("modules_xlsx", world))), read_only=True
    ).worksheets[0]
    assert [[str(v) for v in row] for row in sheet.iter_rows(values_only=True)] == [
        header,
        *records,
    ]


def test_exported_text_never_runs_as_a_formula(world):
    member = member_add(world.cohort, first_name='=HYPERLINK("x")', last_name="@Piège")
    progress_set(member, world.built.course, world.built.lessons)
    client = client_for(world.staff)
    _header, *records = csv_rows(download(client, url("learners_csv", world)))
    trapped = next(record for record in records if "Piège" in record[0])
    assert trapped[0] == "'@Piège" and trapped[1] == '\'=HYPERLINK("x")'
    sheet = load_workbook(
        io.BytesIO(download(client, url("learners_xlsx", world))), read_only=True
    ).worksheets[0]
    values = [row[:2] for row in sheet.iter_rows(values_only=True)]
    assert ("'@Piège", '\'=HYPERLINK("x")') in values


def test_exports_of_another_cohort_are_404(world):
    client = client_for(world.other_staff)
    for name in ("learners_csv", "learners_xlsx", "modules_csv", "modules_xlsx"):
        assert client.get(url(name, world)).status_code == 404
