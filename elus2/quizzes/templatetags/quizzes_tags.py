"""The signed-in official's quiz state on a lesson page: a link to the quiz, the best score, the
latest result. Content stays cached; this tag adds one query, only on lessons with a quiz."""

from __future__ import annotations

from django import template

from ..selectors import quiz_status_get

register = template.Library()


@register.inclusion_tag("quizzes/includes/quiz_panel.html", takes_context=True)
def quiz_panel(context, page):
    request = context.get("request")
    user = getattr(request, "user", None)
    if (
        user is None
        or not user.is_authenticated
        or getattr(request, "is_preview", False)
        or not len(page.quiz)
    ):
        return {"status": None}
    return {"page": page, "status": quiz_status_get(user=user, lesson=page)}
