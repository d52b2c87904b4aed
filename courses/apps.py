from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Wagtail content only: pages, blocks, snippets. Never reads learner tables."""

    name = "courses"
    verbose_name = _("Formations")

    def ready(self):
        from . import signals  # noqa: F401 - connects the cache invalidation receivers
