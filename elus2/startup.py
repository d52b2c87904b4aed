"""Start-up guard: a wrong DATABASE_URL or REDIS_URL ends in one clear line, not a traceback."""

from __future__ import annotations

import sys

CONFIG_HINT = "vérifiez DATABASE_URL, REDIS_URL et .env.example"


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text[:300] or error.__class__.__name__


def run_with_clear_errors(argv: list[str]) -> None:
    from django.core.exceptions import ImproperlyConfigured

    try:
        from django.core.management import execute_from_command_line

        execute_from_command_line(argv)
    except ImproperlyConfigured as error:
        sys.exit(f"elus2: configuration invalide : {_one_line(error)}")
    except Exception as error:
        from django.db import DatabaseError, InterfaceError

        if isinstance(error, DatabaseError | InterfaceError):
            if "connect" in str(error).lower():
                sys.exit(
                    f"elus2: base de données injoignable ({_one_line(error)}) : {CONFIG_HINT}."
                )
            sys.exit(
                f"elus2: erreur de base de données ({_one_line(error)}) : lancez « python manage.py migrate »."
            )
        raise
