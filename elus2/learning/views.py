"""Learner actions: enrol, "J'ai terminé cette leçon", the activity heartbeat, "Mon parcours" and
the attestation of a completed course.

Views hold no business logic: they check who may act and call a service.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.models import CoursePage, LessonPage
from courses.outline import course_outline, course_path_of

from .models import Enrolment
from .selectors import attestation_get, enrolment_list_for_user
from .services import (
    CompletionRefused,
    EnrolmentClosed,
    LessonLocked,
    activity_heartbeat,
    enrolment_create,
    lesson_progress_complete,
)


def _lessons():
    """Live lessons, only what these actions need: the rule and the place, not the content (any
    other field still loads on demand)."""
    return LessonPage.objects.live().only(
        "id", "path", "depth", "url_path", "title", "live", "completion_rule"
    )


@login_required
def my_learning(request):
    return render(request, "learning/my_learning.html", enrolment_list_for_user(user=request.user))


@login_required
def attestation(request, course_id: int):
    """The official's own attestation of a completed course, to print or save as PDF. Only their
    own: the URL names a course, never a person."""
    found = attestation_get(user_id=request.user.pk, course_id=course_id)
    if found is None:
        raise Http404
    return render(request, "learning/attestation.html", {"attestation": found})


@login_required
@require_POST
def enrol(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    try:
        enrolment = enrolment_create(user=request.user, course=course)
    except EnrolmentClosed:
        raise PermissionDenied(
            _("Cette formation est réservée aux personnes invitées par leur promotion.")
        ) from None
    messages.success(request, _("Vous êtes inscrit·e à « %(title)s ».") % {"title": course.title})
    target = enrolment.next_lesson or enrolment.last_lesson
    return redirect(target.get_url(request) if target else course.get_url(request))


@login_required
@require_POST
def lesson_complete(request, lesson_id: int):
    lesson = get_object_or_404(_lessons(), pk=lesson_id)
    try:
        result = lesson_progress_complete(user=request.user, lesson=lesson, source="marked_done")
    except EnrolmentClosed:
        raise PermissionDenied(
            _("Cette formation est réservée aux personnes invitées par leur promotion.")
        ) from None
    except LessonLocked as locked:
        messages.error(
            request, _("Terminez d'abord « %(title)s ».") % {"title": locked.blocker.title}
        )
        return redirect(locked.blocker.url)
    except CompletionRefused:
        messages.error(
            request,
            _("Cette leçon se termine autrement : répondez au quiz ou lisez-la jusqu'au bout."),
        )
        return redirect(lesson.get_url(request))
    if result.newly_completed:
        messages.success(request, _("Leçon terminée. Bravo !"))
    return redirect(_after(lesson, result.enrolment, request))


def _after(lesson: LessonPage, enrolment: Enrolment, request) -> str:
    """Where to go once a lesson is done: the following lesson, else the next one still to do
    (URLs from the cached outline: no query)."""
    outline = course_outline(course_path=course_path_of(lesson))
    if outline is not None:
        index = outline.position(lesson.pk)
        if index is not None and index + 1 < len(outline.lessons):
            return outline.lessons[index + 1].url
        following = next(
            (item for item in outline.lessons if item.id == enrolment.next_lesson_id), None
        )
        if following is not None:
            return following.url
    return reverse("learning:my_learning")


@login_required
@require_POST
def lesson_heartbeat(request, lesson_id: int):
    """Called every 30 s by the lesson page while it is visible and the person active."""
    lesson = get_object_or_404(_lessons(), pk=lesson_id)
    enrolment = Enrolment.objects.filter(
        user=request.user, course__path=course_path_of(lesson)
    ).first()
    if enrolment is None:
        return HttpResponse(status=204)
    activity_heartbeat(user=request.user, lesson=lesson, enrolment=enrolment)
    return HttpResponse(status=204)
