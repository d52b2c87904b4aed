"""The language a browser reads in, kept in Django's language cookie (LocaleMiddleware reads it)."""

from django.conf import settings
from django.utils import translation


def language_remember(response, code: str) -> None:
    """Answers in `code` from now on: this response, and the browser's next requests."""
    translation.activate(code)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
