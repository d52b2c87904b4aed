"""The trainers' editor guide (« Guide de rédaction »): our lesson and quiz blocks as the admin
shows them, read from their definitions in blocks.py so the guide cannot drift from the editor.

The page itself (courses/wagtail_hooks.py) adds the written part: how a lesson is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail import blocks as wagtail_blocks

from .blocks import LessonBodyBlock, QuizBlock
from .models import CompletionRule, LessonPage


@dataclass(frozen=True)
class GuideField:
    label: str
    help_text: str
    required: bool | None  # None: a group of fields, neither required nor optional itself
    minimum: int | None = None  # a list's fewest items
    fields: list[GuideField] = field(default_factory=list)  # a list's or group's own fields


@dataclass(frozen=True)
class GuideBlock:
    name: str
    label: str
    help_text: str
    icon: str
    fields: list[GuideField]


def _fields_of(block) -> list[GuideField]:
    if isinstance(block, wagtail_blocks.ListBlock):
        block = block.child_block
    if not isinstance(block, wagtail_blocks.StructBlock):
        return []
    return [_field(child) for child in block.child_blocks.values()]


def _help_text(block) -> str:
    # A field block keeps its help text on its form field; a structured block on its meta.
    text = getattr(block.meta, "help_text", None) or getattr(
        getattr(block, "field", None), "help_text", ""
    )
    return str(text or "")


def _field(block) -> GuideField:
    nested = _fields_of(block) if isinstance(block, wagtail_blocks.ListBlock) else []
    if isinstance(block, wagtail_blocks.StructBlock):
        nested = _fields_of(block)
    return GuideField(
        label=str(block.label),
        help_text=_help_text(block),
        required=block.required if hasattr(block, "field") else None,
        minimum=getattr(block.meta, "min_num", None)
        if isinstance(block, wagtail_blocks.ListBlock)
        else None,
        fields=nested,
    )


def guide_blocks(stream_block: wagtail_blocks.StreamBlock) -> list[GuideBlock]:
    """Each block a trainer can add to this stream, in the order the block picker lists them."""
    return [
        GuideBlock(
            name=name,
            label=str(block.label),
            help_text=_help_text(block),
            icon=block.meta.icon,
            fields=_fields_of(block),
        )
        for name, block in stream_block.child_blocks.items()
    ]


def editor_guide() -> dict:
    """What the guide page shows, from the models and blocks themselves."""
    lesson_fields = {
        name: LessonPage._meta.get_field(name)
        for name in ("estimated_minutes", "objectives", "completion_rule", "quiz")
    }
    return {
        "lesson_blocks": guide_blocks(LessonBodyBlock()),
        "quiz_blocks": guide_blocks(QuizBlock()),
        "lesson_fields": {
            name: {"label": str(model_field.verbose_name), "help_text": str(model_field.help_text)}
            for name, model_field in lesson_fields.items()
        },
        "completion_rules": CompletionRule.choices,
    }
