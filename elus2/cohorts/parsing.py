"""Reading a list of people to invite: pasted lines or a CSV file as Excel writes it (UTF-8 with
or without BOM, else Windows-1252; `;`, tab or `,`), an optional header in any order, French
mandates typed any way people type them. Pure: no database; services.py writes what it returns.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext as _

from elus2.users.models import Mandate

MAX_SOURCE_BYTES = 1024 * 1024  # a pasted list or a CSV file; thousands of rows fit easily
MAX_ROWS = 2000  # one import; the invitations are sent by the worker, not the request
NAME_MAX_LENGTH = 150  # AbstractUser's first_name / last_name

EMAIL_HEADERS = {"email", "e-mail", "mail", "courriel", "adresse e-mail", "adresse email"}
HEADER_ALIASES = {
    "email": EMAIL_HEADERS,
    "first_name": {"prenom", "first_name", "firstname", "first name"},
    "last_name": {"nom", "last_name", "lastname", "last name", "nom de famille"},
    "mandate": {"mandat", "mandate", "fonction"},
}
POSITIONAL = ["email", "first_name", "last_name", "mandate"]


class InvitationSourceRefused(Exception):
    """The whole input is unusable (empty, binary, too big): nothing to read line by line."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class InvitationRow:
    line: int
    email: str
    first_name: str = ""
    last_name: str = ""
    mandate: str = ""


@dataclass(frozen=True)
class InvitationError:
    line: int
    text: str  # the line as typed, to show beside the message
    message: str


def _simplify(text: str) -> str:
    """Lower case, no accents, no inclusive-writing endings: « Conseiller·ère municipal·e »,
    « conseiller municipal » and « conseiller_municipal » all read the same."""
    text = re.sub(r"[·.]\w+", "", text.strip().lower())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.replace("_", " ").replace("-", " ").replace("’", "'")
    return " ".join(text.split())


def _gendered_forms(label: str) -> set[str]:
    """« Conseiller·ère municipal·e » → the masculine and feminine spellings people type:
    « Conseiller municipal », « Conseillère municipale »."""
    masculine, feminine = [], []
    for word in label.split():
        stem, _dot, suffix = word.partition("·")
        masculine.append(stem)
        if not suffix:
            feminine.append(stem)
        elif suffix == "ère" and stem.endswith("er"):
            feminine.append(stem[:-2] + "ère")
        elif suffix == "rice" and stem.endswith("teur"):
            feminine.append(stem[:-3] + "rice")
        else:
            feminine.append(stem + suffix)
    return {" ".join(masculine), " ".join(feminine)}


def _mandate_lookup() -> dict[str, str]:
    """Typed mandate (simplified) → Mandate value: the value itself, or its label in French or
    in the current language, with or without inclusive writing, masculine or feminine."""
    lookup: dict[str, str] = {}
    for value, label in Mandate.choices:
        lookup[_simplify(value)] = value
        with translation.override("fr"):
            labels = {str(label), str(Mandate(value).label)}
        labels.add(str(label))
        for text in labels:
            lookup[_simplify(text)] = value
            for form in _gendered_forms(text):
                lookup[_simplify(form)] = value
    return lookup


def invitation_source_read(upload) -> str:
    """The text of an uploaded CSV: refuses empty, too big and binary files; reads UTF-8 (with or
    without the BOM Excel adds) and falls back to Windows-1252, what Excel writes by default."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_SOURCE_BYTES:
        raise InvitationSourceRefused(
            _("Le fichier est trop volumineux (1 Mo au maximum). Découpez-le en plusieurs envois.")
        )
    data = upload.read(MAX_SOURCE_BYTES + 1)
    if len(data) > MAX_SOURCE_BYTES:
        raise InvitationSourceRefused(
            _("Le fichier est trop volumineux (1 Mo au maximum). Découpez-le en plusieurs envois.")
        )
    if not data.strip():
        raise InvitationSourceRefused(_("Le fichier est vide."))
    if b"\x00" in data:
        raise InvitationSourceRefused(
            _(
                "Ce fichier n'est pas un fichier texte. Enregistrez le tableau au format CSV "
                "(« CSV UTF-8 » dans Excel) puis envoyez-le à nouveau."
            )
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    """The separator of the first non-empty line: `;` (French Excel), tab, or `,`."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: first.count(delimiter) for delimiter in (";", "\t", ",")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    """Column positions when this row is a header: one cell names the email column and none
    holds an address. The columns may then come in any order."""
    simplified = [_simplify(cell) for cell in cells]
    email_names = {_simplify(name) for name in EMAIL_HEADERS}
    if any("@" in cell for cell in cells) or not email_names & set(simplified):
        return None
    columns: dict[str, int] = {}
    for index, name in enumerate(simplified):
        for key, aliases in HEADER_ALIASES.items():
            if name in {_simplify(alias) for alias in aliases} and key not in columns:
                columns[key] = index
    return columns


def invitation_rows_parse(source) -> tuple[list[InvitationRow], list[InvitationError]]:
    """Read pasted lines or a CSV (text, or an uploaded file) into rows to invite and errors.

    One person per line: `email, prénom, nom, mandat` (only the email is required), separated
    by commas, semicolons or tabs; an optional header row (email, prenom, nom, mandat) may put the
    columns in any order. Bad lines (malformed address, address already seen, unknown mandate)
    are reported with their line number and the good ones are kept. Raises
    InvitationSourceRefused when there is nothing usable at all."""
    text = source if isinstance(source, str) else invitation_source_read(source)
    if len(text.encode()) > MAX_SOURCE_BYTES:
        raise InvitationSourceRefused(
            _("La liste est trop longue (1 Mo au maximum). Découpez-la en plusieurs envois.")
        )
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InvitationSourceRefused(_("La liste est vide : saisissez au moins une adresse."))
    mandates = _mandate_lookup()
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text), skipinitialspace=True)
    columns = dict(zip(POSITIONAL, range(len(POSITIONAL)), strict=True))
    rows: list[InvitationRow] = []
    errors: list[InvitationError] = []
    seen: dict[str, int] = {}
    first_row = True
    raw_lines = text.splitlines()
    try:
        for cells in reader:
            line = reader.line_num
            cells = [cell.strip() for cell in cells]
            if not any(cells):
                continue
            if first_row:
                first_row = False
                header = _header_columns(cells)
                if header is not None:
                    columns = header
                    continue
            if len(rows) + len(errors) >= MAX_ROWS:
                errors.append(
                    InvitationError(
                        line,
                        "",
                        _("Au-delà de %(max)s lignes : envoyez la suite séparément.")
                        % {"max": MAX_ROWS},
                    )
                )
                break
            raw = raw_lines[line - 1] if 0 < line <= len(raw_lines) else ""
            row, error = _row_read(line, raw, cells, columns, mandates, seen)
            if error:
                errors.append(error)
            else:
                rows.append(row)
    except csv.Error:
        errors.append(
            InvitationError(
                reader.line_num + 1,
                "",
                _("Ligne illisible (guillemet non fermé ?) : la lecture s'arrête ici."),
            )
        )
    return rows, errors


def _row_read(
    line: int,
    raw: str,
    cells: list[str],
    columns: dict[str, int],
    mandates: dict[str, str],
    seen: dict,
) -> tuple[InvitationRow | None, InvitationError | None]:
    def cell(key: str) -> str:
        index = columns.get(key)
        return cells[index] if index is not None and index < len(cells) else ""

    typed = (raw or ", ".join(cells))[:500]
    email = cell("email").strip("<>").lower()
    if not email:
        return None, InvitationError(line, typed, _("Adresse e-mail manquante."))
    try:
        validate_email(email)
    except ValidationError:
        return None, InvitationError(
            line, typed, _("« %(email)s » n'est pas une adresse e-mail valide.") % {"email": email}
        )
    if email in seen:
        return None, InvitationError(
            line,
            typed,
            _("Adresse en double : déjà présente ligne %(line)s.") % {"line": seen[email]},
        )
    mandate_typed = cell("mandate")
    mandate = mandates.get(_simplify(mandate_typed), "") if mandate_typed else ""
    if mandate_typed and not mandate:
        return None, InvitationError(
            line,
            typed,
            _("Mandat inconnu : « %(mandate)s ». Mandats possibles : %(choices)s.")
            % {
                "mandate": mandate_typed,
                "choices": ", ".join(str(label) for label in Mandate.labels),
            },
        )
    first_name, last_name = cell("first_name"), cell("last_name")
    if len(first_name) > NAME_MAX_LENGTH or len(last_name) > NAME_MAX_LENGTH:
        return None, InvitationError(
            line, typed, _("Prénom ou nom trop long (%(max)s caractères au plus).") % {"max": 150}
        )
    seen[email] = line
    return InvitationRow(line, email, first_name, last_name, mandate), None
