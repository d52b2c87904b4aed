from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    """Enrolments and lesson progress of officials."""

    name = "elus2.learning"
    label = "learning"
    verbose_name = _("Parcours")

    def ready(self):
        from . import signals  # noqa: F401 - keeps enrolment figures in step with content
        from .privacy import declare_all

        declare_all()
