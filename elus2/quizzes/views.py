"""The quiz of a lesson, for the signed-in official: answer, submit, review, try again.

Views check who may act and call a service or a selector; grading happens in services.py. Every
attempt URL looks the attempt up among the requester's own: another person's attempt is a 404.
Nothing rendered before submission carries a correct flag, feedback or explanation.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from courses.models import LessonPage
from elus2.learning.selectors import lesson_state_get

from .forms import answers_from_post
from .models import QuizAttempt
from .selectors import (
    quiz_attempt_get,
    quiz_attempt_latest,
    quiz_attempt_to_submit,
    quiz_questions_for_display,
    quiz_review_get,
    quiz_settings_get,
)
from .services import (
    AnswersInvalid,
    AnswersRefused,
    AttemptAlreadySubmitted,
    AttemptsExhausted,
    QuizLessonLocked,
    QuizUnavailable,
    quiz_attempt_save_answers,
    quiz_attempt_start,
    quiz_attempt_submit,
)


def _lesson_with_quiz(lesson_id: int) -> LessonPage:
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    if not len(lesson.quiz):
        raise Http404
    return lesson


def _gate(request, lesson: LessonPage):
    """The lesson page's rules apply to its quiz: a closed course without enrolment is a 403, a
    lesson locked by an earlier one says which. Returns (response or None, outline)."""
    state = lesson_state_get(user=request.user, lesson=lesson)
    if state is None:
        return None, None
    if state.enrolment is None and not state.outline.enrolment_open:
        response = TemplateResponse(
            request,
            "learning/lesson_forbidden.html",
            {"page": lesson, "outline": state.outline},
            status=403,
        )
        return response, state.outline
    if state.enrolment is not None and state.locked_by is not None:
        response = TemplateResponse(
            request, "learning/lesson_locked.html", {"page": lesson, "blocker": state.locked_by}
        )
        return response, state.outline
    return None, state.outline


def _lesson_url(request, lesson: LessonPage, outline) -> str:
    """From the cached outline when there is one (no site lookup)."""
    if outline is not None:
        found = next((item.url for item in outline.lessons if item.id == lesson.pk), None)
        if found:
            return found
    return lesson.get_url(request)


def _quiz_page(request, attempt: QuizAttempt, *, outline=None, errors=None, summary="", status=200):
    lesson = attempt.lesson
    quiz_settings = quiz_settings_get(lesson=lesson)
    if outline is None:
        state = lesson_state_get(user=request.user, lesson=lesson)
        outline = state.outline if state else None
    allowed = quiz_settings.attempts_allowed
    return TemplateResponse(
        request,
        "quizzes/quiz_page.html",
        {
            "page": lesson,
            "lesson": lesson,
            "lesson_url": _lesson_url(request, lesson, outline),
            "outline": outline,
            "attempt": attempt,
            "settings": quiz_settings,
            "attempts_allowed": allowed,
            "questions": quiz_questions_for_display(attempt=attempt, errors=errors),
            "errors": errors or {},
            "error_summary": summary,
        },
        status=status,
    )


@login_required
@require_GET
def quiz(request, lesson_id: int):
    """The open attempt, or a new one; once submitted, the latest result (with "Réessayer")."""
    lesson = _lesson_with_quiz(lesson_id)
    refused, outline = _gate(request, lesson)
    if refused:
        return refused
    latest = quiz_attempt_latest(user=request.user, lesson=lesson)
    if latest is not None and not latest.is_open:
        return redirect("quizzes:review", latest.pk)
    if latest is not None:
        attempt = latest
    else:
        try:
            attempt = quiz_attempt_start(user=request.user, lesson=lesson)
        except QuizUnavailable:
            raise Http404 from None
        except AttemptsExhausted as refusal:  # only when no attempt at all is allowed
            messages.error(request, refusal.message)
            return redirect(_lesson_url(request, lesson, outline))
    attempt.lesson = lesson
    return _quiz_page(request, attempt, outline=outline)


@login_required
@require_POST
def attempt_start(request, lesson_id: int):
    """ "Réessayer": a new attempt with a new draw, when attempts remain."""
    lesson = _lesson_with_quiz(lesson_id)
    refused, outline = _gate(request, lesson)
    if refused:
        return refused
    try:
        quiz_attempt_start(user=request.user, lesson=lesson)
    except QuizUnavailable:
        raise Http404 from None
    except AttemptsExhausted as refusal:
        messages.error(request, refusal.message)
        latest = quiz_attempt_latest(user=request.user, lesson=lesson)
        return redirect(
            reverse("quizzes:review", args=[latest.pk])
            if latest
            else _lesson_url(request, lesson, outline)
        )
    return redirect("quizzes:quiz", lesson.pk)


def _reread(request, attempt: QuizAttempt) -> QuizAttempt:
    """The submission read only what grading needs; the quiz page shown again reads the whole
    attempt and its lesson (the answers typed were saved before the refusal)."""
    return quiz_attempt_get(user=request.user, attempt_id=attempt.pk)


@login_required
@require_POST
def attempt_submit(request, attempt_id: int):
    attempt = quiz_attempt_to_submit(user=request.user, attempt_id=attempt_id)
    if attempt is None:
        raise Http404
    answers = answers_from_post(attempt.questions, request.POST)
    # The lesson page's rules hold here too: a lesson locked (or a course closed) since the quiz
    # was opened takes nothing but keeps what was typed.
    refused, _outline = _gate(request, attempt.lesson)
    if refused:
        if attempt.is_open:
            quiz_attempt_save_answers(user=request.user, attempt_id=attempt.pk, answers=answers)
        return refused
    try:
        if request.POST.get("action") == "save":
            quiz_attempt_save_answers(user=request.user, attempt_id=attempt.pk, answers=answers)
            messages.success(
                request, _("Vos réponses sont enregistrées ; le quiz n'est pas encore envoyé.")
            )
            return redirect("quizzes:quiz", attempt.lesson_id)
        outcome = quiz_attempt_submit(
            user=request.user, attempt_id=attempt.pk, answers=answers, attempt=attempt
        )
    except AttemptAlreadySubmitted:
        messages.info(request, _("Ce quiz a déjà été envoyé : voici votre résultat."))
        return redirect("quizzes:review", attempt.pk)
    except AnswersInvalid as invalid:  # the page's error summary says it, question by question
        return _quiz_page(
            request,
            _reread(request, invalid.attempt),
            errors=invalid.field_errors,
            summary=invalid.message,
        )
    except AnswersRefused as refusal:
        messages.error(request, refusal.message)
        return _quiz_page(request, _reread(request, refusal.attempt), status=400)
    except QuizLessonLocked as locked:  # locked between the gate above and the completion
        messages.error(request, locked.message)
        return redirect("quizzes:quiz", attempt.lesson_id)
    attempt = outcome.attempt
    if not attempt.is_graded:
        messages.success(request, _("Merci : vos réponses sont enregistrées."))
    elif outcome.result.passed and outcome.lesson_completed:
        messages.success(request, _("Quiz réussi : la leçon est terminée. Bravo !"))
    elif outcome.result.passed:
        messages.success(request, _("Quiz réussi. Bravo !"))
    # A failed attempt: the review page says the score and the mark to reach.
    return redirect("quizzes:review", attempt.pk)


@login_required
@require_GET
def review(request, attempt_id: int):
    attempt = quiz_attempt_get(user=request.user, attempt_id=attempt_id)
    if attempt is None:
        raise Http404
    if attempt.is_open:
        return redirect("quizzes:quiz", attempt.lesson_id)
    state = lesson_state_get(user=request.user, lesson=attempt.lesson)
    outline = state.outline if state else None
    return TemplateResponse(
        request,
        "quizzes/quiz_review.html",
        {
            "page": attempt.lesson,
            "lesson": attempt.lesson,
            "lesson_url": _lesson_url(request, attempt.lesson, outline),
            "outline": outline,
            "next_lesson": _next_lesson(outline, attempt.lesson),
            "review": quiz_review_get(user=request.user, attempt=attempt),
        },
    )


def _next_lesson(outline, lesson: LessonPage):
    """The lesson after this one in the course (from the cached outline), or None."""
    if outline is None:
        return None
    position = outline.position(lesson.pk)
    lessons = outline.lessons
    if position is None or position + 1 >= len(lessons):
        return None
    return lessons[position + 1]
