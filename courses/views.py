"""Public lesson search: Wagtail search over live, public lessons and courses, no login needed.

The database search backend answers on SQLite; PostgreSQL full text in production. Lesson pages
themselves still need a login: the results only show titles, places in the course and durations.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import CoursePage, LessonPage, ModulePage

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 50


@dataclass(frozen=True)
class LessonResult:
    lesson: LessonPage
    module: ModulePage | None
    course: CoursePage | None


def _lesson_results(query: str) -> list[LessonResult]:
    """Matching lessons with their module and course, in three queries plus the search."""
    lessons = list(LessonPage.objects.live().public().search(query)[:MAX_RESULTS])
    module_paths = {lesson.path[: -Page.steplen] for lesson in lessons}
    course_paths = {path[: -Page.steplen] for path in module_paths}
    modules = {page.path: page for page in ModulePage.objects.filter(path__in=module_paths)}
    courses = {page.path: page for page in CoursePage.objects.filter(path__in=course_paths)}
    return [
        LessonResult(
            lesson,
            modules.get(lesson.path[: -Page.steplen]),
            courses.get(lesson.path[: -2 * Page.steplen]),
        )
        for lesson in lessons
    ]


def lesson_search(request):
    query = request.GET.get("q", "").strip()
    error = ""
    lessons: list[LessonResult] = []
    courses: list[CoursePage] = []
    if not query:
        error = _("Saisissez un ou plusieurs mots pour rechercher une leçon.")
    elif len(query) > MAX_QUERY_LENGTH:
        error = _("Votre recherche est trop longue : %(max)d caractères au maximum.") % {
            "max": MAX_QUERY_LENGTH
        }
    else:
        lessons = _lesson_results(query)
        courses = list(CoursePage.objects.live().public().search(query)[:MAX_RESULTS])
    return render(
        request,
        "courses/search.html",
        {
            "query": query[:MAX_QUERY_LENGTH],
            "error": error,
            "lessons": lessons,
            "courses": courses,
            "max_query_length": MAX_QUERY_LENGTH,
        },
    )
