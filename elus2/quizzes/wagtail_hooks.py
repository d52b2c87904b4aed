"""Quiz attempts are learner history: a lesson that has them cannot be deleted in the Wagtail admin
(learning's hook does the same for lesson progress). Quiz settings alone do not hold a lesson back."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from courses.models import LessonPage

from .models import QuizAttempt, QuizSettings


@hooks.register("before_delete_page")
def refuse_deleting_lessons_with_quiz_attempts(request, page):
    lesson_ids = list(
        LessonPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    )
    if not lesson_ids:
        return None
    if QuizAttempt.objects.filter(lesson_id__in=lesson_ids).exists():
        messages.error(
            request,
            _(
                "Impossible de supprimer « %(title)s » : des élus ont déjà répondu à ses quiz et "
                "leurs tentatives doivent être conservées. Dépubliez la page à la place."
            )
            % {"title": page.title},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    if request.method == "POST":
        # Settings point at the lesson with PROTECT; without attempts they go with it.
        QuizSettings.objects.filter(lesson_id__in=lesson_ids).delete()
    return None
