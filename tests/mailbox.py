"""Reading what the platform sent, in tests."""

import re

from django.core import mail

LOGIN_CODE = re.compile(r"\b([A-Z0-9]{4}-[A-Z0-9]{4})\b")


def login_code_from_outbox(email: str) -> str:
    """The most recent sign-in code sent to this address."""
    for message in reversed(mail.outbox):
        if email in message.to:
            found = LOGIN_CODE.search(message.body)
            if found:
                return found.group(1)
    raise AssertionError(f"no sign-in code was sent to {email}")


SIGN_IN_LINK = re.compile(r"https?://[^\s\"<>]+/connexion/[A-Za-z0-9_\-]+/")


def sign_in_links_to(email: str) -> list[str]:
    """Every sign-in link sent to this address, oldest first (text part)."""
    return [
        found.group(0)
        for message in mail.outbox
        if email in message.to
        for found in [SIGN_IN_LINK.search(message.body)]
        if found
    ]
