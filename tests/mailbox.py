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
