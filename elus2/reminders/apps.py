from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    """Reminder emails: rules, outbox, Celery tasks."""

    name = "elus2.reminders"
    label = "reminders"
    verbose_name = _("Relances")

    def ready(self):
        from . import privacy

        privacy.declare_all()
