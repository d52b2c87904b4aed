from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Operations: demo data, service checks, log hygiene and the `<id:…>` URL converter (wiring
    level, may import every app)."""

    name = "elus2.ops"
    label = "ops"
    verbose_name = _("Exploitation")

    def ready(self) -> None:
        from elus2 import converters, logscrub

        logscrub.install()
        converters.install()
