from django.db.models.signals import post_delete, post_migrate, post_save
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
def _restrictions_changed(sender, **kwargs):
    content_generation_bump()


@receiver(post_save)
def _page_saved(sender, instance, **kwargs):
    """Any page save (drafts included) may change a URL or a cached page object."""
    if isinstance(instance, Page):
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
