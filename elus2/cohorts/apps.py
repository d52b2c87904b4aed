from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CohortsConfig(AppConfig):
    """Client organisations, cohorts, staff assignment and invitations."""

    name = "elus2.cohorts"
    label = "cohorts"
    verbose_name = _("Promotions")

    def ready(self):
        from . import privacy

        privacy.declare_all()
