from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """Every e-mail the platform sends: outbox rows, claims, retries, the window, unsubscribe."""

    name = "elus2.outbox"
    label = "outbox"
    verbose_name = _("Envois d'e-mails")
