"""élus 2.0: the training platform around the Wagtail courses (see shared map in README)."""

from .celery import app as celery_app

__all__ = ["celery_app"]
