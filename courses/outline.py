"""A course's outline as plain, cacheable data: modules and live lessons in order, with URLs.

Built in three queries, then cached per content generation (courses/cache.py), so pages that show
an outline with learner state on top of it (the `learning` app) add no content queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

from wagtail.models import Page

from .cache import _cached


@dataclass(frozen=True)
class OutlineLesson:
    id: int
    title: str
    url: str
    minutes: int
    completion_rule: str
    module_id: int


@dataclass(frozen=True)
class OutlineModule:
    id: int
    title: str
    lessons: tuple[OutlineLesson, ...]


@dataclass(frozen=True)
class Outline:
    course_id: int
    course_title: str
    course_url: str
    unlock_in_order: bool
    enrolment_open: bool
    modules: tuple[OutlineModule, ...]

    @property
    def lessons(self) -> list[OutlineLesson]:
        return [lesson for module in self.modules for lesson in module.lessons]

    def position(self, lesson_id: int) -> int | None:
        for index, lesson in enumerate(self.lessons):
            if lesson.id == lesson_id:
                return index
        return None


def ancestor_path(path: str, levels: int = 1) -> str:
    """The tree path of the page `levels` above the one at `path`: a lesson's module is one level
    up, its course two (the page types allow nothing else)."""
    return path[: -levels * Page.steplen] if levels else path


def course_path_of(page: Page) -> str:
    from .models import LessonPage, ModulePage

    if isinstance(page, LessonPage):
        return ancestor_path(page.path, 2)
    if isinstance(page, ModulePage):
        return ancestor_path(page.path, 1)
    return page.path


def outline_build(course) -> Outline:
    modules = course.outline()
    # Without a request, get_url() reads the site root paths from the cache for every page (a query
    # per lesson on the database cache). Pages sharing one holder read them once, so the outline
    # costs the same for 15 lessons or 150 (tests/courses/test_query_counts.py).
    shared = SimpleNamespace()

    def url(page: Page) -> str:
        parts = page.get_url_parts(request=shared)
        return (parts[2] or "") if parts else ""

    return Outline(
        course_id=course.pk,
        course_title=course.title,
        course_url=url(course),
        unlock_in_order=course.lessons_unlock_in_order,
        enrolment_open=course.enrolment_open,
        modules=tuple(
            OutlineModule(
                id=item.module.pk,
                title=item.module.title,
                lessons=tuple(
                    OutlineLesson(
                        id=lesson.pk,
                        title=lesson.title,
                        url=url(lesson),
                        minutes=lesson.estimated_minutes,
                        completion_rule=lesson.completion_rule,
                        module_id=item.module.pk,
                    )
                    for lesson in item.lessons
                ),
            )
            for item in modules
        ),
    )


def course_outline(*, course_path: str) -> Outline | None:
    """The outline of the course at this tree path, from the cache when it is current."""
    from .models import CoursePage

    def build():
        course = CoursePage.objects.filter(path=course_path).first()
        return outline_build(course) if course is not None else False

    return _cached(f"outline:{course_path}", build) or None
