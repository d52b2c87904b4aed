"""The reminder e-mails: the learner's (next lesson, signed-in link) and the staff digest, in the
person's language, with one-click unsubscribe from their category. Built at send time by
sending.py; they write only the sign-in link the learner's message carries."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from courses.outline import course_outline
from elus2.outbox.tokens import unsubscribe_headers, unsubscribe_url
from elus2.users.models import ReminderCategory
from elus2.users.services import next_url_is_safe, sign_in_link_create

from ..models import Reminder


def _reminder_message(
    *, reminder: Reminder, template: str, context: dict
) -> EmailMultiAlternatives:
    """Plain text and HTML in the person's language, with RFC 8058 one-click unsubscribe."""
    user = reminder.user
    unsubscribe = unsubscribe_url(user_id=user.pk, category=reminder.category)
    context = {
        **context,
        "user": user,
        "site_url": settings.SITE_URL,
        "unsubscribe_url": unsubscribe,
        "preferences_url": settings.SITE_URL + reverse("my_account_profile"),
        "category_label": ReminderCategory(reminder.category).label,
    }
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context["category_label"] = str(context["category_label"])
        subject = render_to_string(f"reminders/email/{template}_subject.txt", context)
        text = render_to_string(f"reminders/email/{template}.txt", context)
        html = render_to_string(f"reminders/email/{template}.html", context)
    message = EmailMultiAlternatives(
        " ".join(subject.split()),
        text,
        to=[user.email],
        headers=unsubscribe_headers(unsubscribe),
    )
    message.attach_alternative(html, "text/html")
    return message


def learner_message(reminder: Reminder) -> EmailMultiAlternatives | None:
    """Names the next lesson and its length, and links straight into it (signed in)."""
    enrolment = reminder.enrolment
    outline = course_outline(course_path=enrolment.course.path)
    lesson = next(
        (
            item
            for item in (outline.lessons if outline else [])
            if item.id == enrolment.next_lesson_id
        ),
        None,
    )
    if lesson is None or not next_url_is_safe(lesson.url):
        return None
    link = sign_in_link_create(
        user=reminder.user,
        next_url=lesson.url,
        lifetime=datetime.timedelta(hours=settings.ELUS2_REMINDER_LINK_HOURS),
    )
    return _reminder_message(
        reminder=reminder,
        template="learner",
        context={
            "rule": reminder.rule,
            "lesson": lesson,
            "course_title": outline.course_title,
            "enrolment": enrolment,
            "cohort": reminder.cohort,
            "link": link,
            "link_hours": settings.ELUS2_REMINDER_LINK_HOURS,
        },
    )


def digest_message(reminder: Reminder, now: datetime.datetime) -> EmailMultiAlternatives | None:
    from ..selectors import staff_digest_build

    cohorts = staff_digest_build(user=reminder.user, now=now)
    if not cohorts:
        return None
    return _reminder_message(
        reminder=reminder,
        template="digest",
        context={"cohorts": cohorts, "week": reminder.period},
    )
