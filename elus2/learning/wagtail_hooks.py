"""Learner state on Wagtail's lesson pages, and protection of learner history in the admin."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail import hooks

from courses.models import LessonPage

from .models import LessonProgress
from .page_cache import cached_page_get, cached_page_store
from .selectors import DONE, IN_PROGRESS, NOT_STARTED, lesson_state_get
from .services import lesson_view_record


# Innermost of Wagtail's serve chain (order 100): Wagtail's own view-restriction check runs first.
@hooks.register("on_serve_page", order=100)
def learner_lesson_gate(serve_next):
    """Before a signed-in official sees a lesson: closed course → 403 page; ordered course with an
    earlier lesson to finish → a page that says which; otherwise record the view. A page this
    person has seen in the same state comes from the learner page cache (page_cache.py)."""

    def serve(page, request, serve_args, serve_kwargs):
        if (
            not isinstance(page, LessonPage)
            or not request.user.is_authenticated
            or getattr(request, "is_preview", False)
        ):
            return serve_next(page, request, serve_args, serve_kwargs)
        key, cached = cached_page_get(request, page)
        if cached is not None:
            return cached
        state = lesson_state_get(user=request.user, lesson=page)
        if state is None:
            return serve_next(page, request, serve_args, serve_kwargs)
        if state.enrolment is None and not state.outline.enrolment_open:
            return TemplateResponse(
                request,
                "learning/lesson_forbidden.html",
                {"page": page, "outline": state.outline},
                status=403,
            )
        if state.enrolment is not None:
            blocker = state.locked_by
            if blocker is not None:
                return TemplateResponse(
                    request, "learning/lesson_locked.html", {"page": page, "blocker": blocker}
                )
            if state.current_state == NOT_STARTED or state.enrolment.last_lesson_id != page.pk:
                progress = lesson_view_record(
                    user=request.user, lesson=page, enrolment=state.enrolment
                )
                if progress.completed_at and state.current_state != DONE:
                    # First view of a "viewed" lesson completed it: the course figures changed.
                    state = lesson_state_get(user=request.user, lesson=page)
                elif state.current_state == NOT_STARTED:
                    state.states[page.pk] = IN_PROGRESS
                key = None  # this view may have changed the page version: store on the next one
        request.learner_state = state
        response = serve_next(page, request, serve_args, serve_kwargs)
        cached_page_store(key, request, response)
        return response

    return serve


@hooks.register("before_delete_page")
def refuse_deleting_lessons_with_history(request, page):
    """Lessons that officials have opened keep their history: unpublish them instead."""
    lesson_ids = LessonPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    if LessonProgress.objects.filter(lesson_id__in=lesson_ids).exists():
        messages.error(
            request,
            _(
                "Impossible de supprimer « %(title)s » : des élus ont déjà suivi ces leçons et leur "
                "historique doit être conservé. Dépubliez la page à la place."
            )
            % {"title": page.title},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None
