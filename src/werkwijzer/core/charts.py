"""A small SVG chart builder: stacked areas, lines with bands, grouped bars, tornado.

Server-side, no JavaScript, no dependencies. Every chart is an `<svg role="img">` with a
`<title>` and `<desc>` (the text alternative); the page puts the data table beside it.
Labels arrive translated; numbers arrive with a formatter.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 640, 340
LEFT, RIGHT, TOP, BOTTOM = 104, 18, 16, 58
INK, MUTED, GRID = "#1b1f24", "#4a5360", "#d5dde1"
Format = Callable[[float], str]


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float]
    color: str
    low: Sequence[float] | None = None
    high: Sequence[float] | None = None
    dashed: bool = False


def wrap(text: str, width: int) -> list[str]:
    """Split text into lines of at most `width` characters, at spaces."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]."""
    if math.isclose(low, high):
        high = low + 1.0
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 0.001:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(ticks[-1] + step)
    return ticks


class _Frame:
    def __init__(self, x_low: float, x_high: float, y_low: float, y_high: float) -> None:
        self.x_low, self.x_high = x_low, x_high if x_high > x_low else x_low + 1
        self.y_low, self.y_high = y_low, y_high if y_high > y_low else y_low + 1
        self.width = WIDTH - LEFT - RIGHT
        self.height = HEIGHT - TOP - BOTTOM

    def x(self, value: float) -> float:
        return LEFT + (value - self.x_low) / (self.x_high - self.x_low) * self.width

    def y(self, value: float) -> float:
        return TOP + (1 - (value - self.y_low) / (self.y_high - self.y_low)) * self.height


def _open(chart_id: str, title: str, description: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="bc-chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="inherit" font-size="13">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]


def _text(x: float, y: float, text: str, anchor: str = "middle", **extra: str) -> str:
    attributes = "".join(f' {key.replace("_", "-")}="{value}"' for key, value in extra.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{INK}"{attributes}>'
        f"{escape(text)}</text>"
    )


def _y_axis(frame: _Frame, ticks: list[float], fmt: Format, label: str) -> list[str]:
    parts = []
    for tick in ticks:
        y = frame.y(tick)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
        )
        parts.append(_text(LEFT - 6, y + 4, fmt(tick), "end"))
    middle = TOP + frame.height / 2
    parts.append(_text(16, middle, label, "middle", transform=f"rotate(-90 16 {middle:.1f})"))
    return parts


def _x_axis(frame: _Frame, ticks: list[float], fmt: Format, label: str) -> list[str]:
    base = TOP + frame.height
    parts = [f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{base}" y2="{base}" stroke="{MUTED}"/>']
    for tick in ticks:
        x = frame.x(tick)
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{base}" y2="{base + 5}" stroke="{MUTED}"/>'
        )
        parts.append(_text(x, base + 19, fmt(tick)))
    parts.append(_text(LEFT + frame.width / 2, HEIGHT - 8, label))
    return parts


def _points(frame: _Frame, xs: Sequence[float], ys: Sequence[float]) -> str:
    return " ".join(f"{frame.x(x):.1f},{frame.y(y):.1f}" for x, y in zip(xs, ys, strict=True))


def stacked_area(
    chart_id: str,
    x: Sequence[float],
    series: Sequence[Series],
    *,
    title: str,
    description: str,
    x_label: str,
    y_label: str,
    x_format: Format,
    y_format: Format,
    x_ticks: Sequence[float] | None = None,
) -> str:
    """Areas stacked from the bottom in the order given."""
    totals = [sum(s.values[i] for s in series) for i in range(len(x))]
    y_ticks = nice_ticks(0, max(totals) if totals else 1)
    x_ticks = list(x_ticks or nice_ticks(x[0], x[-1], 5))
    frame = _Frame(x[0], max(x[-1], x_ticks[-1]), 0, y_ticks[-1])
    parts = _open(chart_id, title, description)
    parts += _y_axis(frame, y_ticks, y_format, y_label)
    below = [0.0] * len(x)
    for item in series:
        above = [b + v for b, v in zip(below, item.values, strict=True)]
        outline = _points(frame, x, above) + " " + _points(frame, x[::-1], below[::-1])
        parts.append(
            f'<polygon points="{outline}" fill="{item.color}" stroke="#fff" stroke-width="0.5"/>'
        )
        below = above
    parts += _x_axis(frame, x_ticks, x_format, x_label)
    parts.append("</svg>")
    return "".join(parts)


def line_chart(
    chart_id: str,
    x: Sequence[float],
    series: Sequence[Series],
    *,
    title: str,
    description: str,
    x_label: str,
    y_label: str,
    x_format: Format,
    y_format: Format,
    x_ticks: Sequence[float] | None = None,
) -> str:
    """Lines, each with an optional band (low/high) drawn lightly behind it."""
    values = [v for s in series for v in (*s.values, *(s.low or ()), *(s.high or ()))]
    y_ticks = nice_ticks(min(0.0, min(values)), max(values))
    x_ticks = list(x_ticks or nice_ticks(x[0], x[-1], 5))
    frame = _Frame(x[0], max(x[-1], x_ticks[-1]), y_ticks[0], y_ticks[-1])
    parts = _open(chart_id, title, description)
    parts += _y_axis(frame, y_ticks, y_format, y_label)
    for item in series:
        if item.low is not None and item.high is not None:
            outline = _points(frame, x, item.high) + " " + _points(frame, x[::-1], item.low[::-1])
            parts.append(f'<polygon points="{outline}" fill="{item.color}" fill-opacity="0.18"/>')
    if y_ticks[0] < 0:
        zero = frame.y(0)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{zero:.1f}" y2="{zero:.1f}" stroke="{INK}"/>'
        )
    for item in series:
        dash = ' stroke-dasharray="6 4"' if item.dashed else ""
        parts.append(
            f'<polyline points="{_points(frame, x, item.values)}" fill="none" '
            f'stroke="{item.color}" stroke-width="2.5"{dash}/>'
        )
    parts += _x_axis(frame, x_ticks, x_format, x_label)
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(
    chart_id: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    description: str,
    y_label: str,
    y_format: Format,
) -> str:
    """Grouped vertical bars; negative values hang below the zero line."""
    values = [v for s in series for v in s.values] or [0.0]
    y_ticks = nice_ticks(min(0.0, min(values)), max(0.0, max(values)))
    frame = _Frame(0, len(categories), y_ticks[0], y_ticks[-1])
    parts = _open(chart_id, title, description)
    parts += _y_axis(frame, y_ticks, y_format, y_label)
    group = frame.width / max(len(categories), 1)
    bar = group * 0.8 / max(len(series), 1)
    zero = frame.y(0)
    for c, category in enumerate(categories):
        for s, item in enumerate(series):
            value = item.values[c]
            x = LEFT + c * group + group * 0.1 + s * bar
            top, bottom = sorted((frame.y(value), zero))
            parts.append(
                f'<rect x="{x:.1f}" y="{top:.1f}" width="{bar - 2:.1f}" '
                f'height="{max(bottom - top, 0.5):.1f}" fill="{item.color}"/>'
            )
        middle = LEFT + c * group + group / 2
        for line, text in enumerate(wrap(category, max(int(group / 7.5), 6))[:3]):
            parts.append(_text(middle, TOP + frame.height + 16 + 13 * line, text, font_size="12"))
    parts.append(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{zero:.1f}" y2="{zero:.1f}" stroke="{INK}"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class Bar:
    label: str
    low: float
    high: float
    low_note: str
    high_note: str


def tornado(
    chart_id: str,
    base: float,
    bars: Sequence[Bar],
    *,
    title: str,
    description: str,
    x_label: str,
    x_format: Format,
    low_color: str = "#00596b",
    high_color: str = "#8a2c5f",
) -> str:
    """Horizontal bars from the base case to the result at each end of a range."""
    row, label_width = 30, 300
    height = TOP + row * len(bars) + 60
    values = [base] + [v for b in bars for v in (b.low, b.high)]
    ticks = nice_ticks(min(values), max(values), 4)
    left = label_width
    width = WIDTH - left - RIGHT - 30

    def x(value: float) -> float:
        return left + (value - ticks[0]) / (ticks[-1] - ticks[0]) * width

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" class="bc-chart" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="inherit" '
        f'font-size="12">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    bottom = TOP + row * len(bars)
    for tick in ticks:
        parts.append(
            f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{TOP}" y2="{bottom}" stroke="{GRID}"/>'
        )
        parts.append(_text(x(tick), bottom + 18, x_format(tick)))
    for index, item in enumerate(bars):
        y = TOP + index * row
        label = item.label if len(item.label) <= 46 else item.label[:44] + "…"
        parts.append(_text(left - 8, y + row / 2 + 4, label, "end"))
        for value, color in ((item.low, low_color), (item.high, high_color)):
            start, end = sorted((x(base), x(value)))
            parts.append(
                f'<rect x="{start:.1f}" y="{y + 5}" width="{max(end - start, 1):.1f}" '
                f'height="{row - 10}" fill="{color}"/>'
            )
    parts.append(
        f'<line x1="{x(base):.1f}" x2="{x(base):.1f}" y1="{TOP - 4}" y2="{bottom}" '
        f'stroke="{INK}" stroke-width="2"/>'
    )
    parts.append(_text(left + width / 2, height - 10, x_label))
    parts.append("</svg>")
    return "".join(parts)
