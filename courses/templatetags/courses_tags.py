"""Small presentation helpers for course blocks."""

from __future__ import annotations

from django import template

from courses.blocks import REPLY_TONES, RESULT_TONES

NETWORK_LABELS = {
    "x": "X",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "linkedin": "LinkedIn",
}

register = template.Library()


@register.filter
def tone_label(value: str) -> str:
    return str(dict(REPLY_TONES).get(value, value))


@register.filter
def result_tone_label(value: str) -> str:
    return str(dict(RESULT_TONES).get(value, value))


@register.filter
def shuffled_by_id(items) -> list:
    """A stable mix of ordering items: sorted by their random ids, so never the answer order."""
    return sorted(items, key=lambda item: item.id or "")


@register.filter
def rank_choices(items) -> range:
    return range(1, len(items) + 1)


@register.filter
def network_label(value: str) -> str:
    """The network's own spelling: "X", "Facebook", "Instagram", "LinkedIn"."""
    return NETWORK_LABELS.get(value, value)
