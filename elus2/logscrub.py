"""Logs never carry an email address, a login code or a token (issue 8).

Every log record is cleaned when it is created (install() wraps logging's record factory, so
every handler, Celery's and pytest's included, sees the clean text): email addresses become
"[email]", login codes "[code]", long opaque strings (signed tokens, session keys, the secret part
of sign-in, report and unsubscribe links) "[jeton]". People appear in logs only as ids ("u42").
"""

from __future__ import annotations

import logging
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Signed values (django.core.signing: "payload:timestamp:signature"), hex or base64 secrets of 20+
# characters, and the path segment after a sign-in, report or unsubscribe link.
TOKEN = re.compile(
    r"(?:(?<=/connexion/)|(?<=/rapport/)|(?<=/desinscription/))[^/\s?\"']+"
    r"|\b[\w-]{6,}:[\w-]{4,}:[\w-]{10,}\b"
    r"|\b(?=\w*\d)(?=\w*[A-Za-z])\w{20,}\b"
)
# allauth login codes look like "K7PQ-2XMA", standing alone: inside a longer dash-joined token (a
# Celery task id "7595c525-447d-4062-9035-226bf6dab9be") the same shape is not a code.
CODE = re.compile(r"(?<![\w-])[A-Z0-9]{4}-[A-Z0-9]{4}(?![\w-])")


def scrub(text: str) -> str:
    text = EMAIL.sub("[email]", text)
    text = TOKEN.sub("[jeton]", text)
    return CODE.sub("[code]", text)


def _scrub_record(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except (TypeError, ValueError):
        return
    cleaned = scrub(message)
    if cleaned != message:
        record.msg, record.args = cleaned, None
    if record.exc_info and not record.exc_text:
        # Exception messages can quote input (an address in a ValidationError…).
        record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))


def install() -> None:
    """Called once at start-up (elus2/ops/apps.py); calling it again changes nothing."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "elus2_scrubs", False):
        return

    def factory(*args, **kwargs) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        _scrub_record(record)
        return record

    factory.elus2_scrubs = True
    logging.setLogRecordFactory(factory)
