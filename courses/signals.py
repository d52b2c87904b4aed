"""What visitors see changed: a new content generation (courses/cache.py), written in the
transaction of the change, so it becomes visible with it, at commit. Draft saves change nothing
a visitor sees and keep the generation."""

from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import content_generation_bump


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _content_changed(sender, **kwargs):
    content_generation_bump()


@receiver(post_delete)
def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        content_generation_bump()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def _restrictions_changed(sender, **kwargs):
    content_generation_bump()


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def _site_changed(sender, **kwargs):
    content_generation_bump()


@receiver(post_migrate)
def _new_release(sender, **kwargs):
    """Every deploy runs migrate (so does `make run`): a new generation, so no page or fragment
    rendered by the previous release's templates, with its static file names, is served after
    it. Once per run: post_migrate is sent for each app."""
    if sender.name == "courses":
        content_generation_bump()
