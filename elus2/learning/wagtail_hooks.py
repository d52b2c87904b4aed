"""Learner state on Wagtail's lesson pages, and protection of learner history in the admin."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from courses.models import CompletionRule, LessonPage

from .models import EnrolmentStatus, LessonProgress
from .page_cache import cached_page_get, cached_page_store
from .selectors import DONE, IN_PROGRESS, NOT_STARTED, lesson_state_get
from .services import enrolment_activity_touch, lesson_view_record

# Last activity moves at most this often while a person rereads the same lesson.
TOUCH_SECONDS = 300


# Innermost of Wagtail's serve chain (order 100): Wagtail's own view-restriction check runs first.
@hooks.register("on_serve_page", order=100)
def learner_lesson_gate(serve_next):
    """Before a signed-in official sees a lesson: closed course → 403 page; ordered course with an
    earlier lesson to finish → a page that says which; otherwise record the view. These rules
    are checked on every request; only then may a page this person has seen in the same state
    come from the learner page cache (page_cache.py)."""

    def serve(page, request, serve_args, serve_kwargs):
        if (
            not isinstance(page, LessonPage)
            or not request.user.is_authenticated
            or getattr(request, "is_preview", False)
        ):
            return serve_next(page, request, serve_args, serve_kwargs)
        state = lesson_state_get(user=request.user, lesson=page)
        if state is None:
            return serve_next(page, request, serve_args, serve_kwargs)
        enrolment = state.enrolment
        if enrolment is None and not state.outline.enrolment_open:
            return TemplateResponse(
                request,
                "learning/lesson_forbidden.html",
                {"page": page, "outline": state.outline},
                status=403,
            )
        key = None
        if enrolment is not None:
            blocker = state.locked_by
            if blocker is not None:
                return TemplateResponse(
                    request, "learning/lesson_locked.html", {"page": page, "blocker": blocker}
                )
            if _view_changes_the_page(state, page):
                progress = lesson_view_record(user=request.user, lesson=page, enrolment=enrolment)
                if progress.completed_at and state.current_state != DONE:
                    # First view of a "viewed" lesson completed it: the course figures changed.
                    state = lesson_state_get(user=request.user, lesson=page)
                elif state.current_state == NOT_STARTED:
                    state.states[page.pk] = IN_PROGRESS
                # The view replaced the page version: store on the next request.
            else:
                _activity_touch(enrolment, page)
                key, cached = cached_page_get(request, page, enrolment)
                if cached is not None:
                    return cached
        request.learner_state = state
        response = serve_next(page, request, serve_args, serve_kwargs)
        cached_page_store(key, request, response)
        return response

    return serve


def _view_changes_the_page(state, page) -> bool:
    """Whether recording this view changes what a page shows: a first view (the lesson turns
    « en cours »), the first lesson of the course opened, or a "viewed" lesson to complete."""
    return (
        state.current_state == NOT_STARTED
        or state.enrolment.status == EnrolmentStatus.ENROLLED
        or (page.completion_rule == CompletionRule.VIEWED and state.current_state != DONE)
    )


def _activity_touch(enrolment, page) -> None:
    """Another view of a lesson in the same state is still activity: last lesson and last
    activity move (read by reminders and dashboards), at most once per TOUCH_SECONDS per lesson."""
    now = timezone.now()
    if (
        enrolment.last_lesson_id != page.pk
        or enrolment.last_activity_at is None
        or now - enrolment.last_activity_at > timedelta(seconds=TOUCH_SECONDS)
    ):
        enrolment_activity_touch(enrolment=enrolment, lesson=page, now=now)


@hooks.register("before_delete_page")
def refuse_deleting_lessons_with_history(request, page):
    """Lessons that officials have opened keep their history: unpublish them instead."""
    lesson_ids = LessonPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    if LessonProgress.objects.filter(lesson_id__in=lesson_ids).exists():
        messages.error(
            request,
            _(
                "Impossible de supprimer « %(title)s » : des élus ont déjà suivi ces leçons et leur "
                "historique doit être conservé. Dépubliez la page à la place."
            )
            % {"title": page.title},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None
