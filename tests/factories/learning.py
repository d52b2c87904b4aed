"""Learner tests: courses with chosen completion rules, signed-in clients, and an independent
recount of an enrolment's figures.

`course_build` in courses.py closes each module on a quiz and completes the rest on view; learner
tests need to choose each lesson's completion rule, so this builder takes them as a list.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F
from django.db.models.signals import post_save
from django.test import Client
from modelsearch.signal_handlers import post_save_signal_handler as search_on_save
from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from courses.cache import content_generation_bump
from courses.models import CompletionRule, CoursePage, LessonPage, ModulePage
from elus2.learning.models import Enrolment, EnrolmentStatus, LessonProgress

from .courses import (
    catalogue_get,
    course_create,
    lesson_body_items,
    lesson_create,
    module_create,
    quiz_items,
    stream,
)
from .users import UserFactory

_sequence = itertools.count(1)


@dataclass
class BuiltCourse:
    course: CoursePage
    modules: list[ModulePage]
    lessons: list[LessonPage]  # in outline order


def learning_course_build(
    *,
    modules: int = 2,
    lessons_per_module: int = 3,
    rules: Sequence[str] | None = None,
    minutes: Sequence[int] | None = None,
    fast: bool = False,
    **course_fields,
) -> BuiltCourse:
    """A published course whose lessons (in order) complete by `rules` (default: marked done).

    `fast` saves the pages live without revisions, validation or indexing (a 150-lesson course
    in about two seconds); they route and render the same, they only lack an editing history.
    """
    total = modules * lessons_per_module
    rules = list(rules) if rules is not None else [CompletionRule.MARKED_DONE] * total
    minutes = list(minutes) if minutes is not None else [3 + n % 5 for n in range(total)]
    assert len(rules) == total and len(minutes) == total, "one rule and duration per lesson"
    number = next(_sequence)
    if fast:
        course = _add_live(
            catalogue_get(),
            CoursePage(
                **{
                    "title": f"Parcours rapide {number}",
                    "slug": f"parcours-rapide-{number}",
                    "summary": "Une formation de test.",
                    "audience": "Élus locaux",
                    "objectives": "Comprendre",
                    **course_fields,
                }
            ),
        )
    else:
        course = course_create(**course_fields)
    built_modules, lessons = [], []
    for module_index in range(modules):
        if fast:
            module = _add_live(
                course, ModulePage(title=f"Module {module_index + 1}", slug=f"m{module_index + 1}")
            )
        else:
            module = module_create(course)
        built_modules.append(module)
        for index in range(lessons_per_module):
            position = module_index * lessons_per_module + index
            rule = rules[position]
            fields = {
                "completion_rule": rule,
                "estimated_minutes": minutes[position],
                "title": f"Leçon {number}.{position + 1}",
                "slug": f"lecon-{number}-{position + 1}",
            }
            if fast:
                lesson = _add_live(
                    module,
                    LessonPage(
                        body=stream(LessonPage, "body", lesson_body_items(position)[:2]),
                        quiz=stream(LessonPage, "quiz", quiz_items())
                        if rule == CompletionRule.QUIZ_PASSED
                        else [],
                        **fields,
                    ),
                )
            else:
                lesson = lesson_create(
                    module, with_quiz=rule == CompletionRule.QUIZ_PASSED, **fields
                )
            lessons.append(lesson)
    if fast:
        content_generation_bump()  # no publish signal fired for these pages
    return BuiltCourse(course=course, modules=built_modules, lessons=lessons)


def _add_live(parent: Page, page: Page) -> Page:
    """Save `page` live as the last child of `parent`, without validation or indexing."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    step = (int(last[-Page.steplen :], 36) if last else 0) + 1
    page.path = Page._get_path(parent.path, parent.depth + 1, step)
    page.depth = parent.depth + 1
    page.locale_id = parent.locale_id
    page.live = True
    model = type(page)
    post_save.disconnect(search_on_save, sender=model)
    try:
        with disable_reference_index_auto_update():
            page.save(clean=False)
    finally:
        post_save.connect(search_on_save, sender=model)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    parent.numchild += 1
    return page


def learner_create(**fields):
    return UserFactory(**fields)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@dataclass(frozen=True)
class Figures:
    lessons_total: int
    lessons_completed: int
    percent: int
    minutes_left: int
    next_lesson_id: int | None
    status: str


def figures_of(enrolment: Enrolment) -> Figures:
    """What the enrolment says about itself (fresh from the database)."""
    enrolment.refresh_from_db()
    return Figures(
        lessons_total=enrolment.lessons_total,
        lessons_completed=enrolment.lessons_completed,
        percent=enrolment.percent,
        minutes_left=enrolment.minutes_left,
        next_lesson_id=enrolment.next_lesson_id,
        status=enrolment.status,
    )


def figures_recount(enrolment: Enrolment) -> Figures:
    """The same figures recounted from the page tree and every progress row, the slow way."""
    lessons = list(LessonPage.objects.descendant_of(enrolment.course).live().order_by("path"))
    done = set(
        LessonProgress.objects.filter(enrolment=enrolment, completed_at__isnull=False).values_list(
            "lesson_id", flat=True
        )
    )
    remaining = [lesson for lesson in lessons if lesson.pk not in done]
    completed = len(lessons) - len(remaining)
    if lessons and not remaining:
        status = EnrolmentStatus.COMPLETED
    elif enrolment.started_at or completed:
        status = EnrolmentStatus.STARTED
    else:
        status = EnrolmentStatus.ENROLLED
    return Figures(
        lessons_total=len(lessons),
        lessons_completed=completed,
        percent=round(100 * completed / len(lessons)) if lessons else 0,
        minutes_left=sum(lesson.estimated_minutes for lesson in remaining),
        next_lesson_id=remaining[0].pk if remaining else None,
        status=status,
    )


def queries_without_cache(captured: list[dict]) -> list[str]:
    """SQL a request sent, minus the database caches' own (`elus2_cache`, `elus2_pages_cache`),
    which Redis replaces in production (REDIS_URL), and minus the read of the content generation,
    which a process makes once a second, not once per request (courses/cache.py): whether a
    request pays it depends on the clock, not on the page."""
    generation = '"courses_contentgeneration"'
    queries = [query["sql"] for query in captured if generation not in query["sql"]]
    if settings.REDIS_URL:
        return queries
    tables = {f'"{cache["LOCATION"]}"' for cache in settings.CACHES.values()}
    return [sql for sql in queries if not any(table in sql for table in tables)]
