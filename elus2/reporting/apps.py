from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """Read-only dashboards and exports."""

    name = "elus2.reporting"
    label = "reporting"
    verbose_name = _("Suivi")

    def ready(self):
        from .exports import wagtail_exports_neutralise

        wagtail_exports_neutralise()
