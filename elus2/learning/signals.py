"""Keep enrolment figures true when course content changes under them."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from courses.models import CoursePage, LessonPage, ModulePage
from courses.outline import course_path_of

from .services import enrolment_figures_refresh


def _refresh_course_of(page) -> None:
    page = page.specific
    if not isinstance(page, LessonPage | ModulePage):
        return
    course = CoursePage.objects.filter(path=course_path_of(page)).first()
    if course is not None:
        enrolment_figures_refresh(course=course)


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
            course = CoursePage.objects.filter(path=course_path_of(before)).first()
            if course is not None:
                enrolment_figures_refresh(course=course)
