"""Builds the starter course « Élus 2.0 » from the plain data in starter_content.py."""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from wagtail.models import Page

from .models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from .starter_content import STARTER_COURSE


def _stream(page_class: type[Page], field_name: str, items: list[tuple[str, object]]) -> list[dict]:
    """Raw stream data with ids on every child and list item, so quiz answers keep stable keys."""
    raw = []
    for block_type, value in items:
        if block_type == "best_reply":
            value = dict(value)
            situation_type = value.pop("situation_type")
            value["situation"] = [{"type": situation_type, "value": value["situation"]}]
        raw.append({"type": block_type, "value": value})
    stream_block = page_class._meta.get_field(field_name).stream_block
    return stream_block.get_prep_value(stream_block.to_python(raw))


def _publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def starter_course_ensure() -> CoursePage:
    """Create the starter course under the catalogue unless it is there already (idempotent)."""
    catalogue = CourseIndexPage.objects.order_by("path").first()
    if catalogue is None:
        raise RuntimeError("The catalogue page is missing: run the migrations first.")
    data = STARTER_COURSE
    existing = CoursePage.objects.child_of(catalogue).filter(slug=data["slug"]).first()
    if existing:
        starter_quizzes_refresh(existing)
        return existing
    course = _publish(
        catalogue,
        CoursePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            audience=data["audience"],
            level=data["level"],
            estimated_minutes=data["estimated_minutes"],
            objectives="\n".join(data["objectives"]),
            lessons_unlock_in_order=data["lessons_unlock_in_order"],
        ),
    )
    for module_data in data["modules"]:
        module = _publish(
            course,
            ModulePage(
                title=module_data["title"], slug=module_data["slug"], intro=module_data["intro"]
            ),
        )
        for lesson in module_data["lessons"]:
            _publish(
                module,
                LessonPage(
                    title=lesson["title"],
                    slug=lesson["slug"],
                    estimated_minutes=lesson["minutes"],
                    objectives="\n".join(lesson["objectives"]),
                    completion_rule=lesson["completion"],
                    body=_stream(LessonPage, "body", lesson["body"]),
                    quiz=_stream(LessonPage, "quiz", lesson["quiz"]),
                ),
            )
    return course


def _as_stored(stream: list[dict]) -> list[dict]:
    """Stream data as the database gives it back (dates as ISO strings), to compare like with like."""
    return json.loads(json.dumps(stream, cls=DjangoJSONEncoder))


def _content(value):
    """Stream data without its ids, and a question's options as a set (sorted by text)."""
    if isinstance(value, list):
        return [_content(item) for item in value]
    if not isinstance(value, dict):
        return value
    content = {key: _content(item) for key, item in value.items() if key != "id"}
    if isinstance(content.get("options"), list):
        content["options"] = sorted(content["options"], key=repr)
    return content


def _quiz_keeping_ids(new: list[dict], old: list[dict]) -> list[dict]:
    """`new`, where a question is the same as `old`'s at that place but for the order of its
    options, is `old`'s question (ids included) with its options in `new`'s order. Answers,
    attempts and statistics are keyed by these ids: a question that only moved its options stays
    the same question; one whose wording or answer changed becomes a new one."""
    kept = []
    for position, question in enumerate(new):
        before = old[position] if position < len(old) else None
        if before is not None and _content(before) == _content(question):
            question = before
            if "options" in before["value"]:
                by_text = {item["value"]["text"]: item for item in before["value"]["options"]}
                order = [item["value"]["text"] for item in new[position]["value"]["options"]]
                question = {
                    **before,
                    "value": {**before["value"], "options": [by_text[text] for text in order]},
                }
        kept.append(question)
    return kept


@transaction.atomic
def starter_quizzes_refresh(course: CoursePage) -> int:
    """Bring the quizzes of an already loaded starter course up to starter_content.py (options
    reordered, statements reworded), keeping the ids of what did not change. A lesson a person
    has edited in the admin (a revision with an author) or with an unpublished draft is left as
    it is. Attempts keep the snapshot they were graded with. Returns the lessons republished."""
    by_slug = {
        lesson["slug"]: lesson
        for module in STARTER_COURSE["modules"]
        for lesson in module["lessons"]
    }
    refreshed = 0
    for page in LessonPage.objects.descendant_of(course).filter(slug__in=by_slug):
        if page.has_unpublished_changes or page.revisions.exclude(user=None).exists():
            continue
        old = _as_stored(page.quiz.get_prep_value())
        new = _quiz_keeping_ids(
            _as_stored(_stream(LessonPage, "quiz", by_slug[page.slug]["quiz"])), old
        )
        if new == old:
            continue
        page.quiz = new
        page.save_revision().publish()
        refreshed += 1
    return refreshed
