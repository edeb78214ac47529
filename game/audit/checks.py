"""The accessibility checks run on one rendered screen.

Each check looks at what a child would meet: the text runs the draw log recorded, the canvas
behind that text, and the scene's focusables. Numbers come from /shared/ACCESSIBILITY.md.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pygame

from game.audit.drawlog import TextRun
from game.scenes.base import CANVAS
from game.ui.theme import contrast_ratio
from game.ui.widgets import Widget

TEXT_CONTRAST = 4.5
HIGH_CONTRAST_TEXT = 7.0
MIN_TARGET = 64
MIN_SPACING = 16
FOCUS_RING_REACH = 12
"""How far the focus indicator reaches outside its widget (draw_focus: inflate by 24)."""
TOLERANCE = 2
"""Pixels of touching that anti-aliasing may cause without counting as overlap."""


@dataclass(frozen=True)
class Finding:
    """One problem on one screen."""

    check: str
    message: str
    rects: tuple[tuple[int, int, int, int], ...] = field(default=(), compare=False)


def quote(text: str, limit: int = 40) -> str:
    """A short quotation of on-screen text for a report line."""
    flat = " ".join(text.split())
    return f"“{flat if len(flat) <= limit else flat[: limit - 1] + '…'}”"


def name_of(widget: Any) -> str:
    """How a report names a widget: its id and its words."""
    label = getattr(widget, "label", "") or ""
    return f"{widget.id} {quote(label, 24)}" if label else str(widget.id)


# Text ----------------------------------------------------------------------------------------
def text_layout(runs: Sequence[TextRun], widgets: Sequence[Widget]) -> list[Finding]:
    """Text that leaves the screen, spills out of its button, or overlaps text or buttons."""
    findings: list[Finding] = []
    for run in runs:
        glyphs = run.glyphs
        if not glyphs.width or not glyphs.height:
            continue
        if not CANVAS.contains(glyphs):
            findings.append(
                Finding("overflow", f"text leaves the screen: {quote(run.text)}", (tuple(glyphs),))
            )
        if run.clip is not None and not run.clip.contains(glyphs):
            findings.append(
                Finding(
                    "clipped",
                    f"text is cut off at the edge of its scrolling area: {quote(run.text)}",
                    (tuple(glyphs), tuple(run.clip)),
                )
            )
        owner = run.owner
        if isinstance(owner, Widget) and not owner.rect.inflate(2, 2).contains(glyphs):
            findings.append(
                Finding(
                    "clipped",
                    f"text does not fit inside {name_of(owner)}: {quote(run.text)}",
                    (tuple(glyphs), tuple(owner.rect)),
                )
            )
        for widget in widgets:
            if widget is owner:
                continue
            if _overlaps(glyphs, widget.rect):
                findings.append(
                    Finding(
                        "overlap",
                        f"text {quote(run.text)} runs into {name_of(widget)}",
                        (tuple(glyphs), tuple(widget.rect)),
                    )
                )
    for position, first in enumerate(runs):
        for second in runs[position + 1 :]:
            if first.text == second.text and first.rect == second.rect:
                continue
            if _overlaps(first.glyphs, second.glyphs):
                findings.append(
                    Finding(
                        "overlap",
                        f"text {quote(first.text)} overlaps {quote(second.text)}",
                        (tuple(first.glyphs), tuple(second.glyphs)),
                    )
                )
    return findings


def _overlaps(first: pygame.Rect, second: pygame.Rect) -> bool:
    shared = first.clip(second)
    return shared.width > TOLERANCE and shared.height > TOLERANCE


class ContrastMeter:
    """Measures text against the worst pixel behind it on a canvas drawn without text.

    "Behind" means under the letters or one pixel around them. Counting the colours there uses
    Pillow (which fpdf2 brings) when it is installed, and plain Python otherwise.
    """

    _KERNEL = pygame.mask.Mask((3, 3), fill=True)

    def __init__(self) -> None:
        self._ratios: dict[tuple[tuple[int, int, int], tuple[int, int, int]], float] = {}
        self._measured: dict[tuple[object, ...], tuple[float, tuple[int, int, int]]] = {}
        self._count_colours = _colour_counter()

    def worst(self, background: pygame.Surface, run: TextRun) -> tuple[float, tuple[int, int, int]]:
        """The lowest contrast between the text colour and a background pixel under or just
        around its letters, and that pixel's colour.

        The same words drawn at the same place over the same pixels (the bottom bar, on nearly
        every screen) are measured once: the average colour behind them tells it is the same.
        """
        rendered = run.rendered
        behind = run.glyphs.clip(background.get_rect())
        if not behind.width or not behind.height:
            return 21.0, (255, 255, 255)
        key = (
            rendered.text,
            rendered.role,
            rendered.colour,
            rendered.surface.get_size(),
            tuple(run.rect),
            tuple(pygame.transform.average_color(background, behind)),
        )
        known = self._measured.get(key)
        if known is None:
            known = self._measure(background, run)
            self._measured[key] = known
        return known

    def _measure(
        self, background: pygame.Surface, run: TextRun
    ) -> tuple[float, tuple[int, int, int]]:
        ink = pygame.mask.from_surface(run.rendered.surface, 60)
        if ink.count() == 0:
            return 21.0, (255, 255, 255)
        around = ink.convolve(self._KERNEL)
        region = pygame.Rect(run.rect.x - 1, run.rect.y - 1, *around.get_size())
        visible = region.clip(background.get_rect())
        if not visible.width or not visible.height:
            return 21.0, (255, 255, 255)
        behind = background.subsurface(visible).copy()
        holes = around.to_surface(setcolor=(0, 0, 0, 0), unsetcolor=(*_SENTINEL, 255))
        behind.blit(holes, (region.x - visible.x, region.y - visible.y))
        text = run.rendered.colour
        worst, worst_colour = 21.0, (255, 255, 255)
        for colour in self._count_colours(behind):
            if colour == _SENTINEL:
                continue
            ratio = self._ratios.get((text, colour))
            if ratio is None:
                ratio = contrast_ratio(text, colour)
                self._ratios[(text, colour)] = ratio
            if ratio < worst:
                worst, worst_colour = ratio, colour
        return worst, worst_colour


_SENTINEL = (1, 254, 3)
"""A colour no screen uses, marking pixels that are not behind any letter."""


def _colour_counter() -> Callable[[pygame.Surface], Iterable[tuple[int, int, int]]]:
    """The fastest way available to list the distinct colours of a surface."""
    try:
        from PIL import Image
    except ImportError:
        Image = None  # noqa: N806

    def with_pillow(surface: pygame.Surface) -> Iterable[tuple[int, int, int]]:
        width, height = surface.get_size()
        image = Image.frombytes("RGB", (width, height), pygame.image.tobytes(surface, "RGB"))
        return [colour for _, colour in image.getcolors(width * height)]

    def by_hand(surface: pygame.Surface) -> Iterable[tuple[int, int, int]]:
        values = set(array("I", pygame.image.tobytes(surface, "RGBX")))
        return [tuple(array("I", [value]).tobytes()[:3]) for value in values]

    return with_pillow if Image is not None else by_hand


def text_contrast(
    meter: ContrastMeter, background: pygame.Surface, runs: Iterable[TextRun], needed: float
) -> list[Finding]:
    """Every text run against its worst background pixel."""
    findings: list[Finding] = []
    for run in runs:
        ratio, colour = meter.worst(background, run)
        if ratio + 1e-9 < needed:
            findings.append(
                Finding(
                    "contrast",
                    f"text {quote(run.text)} has contrast {ratio:.2f}:1 against "
                    f"rgb{colour}, needs {needed:g}:1",
                    (tuple(run.glyphs),),
                )
            )
    return findings


# Targets and focus ---------------------------------------------------------------------------
def targets(focusables: Sequence[Widget]) -> list[Finding]:
    """Targets of at least 64x64 px, 16 px apart, with their focus ring fully on screen."""
    findings: list[Finding] = []
    for widget in focusables:
        rect = widget.rect
        if rect.width < MIN_TARGET or rect.height < MIN_TARGET:
            findings.append(
                Finding(
                    "target-size",
                    f"{name_of(widget)} is {rect.width}x{rect.height} px, needs "
                    f"{MIN_TARGET}x{MIN_TARGET}",
                    (tuple(rect),),
                )
            )
        if not CANVAS.contains(rect.inflate(2 * FOCUS_RING_REACH, 2 * FOCUS_RING_REACH)):
            findings.append(
                Finding(
                    "focus-visible",
                    f"the focus ring of {name_of(widget)} would be cut off by the screen edge",
                    (tuple(rect),),
                )
            )
    for position, first in enumerate(focusables):
        for second in focusables[position + 1 :]:
            gap = spacing(first.rect, second.rect)
            if gap < MIN_SPACING:
                what = "overlap" if gap < 0 else f"are {gap} px apart, need {MIN_SPACING}"
                findings.append(
                    Finding(
                        "target-spacing",
                        f"{name_of(first)} and {name_of(second)} {what}",
                        (tuple(first.rect), tuple(second.rect)),
                    )
                )
    return findings


def spacing(first: pygame.Rect, second: pygame.Rect) -> int:
    """The gap between two rectangles (negative when they overlap)."""
    horizontal = max(second.left - first.right, first.left - second.right)
    vertical = max(second.top - first.bottom, first.top - second.bottom)
    return max(horizontal, vertical)


def scan_order(widgets: Sequence[Widget], focusables: Sequence[Widget], rtl: bool) -> list[Finding]:
    """Every control can be reached by the scan (and by Tab), in reading order."""
    findings: list[Finding] = []
    ring = {id(item) for item in focusables}
    for widget in widgets:
        if widget.enabled and id(widget) not in ring:
            findings.append(
                Finding(
                    "scan-reach",
                    f"{name_of(widget)} cannot be reached by the scan or Tab",
                    (tuple(widget.rect),),
                )
            )
        if widget.enabled and not CANVAS.colliderect(widget.rect):
            findings.append(
                Finding("scan-reach", f"{name_of(widget)} is off the screen", (tuple(widget.rect),))
            )
        elif widget.enabled and getattr(widget, "pushed_on_screen", False):
            findings.append(
                Finding(
                    "scan-reach",
                    f"{name_of(widget)} is laid out off the screen (the game pulled it back)",
                    (tuple(widget.rect),),
                )
            )
    for before, after in zip(focusables, focusables[1:], strict=False):
        if comes_before(after.rect, before.rect, rtl):
            findings.append(
                Finding(
                    "reading-order",
                    f"focus goes from {name_of(before)} back to {name_of(after)}, against the "
                    f"reading order ({'right to left' if rtl else 'left to right'}, top down)",
                    (tuple(before.rect), tuple(after.rect)),
                )
            )
    return findings


def comes_before(first: pygame.Rect, second: pygame.Rect, rtl: bool) -> bool:
    """Whether `first` is read before `second`: a row higher up, or earlier in the same row."""
    shared = min(first.bottom, second.bottom) - max(first.top, second.top)
    same_row = shared >= min(first.height, second.height) // 2
    if not same_row:
        return first.centery < second.centery
    if rtl:
        return first.centerx > second.centerx + TOLERANCE
    return first.centerx < second.centerx - TOLERANCE


def narration(focusables: Sequence[Widget], spoken: Sequence[str]) -> list[Finding]:
    """Every control has words to read aloud, and so does the screen itself."""
    findings = [
        Finding(
            "narration",
            f"{widget.id} has no words to read aloud (its label is empty)",
            (tuple(widget.rect),),
        )
        for widget in focusables
        if not (widget.label or "").strip()
    ]
    if not any(line.strip() for line in spoken):
        findings.append(Finding("narration", "the screen has nothing to read aloud"))
    return findings
