"""Bar charts as plain geometry, drawn as SVG by templates/reporting/includes/bar_chart.html.

Server-rendered, no JavaScript and no chart library: a chart is a handful of rectangles and
labels whose coordinates are computed here, in a fixed viewBox the browser scales to the screen.
The SVG is an image with a title and a description; the same numbers are always in a table next
to it, which is what screen readers and printouts rely on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from elus2.quizzes.statistics import Bucket

from .selectors import ModuleStep


@dataclass(frozen=True)
class Bar:
    name: str  # in the description: what the bar stands for
    label: str  # drawn on the axis
    value_text: str  # drawn at the end of the bar
    x: float
    y: float
    width: float
    height: float
    label_x: float
    label_y: float
    value_x: float
    value_y: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    horizontal: bool
    baseline: tuple[float, float, float, float]  # x1, y1, x2, y2 of the axis line


# Horizontal bars (the funnel): one row per module, the bar's length is its percent.
ROW_HEIGHT, ROW_GAP, LABEL_WIDTH, TRACK_WIDTH, VALUE_WIDTH = 28, 12, 48, 400, 112


def funnel_chart(steps: Sequence[ModuleStep]) -> Chart:
    bars = []
    for index, step in enumerate(steps):
        y = ROW_GAP + index * (ROW_HEIGHT + ROW_GAP)
        length = TRACK_WIDTH * step.percent / 100
        bars.append(
            Bar(
                name=f"M{step.position} {step.title}",
                label=f"M{step.position}",
                value_text=f"{step.percent} % ({step.completed})",
                x=LABEL_WIDTH,
                y=y,
                width=round(length, 1),
                height=ROW_HEIGHT,
                label_x=LABEL_WIDTH - 8,
                label_y=y + ROW_HEIGHT / 2,
                value_x=round(LABEL_WIDTH + length + 8, 1),
                value_y=y + ROW_HEIGHT / 2,
            )
        )
    height = ROW_GAP + len(steps) * (ROW_HEIGHT + ROW_GAP)
    return Chart(
        width=LABEL_WIDTH + TRACK_WIDTH + VALUE_WIDTH,
        height=height,
        bars=tuple(bars),
        horizontal=True,
        baseline=(LABEL_WIDTH, 0, LABEL_WIDTH, height),
    )


# Vertical bars (the score distribution): one column per 10-point bucket, height by count.
COLUMN_WIDTH, COLUMN_GAP, PLOT_HEIGHT, TOP_MARGIN, AXIS_LABELS = 44, 12, 180, 24, 28


def distribution_chart(buckets: Sequence[Bucket]) -> Chart:
    highest = max((bucket.count for bucket in buckets), default=0) or 1
    bars = []
    for index, bucket in enumerate(buckets):
        x = COLUMN_GAP + index * (COLUMN_WIDTH + COLUMN_GAP)
        height = PLOT_HEIGHT * bucket.count / highest
        top = TOP_MARGIN + PLOT_HEIGHT - height
        bars.append(
            Bar(
                name=f"{bucket.label} %",
                label=str(bucket.low),
                value_text=str(bucket.count),
                x=x,
                y=round(top, 1),
                width=COLUMN_WIDTH,
                height=round(height, 1),
                label_x=x + COLUMN_WIDTH / 2,
                label_y=TOP_MARGIN + PLOT_HEIGHT + 18,
                value_x=x + COLUMN_WIDTH / 2,
                value_y=round(top - 6, 1),
            )
        )
    width = COLUMN_GAP + len(buckets) * (COLUMN_WIDTH + COLUMN_GAP)
    axis_y = TOP_MARGIN + PLOT_HEIGHT
    return Chart(
        width=width,
        height=axis_y + AXIS_LABELS,
        bars=tuple(bars),
        horizontal=False,
        baseline=(0, axis_y, width, axis_y),
    )
