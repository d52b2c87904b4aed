from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Operations: demo data and service checks (wiring level, may import every app)."""

    name = "elus2.ops"
    label = "ops"
    verbose_name = _("Exploitation")
