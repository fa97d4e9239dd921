"""The flow chart ("stroomschema") of one group as an accessible SVG.

Pure Python, no Django. Boxes top to bottom, one per step, joined by arrows; who to
refer to stands in the box under the step. The SVG is `role="img"` with a title and a
description; the page shows the same steps as an ordered list beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from werkwijzer.core.charts import wrap

WIDTH = 420
BOX_WIDTH = 380
LINE_HEIGHT = 18
PADDING = 12
GAP = 34
CHARS_PER_LINE = 44
INK, BORDER, FILL, REFER_INK = "#1b1f24", "#00596b", "#eef6f7", "#4a2b63"


@dataclass(frozen=True)
class Box:
    text: str
    refer: str = ""  # "Refer to: ..." already translated, or empty


def _box_lines(box: Box) -> list[tuple[str, bool]]:
    lines = [(line, False) for line in wrap(box.text, CHARS_PER_LINE)]
    if box.refer:
        lines += [(line, True) for line in wrap(box.refer, CHARS_PER_LINE)]
    return lines


def flow_chart(chart_id: str, boxes: Sequence[Box], *, title: str, description: str) -> str:
    """An SVG of numbered boxes joined by downward arrows."""
    left = (WIDTH - BOX_WIDTH) / 2
    parts: list[str] = []
    y = 8.0
    for number, box in enumerate(boxes, start=1):
        lines = _box_lines(box)
        height = PADDING * 2 + LINE_HEIGHT * len(lines)
        parts.append(
            f'<rect x="{left}" y="{y:.0f}" width="{BOX_WIDTH}" height="{height}" rx="8" '
            f'fill="{FILL}" stroke="{BORDER}" stroke-width="2"/>'
        )
        parts.append(
            f'<circle cx="{left}" cy="{y:.0f}" r="12" fill="{BORDER}"/>'
            f'<text x="{left}" y="{y + 5:.0f}" text-anchor="middle" fill="#ffffff" '
            f'font-weight="700">{number}</text>'
        )
        for index, (line, is_refer) in enumerate(lines):
            colour = REFER_INK if is_refer else INK
            weight = ' font-style="italic"' if is_refer else ""
            parts.append(
                f'<text x="{left + PADDING + 6}" y="{y + PADDING + 13 + index * LINE_HEIGHT:.0f}" '
                f'fill="{colour}"{weight}>{escape(line)}</text>'
            )
        y += height
        if number < len(boxes):
            middle = WIDTH / 2
            parts.append(
                f'<line x1="{middle}" x2="{middle}" y1="{y:.0f}" y2="{y + GAP - 8:.0f}" '
                f'stroke="{BORDER}" stroke-width="2"/>'
                f'<polygon points="{middle - 6},{y + GAP - 10:.0f} {middle + 6},{y + GAP - 10:.0f} '
                f'{middle},{y + GAP - 1:.0f}" fill="{BORDER}"/>'
            )
            y += GAP
    height = y + 8
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'class="screening-flow" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="inherit" font-size="14">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>' + "".join(parts) + "</svg>"
    )
