"""Reading a quiz form back into answers keyed by question id.

The quiz page names its inputs `q-<question id>` (the option id, "true"/"false", or several option
ids for a multiple choice) and `q-<question id>-<step id>` (the rank of an ordering step). Any other
`q-…` field is kept under its own key, so the service sees an id the page never offered and
refuses it instead of silently dropping it.
"""

from __future__ import annotations

from typing import Any

from django.http import QueryDict

from . import grading

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
