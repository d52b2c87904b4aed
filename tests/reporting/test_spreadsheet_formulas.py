"""No export the site serves writes a live spreadsheet formula: a payload planted in every text an
editor, a trainer or an official can type is opened in every CSV and XLSX export, Wagtail's own
reports and listings included (walked from the URL map, so a new export is covered)."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from tests.factories.cohorts import OrganisationFactory
from tests.factories.courses import course_build, document_create, image_create
from tests.factories.reporting import cohort_create, member_add
from tests.urlwalk import routes

pytestmark = pytest.mark.django_db

PAYLOAD = '=HYPERLINK("http://evil.example","Module")'
FORMULA_STARTS = ("=", "+", "-", "@")


def _cells(response) -> list[str]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].startswith("text/csv"):
        text = body.decode("utf-8-sig")
        delimiter = ";" if text.count(";") > text.count(",") else ","  # ours use « ; »
        return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]
    workbook = load_workbook(io.BytesIO(body))
    return [
        str(cell.value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None and cell.data_type != "n"
    ]


def _plant():
    course = course_build(title=PAYLOAD, modules=1, lessons_per_module=1)
    for page in course.get_descendants(inclusive=True).specific():
        page.title = PAYLOAD
        page.save_revision().publish()
    organisation = OrganisationFactory(name=PAYLOAD)
    cohort = cohort_create(organisation=organisation, name=PAYLOAD, courses=[course])
    member_add(cohort, first_name=PAYLOAD, last_name=PAYLOAD, email="elu@example.org")
    image_create(PAYLOAD)
    document_create(PAYLOAD)
    return cohort


def test_no_export_writes_a_live_formula(client):
    cohort = _plant()
    root = get_user_model().objects.create_superuser(
        email="root@example.org", password="x", first_name=PAYLOAD, last_name=PAYLOAD
    )
    client.force_login(root)
    exports, live = [], []
    for route in routes({"id": str(cohort.pk)}):
        if not route.path:
            continue
        candidates = [route.path] if "export" in route.route + route.name else []
        if route.path.startswith("/admin/"):
            candidates += [f"{route.path}?export=csv", f"{route.path}?export=xlsx"]
        for url in candidates:
            response = client.get(url)
            kind = response.get("Content-Type", "")
            if response.status_code != 200 or not kind.startswith(("text/csv", "application/vnd")):
                continue
            cells = _cells(response)
            exports.append((url, sum(PAYLOAD in cell for cell in cells)))
            live += [(url, c) for c in cells if c.startswith(FORMULA_STARTS)]
    assert live == []
    found = {url for url, planted in exports if planted}
    # Wagtail's reports (the two) and our cohort exports carried the payload.
    assert {
        "/admin/reports/site-history/?export=csv",
        "/admin/reports/aging-pages/?export=csv",
    } <= found
    assert f"/suivi/promotions/{cohort.pk}/export/apprenants.csv" in found
    assert f"/suivi/promotions/{cohort.pk}/export/apprenants.xlsx" in found
