"""Writes of the users app: sign-in links (single-use, expiring, stored as a hash).

Called by `cohorts` for invitations and by `reminders` for their "continue" links; the view at
/connexion/<token>/ claims them; a daily task (users.sign_in_links_purge) deletes them a while
after they are used or expired. This app sits at the bottom of the layers and imports no other
elus2 app.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from .models import ReminderCategory, SignInLink, User

INVITATION_LINK_LIFETIME = timedelta(days=14)
# A used or expired link is kept this long, so that following it still says « déjà utilisé » or
# « expiré » (and leads to the login page and on to its lesson) rather than « inconnu ».
SIGN_IN_LINK_KEPT_AFTER_END = timedelta(days=30)


class SignInLinkInvalid(Exception):
    """The link cannot sign anyone in. `next_url` is where it pointed, when known, so the login
    page can still send the person there afterwards."""

    def __init__(self, next_url: str = ""):
        super().__init__(next_url)
        self.next_url = next_url


class SignInLinkUnknown(SignInLinkInvalid):
    """No such link (mistyped, truncated by a mail client, or made up)."""


class SignInLinkUsed(SignInLinkInvalid):
    """Already used once: links are single-use."""


class SignInLinkExpired(SignInLinkInvalid):
    """Past its expiry date."""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def next_url_is_safe(next_url: str) -> bool:
    """Only a path on this site: no scheme, no host, no protocol-relative `//elsewhere`."""
    return (
        bool(next_url)
        and next_url.startswith("/")
        and url_has_allowed_host_and_scheme(next_url, allowed_hosts=set())
    )


@transaction.atomic
def sign_in_link_create(*, user: User, next_url: str, lifetime: timedelta) -> str:
    """A new link for `user` landing on `next_url` (a local path); returns the full URL.

    The token (256 random bits) appears only in the returned URL; the row keeps its SHA-256,
    which is enough to find it again and useless to anyone reading the database."""
    if not next_url_is_safe(next_url):
        raise ValueError(f"next_url must be a local path, got {next_url!r}")
    if lifetime <= timedelta(0):
        raise ValueError("lifetime must be positive")
    token = secrets.token_urlsafe(32)
    SignInLink.objects.create(
        user=user,
        token_hash=token_hash(token),
        next_url=next_url,
        expires_at=timezone.now() + lifetime,
    )
    return settings.SITE_URL + reverse("users:sign_in_link", args=[token])


def sign_in_link_check(*, token: str) -> SignInLink:
    """The link behind `token` if it would sign in now; raises SignInLinkInvalid otherwise.
    Reads only: the confirmation page (GET) uses it, the POST claims with sign_in_link_claim."""
    link = (
        SignInLink.objects.select_related("user").filter(token_hash=token_hash(token)).first()
        if 0 < len(token) <= 100
        else None
    )
    if link is None:
        raise SignInLinkUnknown
    next_url = link.next_url if next_url_is_safe(link.next_url) else ""
    if link.used_at is not None:
        raise SignInLinkUsed(next_url)
    if link.expires_at <= timezone.now():
        raise SignInLinkExpired(next_url)
    return link


@transaction.atomic
def sign_in_link_claim(*, token: str) -> SignInLink:
    """Use the link once: the conditional update lets exactly one of two racing requests win.
    Whoever holds the link has read the mailbox, so the address is marked verified."""
    link = sign_in_link_check(token=token)
    now = timezone.now()
    claimed = SignInLink.objects.filter(
        pk=link.pk, used_at__isnull=True, expires_at__gt=now
    ).update(used_at=now)
    if not claimed:
        raise SignInLinkUsed(link.next_url if next_url_is_safe(link.next_url) else "")
    link.used_at = now
    user = link.user
    address = EmailAddress.objects.filter(user=user, email__iexact=user.email).first()
    if address is None:
        EmailAddress.objects.create(
            user=user,
            email=user.email,
            verified=True,
            primary=not EmailAddress.objects.filter(user=user, primary=True).exists(),
        )
    elif not address.verified:
        EmailAddress.objects.filter(pk=address.pk).update(verified=True)
    return link


def sign_in_links_purge(*, now=None) -> int:
    """Delete the links used or expired more than SIGN_IN_LINK_KEPT_AFTER_END ago; returns how
    many. Idempotent: a second run the same day deletes nothing."""
    cutoff = (now or timezone.now()) - SIGN_IN_LINK_KEPT_AFTER_END
    deleted, _by_model = SignInLink.objects.filter(
        Q(expires_at__lt=cutoff) | Q(used_at__lt=cutoff)
    ).delete()
    return deleted


def reminder_category_turn_off(*, user_id: int, category: str) -> bool:
    """The person no longer wants this category of reminders (one-click unsubscribe; the profile
    form edits the same fields). Returns False when it was already off."""
    field = ReminderCategory(category).field_name
    return bool(User.objects.filter(pk=user_id, **{field: True}).update(**{field: False}))
