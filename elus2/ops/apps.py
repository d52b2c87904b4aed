from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Operations: demo data, service checks and log hygiene (wiring level, may import every app)."""

    name = "elus2.ops"
    label = "ops"
    verbose_name = _("Exploitation")

    def ready(self) -> None:
        from elus2 import logscrub

        logscrub.install()
