"""One-click unsubscribe links (RFC 8058): a signed (person, category), nothing else.

The salt is the one the reminders app used before the outbox had its own app: links already in
people's mailboxes keep working.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

from elus2.users.models import ReminderCategory

UNSUBSCRIBE_SALT = "elus2.reminders.unsubscribe"


def unsubscribe_token(*, user_id: int, category: str) -> str:
    """Signed (user, category): enough to turn that one preference off, nothing else."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object(
        [user_id, ReminderCategory(category).value]
    )


def unsubscribe_token_read(token: str) -> tuple[int, str]:
    """(user id, category) of a token; raises signing.BadSignature when tampered or made up."""
    try:
        user_id, category = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
        return int(user_id), ReminderCategory(category).value
    except (ValueError, TypeError):
        raise signing.BadSignature from None


def unsubscribe_url(*, user_id: int, category: str) -> str:
    token = unsubscribe_token(user_id=user_id, category=category)
    return settings.SITE_URL + reverse("outbox:unsubscribe", args=[token])


def unsubscribe_headers(url: str) -> dict[str, str]:
    """The headers of a message that offers one-click unsubscribe."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }
