"""Course trees for tests: catalogue → course → modules → lessons, each page published.

Lesson bodies and quizzes are raw StreamField data run through the block's to_python and
get_prep_value, the way the starter course is built: stream children get ids there, and QuizBlock
stores ids on options and steps (what quiz answers are keyed by).
"""

from __future__ import annotations

import datetime
import itertools

from django.core.files.base import ContentFile
from wagtail import blocks
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text

from courses.models import CompletionRule, CourseIndexPage, CoursePage, LessonPage, ModulePage

from .pages import home_page_ensure

_sequence = itertools.count(1)

SAMPLE_POST = {
    "network": "facebook",
    "author": "Mairie de Testville",
    "handle": "@testville",
    "text": "Réunion publique jeudi sur le nouveau marché couvert.",
    "date": datetime.date(2026, 4, 2).isoformat(),
    "likes": 12,
    "shares": 3,
    "comments": 4,
}


def stream(page_class: type[Page], field_name: str, items: list[tuple[str, object]]) -> list[dict]:
    """Raw stream data for page_class.field_name, as courses/starter.py builds it."""
    stream_block = page_class._meta.get_field(field_name).stream_block
    raw = [{"type": block_type, "value": value} for block_type, value in items]
    return stream_block.get_prep_value(stream_block.to_python(raw))


def option(text: str, *, correct: bool = False, feedback: str = "") -> dict:
    return {"text": text, "correct": correct, "feedback": feedback or f"Explication : {text}."}


def lesson_body_items(number: int) -> list[tuple[str, object]]:
    """A few ordinary blocks; `number` keeps each lesson's text distinct for search tests."""
    return [
        ("heading", f"Partie {number}"),
        (
            "paragraph",
            f"<p>Le texte de la leçon {number} parle de dialogue avec les habitants.</p>",
        ),
        (
            "key_figure",
            {"number": "22 %", "label": "des députés sur Twitter en 2011", "source": "Élus 2.0"},
        ),
        ("good_practice", "<p>Répondre dans la journée.</p>"),
        ("social_post", SAMPLE_POST),
    ]


def quiz_items() -> list[tuple[str, object]]:
    return [
        (
            "single_choice",
            {
                "question": "Un habitant signale un nid-de-poule en commentaire. Que faites-vous ?",
                "options": [
                    option("Je remercie et transmets aux services techniques.", correct=True),
                    option("Je supprime le commentaire."),
                ],
                "explanation": "Un signalement est une aide, pas une attaque.",
            },
        ),
        (
            "true_false",
            {
                "statement": "Une charte de modération doit être publiée.",
                "answer": True,
                "feedback_true": "Oui, elle se lit avant de commenter.",
                "feedback_false": "Si : une règle cachée ne protège personne.",
                "explanation": "On modère selon des règles connues de tous.",
            },
        ),
        (
            "ordering",
            {
                "question": "Remettez les étapes dans l'ordre.",
                "items": ["Lire", "Vérifier", "Répondre"],
                "explanation": "Comprendre avant de répondre.",
            },
        ),
    ]


def catalogue_get() -> CourseIndexPage:
    """The catalogue made by migration 0004 (rebuilt after a flush, for transactional tests)."""
    catalogue = CourseIndexPage.objects.order_by("path").first()
    if catalogue is None:
        catalogue = _publish(
            home_page_ensure(), CourseIndexPage(title="Formations", slug="formations")
        )
    return catalogue


def _publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def course_create(**fields) -> CoursePage:
    number = next(_sequence)
    values = {
        "title": f"Formation {number}",
        "slug": f"formation-{number}",
        "summary": "Une formation de test.",
        "audience": "Élus locaux",
        "estimated_minutes": 60,
        "objectives": "Comprendre\nAgir",
        **fields,
    }
    return _publish(catalogue_get(), CoursePage(**values))


def module_create(course: CoursePage, **fields) -> ModulePage:
    number = next(_sequence)
    values = {
        "title": f"Module {number}",
        "slug": f"module-{number}",
        "intro": "Un module.",
        **fields,
    }
    return _publish(course, ModulePage(**values))


def lesson_create(module: ModulePage, *, with_quiz: bool = False, **fields) -> LessonPage:
    """A published lesson; `with_quiz` adds three questions and completion « quiz passed »."""
    number = next(_sequence)
    values = {
        "title": f"Leçon {number}",
        "slug": f"lecon-{number}",
        "estimated_minutes": 3 + number % 5,
        "objectives": "Savoir répondre\nSavoir modérer",
        "body": stream(LessonPage, "body", lesson_body_items(number)),
        "completion_rule": CompletionRule.QUIZ_PASSED if with_quiz else CompletionRule.VIEWED,
        "quiz": stream(LessonPage, "quiz", quiz_items()) if with_quiz else [],
        **fields,
    }
    return _publish(module, LessonPage(**values))


def course_build(
    *, modules: int, lessons_per_module: int, quiz_every_module: bool = True, **course_fields
) -> CoursePage:
    """A published course; with quiz_every_module, each module's last lesson closes on a quiz."""
    course = course_create(**course_fields)
    for _ in range(modules):
        module = module_create(course)
        for index in range(lessons_per_module):
            last = index == lessons_per_module - 1
            lesson_create(module, with_quiz=quiz_every_module and last)
    return course


def image_create(title: str = "Capture d'écran") -> Image:
    return Image.objects.create(title=title, file=get_test_image_file())


def document_create(title: str = "Charte de modération") -> Document:
    return Document.objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 test", name="charte.pdf")
    )


def embed_cache(url: str, html: str) -> Embed:
    """A cached oEmbed answer, so video blocks render and validate without the network."""
    return Embed.objects.create(
        url=url, hash=get_embed_hash(url), type="video", html=html, title="Vidéo", width=640
    )


# --- Wagtail admin form data -------------------------------------------------------------------


def _block_form_value(block: blocks.Block, value):
    """A block value as the admin form posts it (the shape value_from_datadict reads)."""
    if isinstance(block, blocks.StreamBlock):
        children = [
            (item["type"], item["value"]) if isinstance(item, dict) else item for item in value
        ]
        data = {
            str(index): {
                "type": kind,
                "value": _block_form_value(block.child_blocks[kind], child),
                "deleted": "",
                "order": str(index),
                "id": "",
            }
            for index, (kind, child) in enumerate(children)
        }
        return {**data, "count": str(len(children))}
    if isinstance(block, blocks.ListBlock):
        data = {
            str(index): {
                "value": _block_form_value(block.child_block, item),
                "deleted": "",
                "order": str(index),
                "id": "",
            }
            for index, item in enumerate(value)
        }
        return {**data, "count": str(len(value))}
    if isinstance(block, blocks.StructBlock):
        return {
            name: _block_form_value(child, value.get(name))
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(value or "", features=block.features)
    if isinstance(block, blocks.BooleanBlock):
        return "on" if value else ""
    return "" if value is None else str(value)


def admin_form_data(page_class: type[Page], **fields) -> dict:
    """POST data for the Wagtail page add/edit form. StreamField values are lists of
    (block type, value) tuples; every other key (fields, "action-submit"…) is posted as given."""
    streams = {
        field.name: field.stream_block
        for field in page_class._meta.get_fields()
        if hasattr(field, "stream_block")
    }
    return nested_form_data(
        {
            name: _block_form_value(streams[name], value) if name in streams else value
            for name, value in fields.items()
        }
    )
