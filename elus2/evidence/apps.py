from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    """The append-only ledger of dated facts a funder or an auditor may ask for."""

    name = "elus2.evidence"
    label = "evidence"
    verbose_name = _("Preuves")
