from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    """Quiz attempts and grading."""

    name = "elus2.quizzes"
    label = "quizzes"
    verbose_name = _("Quiz")

    def ready(self):
        from . import privacy

        privacy.declare_all()
