"""Public lesson search: Wagtail search over live, public lessons and courses, no login needed.

The database search backend answers on SQLite; PostgreSQL full text in production. Lesson pages
themselves still need a login: the results only show titles, places in the course and durations.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.search.utils import parse_query_string

from .models import CoursePage, LessonPage, ModulePage
from .outline import ancestor_path

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 50


@dataclass(frozen=True)
class LessonResult:
    lesson: LessonPage
    module: ModulePage | None
    course: CoursePage | None


def _search_query(text: str):
    """What the visitor typed, as a Wagtail query: "quoted words" are a phrase, and a stray quote
    no longer reaches the database's full-text syntax (SQLite refused it with an error). Colons are
    kept as words, not turned into field filters."""
    _filters, query = parse_query_string(text.replace(":", " "))
    return query


def _lesson_results(query) -> list[LessonResult]:
    """Matching lessons with their module and course, in three queries plus the search."""
    lessons = list(LessonPage.objects.live().public().search(query)[:MAX_RESULTS])
    module_paths = {ancestor_path(lesson.path) for lesson in lessons}
    course_paths = {ancestor_path(path) for path in module_paths}
    modules = {page.path: page for page in ModulePage.objects.filter(path__in=module_paths)}
    courses = {page.path: page for page in CoursePage.objects.filter(path__in=course_paths)}
    return [
        LessonResult(
            lesson,
            modules.get(ancestor_path(lesson.path)),
            courses.get(ancestor_path(lesson.path, 2)),
        )
        for lesson in lessons
    ]


def lesson_search(request):
    # Control characters (a NUL byte above all) are refused by both databases: drop them.
    query = "".join(char for char in request.GET.get("q", "") if char.isprintable()).strip()
    error = ""
    lessons: list[LessonResult] = []
    courses: list[CoursePage] = []
    if not query:
        pass  # the page opened from the header: the form and its hint, no error
    elif len(query) > MAX_QUERY_LENGTH:
        error = _("Votre recherche est trop longue : %(max)d caractères au maximum.") % {
            "max": MAX_QUERY_LENGTH
        }
    else:
        search_query = _search_query(query)
        lessons = _lesson_results(search_query)
        courses = list(CoursePage.objects.live().public().search(search_query)[:MAX_RESULTS])
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
