"""Builds the starter course « Élus 2.0 » from the plain data in starter_content.py."""

from __future__ import annotations

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
