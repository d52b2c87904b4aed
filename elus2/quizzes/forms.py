"""Reading a quiz form back into answers keyed by question id; the trainers' quiz settings form.

The quiz page names its inputs `q-<question id>` (the option id, "true"/"false", or several option
ids for a multiple choice) and `q-<question id>-<step id>` (the rank of an ordering step). Any other
`q-…` field is kept under its own key, so the service sees an id the page never offered and
refuses it instead of silently dropping it.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import QueryDict
from wagtail.admin.forms import WagtailAdminModelForm

from . import grading
from .models import QuizSettings
from .selectors import quiz_settings_lesson_choices

PREFIX = "q-"


def answers_from_post(questions: list[dict], data: QueryDict) -> dict[str, Any]:
    by_id = {question["id"]: question for question in questions}
    ordering_ids = sorted(
        (question["id"] for question in questions if question["type"] == grading.ORDERING),
        key=len,
        reverse=True,
    )
    answers: dict[str, Any] = {}
    for key in data:
        if not key.startswith(PREFIX):
            continue
        name = key[len(PREFIX) :]
        question = by_id.get(name)
        if question is not None and question["type"] != grading.ORDERING:
            if question["type"] == grading.MULTIPLE_CHOICE:
                answers[name] = [value for value in data.getlist(key) if value]
            else:
                values = [value for value in data.getlist(key) if value]
                answers[name] = values[0] if len(values) == 1 else values
            continue
        owner = next((qid for qid in ordering_ids if name.startswith(f"{qid}-")), None)
        if owner is not None:
            answers.setdefault(owner, {})[name[len(owner) + 1 :]] = data.get(key, "")
            continue
        answers[name] = data.get(key, "")  # not offered by the page: refused by the service
    return answers


class LessonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        place = getattr(obj, "place", "")
        return f"{obj.title} ({place})" if place else obj.title


class QuizSettingsForm(WagtailAdminModelForm):
    """Only lessons that have questions are offered (and the one being edited, whatever it has
    become); lessons whose quiz is already set up are not, each lesson having one set of settings."""

    class Meta:
        model = QuizSettings
        fields = [
            "lesson",
            "mode",
            "pass_mark",
            "attempts_allowed",
            "questions_drawn",
            "shuffle_questions",
            "shuffle_options",
            "feedback_timing",
        ]
        field_classes = {"lesson": LessonChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        lessons = quiz_settings_lesson_choices(current_lesson_id=self.instance.lesson_id)
        field = self.fields["lesson"]
        field.queryset = field.queryset.filter(pk__in=[lesson.pk for lesson in lessons])
        # The choices are the lessons already loaded, with their place in the course.
        field.choices = [("", field.empty_label)] + [
            (lesson.pk, field.label_from_instance(lesson)) for lesson in lessons
        ]
