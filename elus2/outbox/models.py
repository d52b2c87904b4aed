"""The outbox row: what every e-mail the platform sends goes through (STYLE rule 7).

An app that sends mail keeps one table of its own rows, each inheriting `OutboxRow`, with the
unique constraint that makes its message happen once (a reminder per learner, rule and period; an
invitation per cohort and person) and the facts staff read next to it (the reminder's measured
effect, the invitation's member). Why not one shared table: those facts would become untyped
columns with no foreign keys and no constraint, and the cohort page could not join its members to
their invitation. What is common lives here: the sending states, the claim and its lease, the
attempts and the failure *category* (never the SMTP server's text, which names the address).
services.py claims, finishes and retries any such row; window.py and tokens.py are the sending
window and the unsubscribe links.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("À envoyer")
    SENDING = "sending", _("En cours d'envoi")
    SENT = "sent", _("Envoyée")
    FAILED = "failed", _("Échec")
    CANCELLED = "cancelled", _("Annulée")


class FailureCategory(models.TextChoices):
    """Why a message did not go (yet), in words staff can act on. Stored instead of the SMTP
    answer: that text often quotes the address, and erasure must leave nothing personal."""

    TEMPORARY = "temporary", _("Refus temporaire du serveur de messagerie")
    UNREACHABLE = "unreachable", _("Serveur de messagerie injoignable")
    RECIPIENT_REFUSED = "recipient_refused", _("Adresse refusée par le serveur de messagerie")
    REJECTED = "rejected", _("Message refusé par le serveur de messagerie")
    INTERRUPTED = "interrupted", _("Envoi interrompu à chaque tentative")
    TOO_MANY_ATTEMPTS = "too_many_attempts", _("Trop de tentatives")
    UNEXPECTED = "unexpected", _("Erreur inattendue")


class OutboxRow(models.Model):
    """The sending state of one message. `send_after` is when it may go; a claim sets `status`
    to sending with a lease, and a claim whose lease ran out (a worker killed mid-send) is taken
    again. `failure` says why the last attempt did not send, as a category."""

    status = models.CharField(
        max_length=16, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    send_after = models.DateTimeField()
    enqueued_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    failure = models.CharField(max_length=24, choices=FailureCategory.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # Fields a row gives back whenever it leaves "sending" without being sent (reminders: the
    # week it held). Set by the concrete model.
    release_fields: ClassVar[dict] = {}

    class Meta:
        abstract = True
