from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
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
