"""Bar charts as inline SVG: every bar also carries its number in words, and done and safe
bars differ in pattern as well as colour."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from game.reports.model import ClassReport, TopicBar

INK = "#1d2b3a"
DONE = "#235fa0"
SAFE = "#27784c"
TRACK = "#f3efe6"


def topic_chart(report: ClassReport, kind: str) -> str:
    """An SVG chart with one horizontal bar per topic.

    Args:
        kind: "done" for levels done, "safe" for the share of safe choices.
    """
    words = report.words
    bars: Sequence[TopicBar] = report.topics
    label_width, bar_width, row, top = 220, 300, 34, 8
    width = label_width + bar_width + 260
    height = top * 2 + row * max(1, len(bars))
    title = words["done-chart"] if kind == "done" else words["safe-chart"]
    parts = [
        f'<svg role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="Noto Sans, Arial, sans-serif" '
        f'font-size="15">',
        f"<title>{escape(title)}</title>",
    ]
    for index, bar in enumerate(bars):
        y = top + index * row
        share, text = report.bar_words(bar, kind)
        fill = SAFE if kind == "safe" else DONE
        filled = round(bar_width * max(0.0, min(1.0, share)))
        parts += [
            f'<text x="0" y="{y + 21}" fill="{INK}">{escape(bar.name)}</text>',
            f'<rect x="{label_width}" y="{y + 6}" width="{bar_width}" height="20" rx="4" '
            f'fill="{TRACK}" stroke="{INK}" stroke-width="1.5"/>',
            f'<rect x="{label_width}" y="{y + 6}" width="{filled}" height="20" rx="4" '
            f'fill="{fill}"/>'
            if filled
            else "",
            _stripes(label_width, y + 6, filled, 20) if kind == "safe" and filled else "",
            f'<text x="{label_width + bar_width + 12}" y="{y + 21}" fill="{INK}">'
            f"{escape(text)}</text>",
        ]
    parts.append("</svg>")
    return "".join(part for part in parts if part)


def _stripes(x: int, y: int, width: int, height: int) -> str:
    """White diagonal lines over a filled bar, so safe bars differ from done bars by more than
    colour (lines, which every SVG renderer and printer shows)."""
    lines = []
    for offset in range(0, width, 8):
        right = min(width, offset + 10)
        lines.append(
            f'<line x1="{x + offset}" y1="{y + height}" x2="{x + right}" y2="{y}" '
            'stroke="#ffffff" stroke-width="2" stroke-opacity="0.6"/>'
        )
    return "".join(lines)
