"""CSV and XLSX files of the learner table and the module funnel, streamed.

Both formats are filled from the same records, made from the selectors' rows, the ones the
dashboard shows: a file never says something the screen does not. CSV is generated as it is sent
(a few hundred rows per chunk). An XLSX file is a zip that is only whole once written, so it is
built row by row into a temporary file by openpyxl's write-only mode (flat memory) and then sent
from that file in chunks.
"""

from __future__ import annotations

import csv
import datetime
import tempfile
from collections.abc import Iterable, Iterator, Sequence

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from .selectors import LearnerRow, ModuleStep

CSV_DELIMITER = ";"  # what spreadsheets set to French open without an import dialog
CSV_ROWS_PER_CHUNK = 500
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A cell starting with one of these is run as a formula by spreadsheets: names and emails come
# from officials, so such text is prefixed with a quote (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def learner_headers() -> list[str]:
    return [
        _("Nom"),
        _("Prénom"),
        _("Adresse e-mail"),
        _("Mandat"),
        _("Progression (%)"),
        _("Leçons terminées"),
        _("Leçons"),
        _("Temps actif (min)"),
        _("Dernière activité"),
        _("Statut"),
        _("À relancer"),
    ]


def local_minute(moment: datetime.datetime | None) -> datetime.datetime | None:
    """In Paris time, to the minute, without tzinfo (spreadsheets know no time zones)."""
    if moment is None:
        return None
    return timezone.localtime(moment).replace(second=0, microsecond=0, tzinfo=None)


def learner_record(row: LearnerRow) -> list:
    return [
        row.last_name,
        row.first_name,
        row.email,
        row.mandate_label,
        row.percent,
        row.lessons_completed,
        row.lessons_total,
        row.active_minutes,
        local_minute(row.last_activity_at),
        row.status_label,
        _("oui") if row.stalled else _("non"),
    ]


def module_headers() -> list[str]:
    return [
        _("Position"),
        _("Module"),
        _("Leçons"),
        _("Membres l'ayant terminé"),
        _("Part des membres (%)"),
    ]


def module_record(step: ModuleStep) -> list:
    return [step.position, step.title, step.lessons, step.completed, step.percent]


def safe_text(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def wagtail_exports_neutralise() -> None:
    """Wagtail's own spreadsheet exports (reports such as site history and aging pages, listing
    and form-submission exports) write page titles and other editors' text as they are: run
    every cell of theirs through safe_text too. Called once, from this app's ready()."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return safe_text(original(self, field, value, export_format))

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value


def _csv_cell(value) -> object:
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return "" if value is None else safe_text(value)


class _Echo:
    """csv.writer writes here and gets the line back, instead of into a buffer."""

    def write(self, text: str) -> str:
        return text


def csv_lines(headers: Sequence[str], records: Iterable[Sequence]) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=CSV_DELIMITER)
    # The byte order mark tells spreadsheets the file is UTF-8 (accents in names).
    yield "\ufeff" + writer.writerow(headers)
    chunk: list[str] = []
    for record in records:
        chunk.append(writer.writerow([_csv_cell(value) for value in record]))
        if len(chunk) >= CSV_ROWS_PER_CHUNK:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)


def csv_response(
    filename: str, headers: Sequence[str], records: Iterable[Sequence]
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        csv_lines(headers, records), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def xlsx_response(
    filename: str, sheet_title: str, headers: Sequence[str], records: Iterable[Sequence]
) -> FileResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for record in records:
        sheet.append([safe_text(value) for value in record])
    # Not a `with`: FileResponse closes the file once sent, and closing removes it.
    handle = tempfile.TemporaryFile()  # noqa: SIM115
    workbook.save(handle)
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=XLSX_TYPE)
