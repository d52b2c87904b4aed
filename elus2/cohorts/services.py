"""Writes of the cohorts app: invitations, report links, cohort settings.

Called by the cohorts pages under /suivi/ (staff), by seed_demo, and by `reporting` (which resolves
report links through selectors.py). An invitation finds or creates the account, makes it a member
and enrols it through learning/services.py; it never writes learning's tables itself.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from elus2.learning.services import enrolment_create
from elus2.users.models import Mandate
from elus2.users.roles import Role
from elus2.users.services import INVITATION_LINK_LIFETIME, sign_in_link_create

from .models import Cohort, Membership, ReportShare
from .selectors import report_share_token

logger = logging.getLogger(__name__)

MAX_SOURCE_BYTES = 1024 * 1024  # a pasted list or a CSV file; thousands of rows fit easily
MAX_ROWS = 2000  # one import sends one email per new member, synchronously
REPORT_SHARE_MAX_DAYS = 365
NAME_MAX_LENGTH = 150  # AbstractUser's first_name / last_name

EMAIL_HEADERS = {"email", "e-mail", "mail", "courriel", "adresse e-mail", "adresse email"}
HEADER_ALIASES = {
    "email": EMAIL_HEADERS,
    "first_name": {"prenom", "first_name", "firstname", "first name"},
    "last_name": {"nom", "last_name", "lastname", "last name", "nom de famille"},
    "mandate": {"mandat", "mandate", "fonction"},
}
POSITIONAL = ["email", "first_name", "last_name", "mandate"]


# --- Parsing --------------------------------------------------------------------------------------


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
                "(« CSV UTF-8 » dans Excel) puis envoyez-le à nouveau."
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
        raise InvitationSourceRefused(_("La liste est vide : saisissez au moins une adresse."))
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
                        _("Au-delà de %(max)s lignes : envoyez la suite séparément.")
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
                _("Ligne illisible (guillemet non fermé ?) : la lecture s'arrête ici."),
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
            line, typed, _("« %(email)s » n'est pas une adresse e-mail valide.") % {"email": email}
        )
    if email in seen:
        return None, InvitationError(
            line,
            typed,
            _("Adresse en double : déjà présente ligne %(line)s.") % {"line": seen[email]},
        )
    mandate_typed = cell("mandate")
    mandate = mandates.get(_simplify(mandate_typed), "") if mandate_typed else ""
    if mandate_typed and not mandate:
        return None, InvitationError(
            line,
            typed,
            _("Mandat inconnu : « %(mandate)s ». Mandats possibles : %(choices)s.")
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


# --- Inviting -------------------------------------------------------------------------------------


@dataclass
class InvitationReport:
    """What an import did; the result page lists each group."""

    added: list[InvitationRow] = field(default_factory=list)
    already_members: list[InvitationRow] = field(default_factory=list)
    accounts_created: int = 0
    emails_queued: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added)


def _course_path(course) -> str:
    """The course's path on this site (get_url may be absolute when several sites exist)."""
    return urlsplit(course.get_url() or "/").path or "/"


def _user_find_or_create(row: InvitationRow):
    """The account for this address (any case), filling only what is empty; or a new one with
    no usable password: the emailed link signs them in."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=row.email).first()
    created = False
    if user is None:
        try:
            with transaction.atomic():
                user = User.objects.create_user(
                    email=row.email,
                    first_name=row.first_name,
                    last_name=row.last_name,
                    mandate=row.mandate,
                )
                created = True
        except IntegrityError:  # a concurrent import created it first
            user = User.objects.get(email__iexact=row.email)
    if not created:
        updates = {
            name: value
            for name, value in (
                ("first_name", row.first_name),
                ("last_name", row.last_name),
                ("mandate", row.mandate),
            )
            if value and not getattr(user, name)
        }
        if updates:
            for name, value in updates.items():
                setattr(user, name, value)
            user.save(update_fields=list(updates))
    if not EmailAddress.objects.filter(user=user, email__iexact=user.email).exists():
        try:
            with transaction.atomic():
                EmailAddress.objects.create(
                    user=user,
                    email=user.email,
                    verified=True,
                    primary=not EmailAddress.objects.filter(user=user, primary=True).exists(),
                )
        except IntegrityError:
            pass  # created meanwhile by a concurrent import
    return user, created


def _membership_create(*, cohort: Cohort, user, invited_by) -> bool:
    """True when this call made them a member (the unique constraint settles races)."""
    if Membership.objects.filter(cohort=cohort, user=user).exists():
        return False
    try:
        with transaction.atomic():
            Membership.objects.create(cohort=cohort, user=user, invited_by=invited_by)
    except IntegrityError:
        return False
    return True


def _invitation_message(*, user, cohort: Cohort, course, link: str) -> mail.EmailMultiAlternatives:
    with translation.override(user.language or "fr"):
        context = {"user": user, "cohort": cohort, "course": course, "link": link}
        subject = render_to_string("cohorts/email/invitation_subject.txt", context)
        message = mail.EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=render_to_string("cohorts/email/invitation.txt", context),
            to=[user.email],
        )
        message.attach_alternative(
            render_to_string("cohorts/email/invitation.html", context), "text/html"
        )
    return message


def _send_after_commit(messages: list[mail.EmailMultiAlternatives]) -> None:
    """Sent once the import is committed: a rolled-back import emails nobody. A mail server
    failure is logged, not shown to staff as an error page: the members are in, and a login code
    or a new invitation reaches them later."""
    if not messages:
        return

    def send() -> None:
        try:
            with mail.get_connection() as connection:
                connection.send_messages(messages)
        except Exception:
            logger.exception("cohort invitations: %s messages not sent", len(messages))

    transaction.on_commit(send)


@transaction.atomic
def cohort_members_invite(
    *, cohort: Cohort, rows: list[InvitationRow], invited_by, notify: bool = True
) -> InvitationReport:
    """Make each row's person a member of the cohort, enrolled in each of its courses, and email
    new members a sign-in link to the (first) course. Idempotent: someone already a member is
    neither changed nor emailed again (their enrolments are still ensured, so a course added to
    the cohort since reaches them). `notify=False` (seed_demo) adds people without link or mail."""
    report = InvitationReport()
    courses = list(cohort.courses.order_by("path"))
    learners, _created = Group.objects.get_or_create(name=Role.LEARNER)
    outgoing: list[mail.EmailMultiAlternatives] = []
    for row in rows:
        user, created = _user_find_or_create(row)
        report.accounts_created += int(created)
        user.groups.add(learners)
        added = _membership_create(cohort=cohort, user=user, invited_by=invited_by)
        for course in courses:
            enrolment_create(user=user, course=course, invited=True)
        if not added:
            report.already_members.append(row)
            continue
        report.added.append(row)
        if not notify:
            continue
        first_course = courses[0] if courses else None
        link = sign_in_link_create(
            user=user,
            next_url=_course_path(first_course) if first_course else "/parcours/",
            lifetime=INVITATION_LINK_LIFETIME,
        )
        outgoing.append(
            _invitation_message(user=user, cohort=cohort, course=first_course, link=link)
        )
    report.emails_queued = len(outgoing)
    _send_after_commit(outgoing)
    return report


# --- Report links and settings --------------------------------------------------------------------


@transaction.atomic
def report_share_create(*, cohort: Cohort, created_by, days: int) -> str:
    """A new link to the cohort's client report, valid `days` days; returns its signed token
    (the public view at /rapport/<token>/ resolves it with selectors.report_share_resolve)."""
    if not 1 <= int(days) <= REPORT_SHARE_MAX_DAYS:
        raise ValueError(f"days must be between 1 and {REPORT_SHARE_MAX_DAYS}")
    share = ReportShare.objects.create(
        cohort=cohort,
        created_by=created_by,
        # Whole seconds: the token carries the expiry second and must match the stored value.
        expires_at=(timezone.now() + timedelta(days=int(days))).replace(microsecond=0),
    )
    return report_share_token(share)


@transaction.atomic
def report_share_revoke(*, share: ReportShare, by) -> bool:
    """Revoke now (idempotent): True when this call revoked it."""
    now = timezone.now()
    revoked = ReportShare.objects.filter(pk=share.pk, revoked_at__isnull=True).update(
        revoked_at=now, revoked_by=by
    )
    if revoked:
        share.revoked_at, share.revoked_by = now, by
    return bool(revoked)
