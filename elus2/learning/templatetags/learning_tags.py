"""Template tags that put the signed-in official's state on Wagtail's lesson pages.

The state comes from the learner_lesson_gate hook (request.learner_state); previews and
anonymous views have none and show the content alone.
"""

from __future__ import annotations

from django import template

from ..selectors import enrolment_get

register = template.Library()


def _state(context):
    request = context.get("request")
    return getattr(request, "learner_state", None) if request else None


@register.inclusion_tag("learning/includes/lesson_outline.html", takes_context=True)
def learner_outline(context):
    state = _state(context)
    return {"state": state, "rows": state.module_rows() if state else []}


@register.inclusion_tag("learning/includes/lesson_actions.html", takes_context=True)
def lesson_actions(context, page):
    state = _state(context)
    previous, following = state.neighbours() if state else (None, None)
    return {
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "page": page,
        "state": state,
        "previous": previous,
        "following": following,
    }


@register.inclusion_tag("learning/includes/heartbeat.html", takes_context=True)
def lesson_heartbeat(context, page):
    state = _state(context)
    return {"page": page, "enabled": bool(state and state.enrolment)}


@register.inclusion_tag("learning/includes/course_enrol.html", takes_context=True)
def course_enrol(context, course):
    """On a course page: « S'inscrire » for a signed-in official not enrolled yet, « Reprendre »
    for one who is. Nothing for anonymous visitors (their page stays cacheable)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or getattr(request, "is_preview", False):
        return {"show": False}
    enrolment = enrolment_get(user=user, course=course)
    return {
        "show": True,
        "course": course,
        "enrolment": enrolment,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
