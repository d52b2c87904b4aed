"""Keep enrolment figures true when course content changes under them: the refresh runs in the
worker once the publish (or move) has committed, never in the editor's request."""

from functools import partial

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from courses.models import CoursePage, LessonPage, ModulePage
from courses.outline import course_path_of

from .tasks import enrolment_figures_refresh_task


def _refresh_course_of(page) -> None:
    page = page.specific
    if not isinstance(page, LessonPage | ModulePage):
        return
    _refresh_later(CoursePage.objects.filter(path=course_path_of(page)).first())


def _refresh_later(course: CoursePage | None) -> None:
    """delay_on_commit(), robust: a broker that cannot be reached is logged after the publish
    committed, instead of turning the editor's successful publish into an error page."""
    if course is not None:
        transaction.on_commit(partial(enrolment_figures_refresh_task.delay, course.pk), robust=True)


@receiver(page_published)
@receiver(page_unpublished)
def _content_changed(sender, instance, **kwargs):
    _refresh_course_of(instance)


@receiver(post_page_move)
def _page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    _refresh_course_of(instance)
    if parent_page_before.pk != parent_page_after.pk:
        # The course it left changed too.
        before = parent_page_before.specific
        if isinstance(before, ModulePage | CoursePage):
            _refresh_later(CoursePage.objects.filter(path=course_path_of(before)).first())
