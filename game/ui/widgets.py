"""Focusable widgets drawn by the game itself, so focus, scan and contrast are ours to control."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.context import Context

PADDING = 16
MIN_TARGET = 72
"""Every target is at least 64x64 px on the canvas; we keep a margin above that."""
GAP = 20
"""Space between targets: at least 16 px."""
RADIUS = 18
FACE_KEY = (255, 0, 255)
"""The see-through colour of a cached button face (no theme or art uses it)."""


@dataclass(eq=False)
class Widget:
    """A rectangle the player can focus and press."""

    id: str
    rect: pygame.Rect
    label: str
    on_select: Callable[[], None] | None = None
    enabled: bool = True
    pushed_on_screen: bool = False
    """Set when the scene's layout put the widget off the canvas and the safety net moved it."""

    def activate(self) -> None:
        """Do what pressing this widget does."""
        if self.on_select is not None:
            self.on_select()

    def draw(self, surface: pygame.Surface, ctx: Context, focused: bool) -> None:
        """Draw the widget (its focus indicator is drawn by the scene)."""


@dataclass(eq=False)
class Button(Widget):
    """A labelled button, optionally with an icon on its leading side."""

    text: str = ""
    icon: str | None = None
    style: str = "normal"
    align: str = "center"
    selected: bool = False
    _face: tuple[tuple[object, ...], pygame.Surface] | None = field(
        default=None, init=False, repr=False
    )

    def draw(self, surface: pygame.Surface, ctx: Context, focused: bool) -> None:
        theme = ctx.theme
        fill, ink, edge = theme.button, theme.button_ink, theme.button_edge
        if self.style == "primary" or self.selected:
            fill, ink, edge = theme.primary, theme.primary_ink, theme.primary
        elif self.style in ("safe", "unsafe", "neutral"):
            fill = getattr(theme, self.style)
            ink, edge = theme.feedback_ink, fill
        parts: list[tuple[pygame.Surface, tuple[int, int]]] = []
        icon_size = min(self.rect.height - 2 * PADDING, ctx.text.size("button") + 12)
        text_left = self.rect.left + PADDING
        text_width = self.rect.width - 2 * PADDING
        rtl = ctx.i18n.rtl
        if self.icon:
            icon = ctx.art.image("icons", self.icon, (icon_size, icon_size), tint=ink)
            if rtl and self.icon in ("back", "next"):  # arrows point the way text reads
                icon = pygame.transform.flip(icon, True, False)
            icon_x = self.rect.right - PADDING - icon_size if rtl else self.rect.left + PADDING
            parts.append((icon, (icon_x, self.rect.centery - icon_size // 2)))
            text_width -= icon_size + PADDING // 2
            if not rtl:
                text_left += icon_size + PADDING // 2
        if self.text:
            align = self.align
            if rtl and align == "left":
                align = "right"
            rendered = ctx.text.render(self.text, "button", ink, text_width, align)
            parts.append((rendered, (text_left, self.rect.centery - rendered.get_height() // 2)))
        inside = all(self.rect.contains(part.get_rect(topleft=at)) for part, at in parts)
        if type(surface) is pygame.Surface and inside:
            # The icon is known by what it shows (an RTL arrow is flipped afresh each frame),
            # the text by its surface, which the text service keeps while it is shown.
            look = (
                self.icon,
                icon_size,
                ink,
                rtl,
                *(part for part, _ in parts[1 if self.icon else 0 :]),
            )
            surface.blit(self._cached_face(surface, fill, edge, parts, look), self.rect)
            return
        # Drawn piece by piece: text spilling out, or a canvas that records each blit (audit).
        pygame.draw.rect(surface, fill, self.rect, border_radius=RADIUS)
        pygame.draw.rect(surface, edge, self.rect, width=3, border_radius=RADIUS)
        for part, at in parts:
            surface.blit(part, at)

    def _cached_face(
        self,
        surface: pygame.Surface,
        fill: tuple[int, int, int],
        edge: tuple[int, int, int],
        parts: list[tuple[pygame.Surface, tuple[int, int]]],
        look: tuple[object, ...],
    ) -> pygame.Surface:
        """The button drawn once on its own surface and reused until its look changes.

        The corners are see-through by a run-length encoded colour key: one such blit costs a
        fraction of drawing the rounded rectangle, icon and text again every frame.
        """
        x, y = self.rect.topleft
        offsets = tuple((px - x, py - y) for _, (px, py) in parts)
        key = (self.rect.size, fill, edge, look, offsets)
        if self._face is None or self._face[0] != key:
            face = pygame.Surface(self.rect.size, 0, surface)
            face.fill(FACE_KEY)
            face.set_colorkey(FACE_KEY, pygame.RLEACCEL)
            area = face.get_rect()
            pygame.draw.rect(face, fill, area, border_radius=RADIUS)
            pygame.draw.rect(face, edge, area, width=3, border_radius=RADIUS)
            for (part, _), at in zip(parts, offsets, strict=True):
                face.blit(part, at)
            self._face = (key, face)
        return self._face[1]


@dataclass(eq=False)
class Tile(Widget):
    """A picture with a caption below it: an avatar, a band, a level card."""

    image: pygame.Surface | None = None
    caption: str = ""
    detail: str = ""
    badge_icon: str | None = None
    marks: list[str] = field(default_factory=list)
    """Small icons drawn in the top corner, e.g. stars or a check for a finished level."""
    dimmed: bool = False
    horizontal: bool = False
    """Picture on the leading side and words beside it, for short wide cards (the map)."""

    def draw(self, surface: pygame.Surface, ctx: Context, focused: bool) -> None:
        theme = ctx.theme
        pygame.draw.rect(surface, theme.panel, self.rect, border_radius=RADIUS)
        pygame.draw.rect(surface, theme.panel_edge, self.rect, width=3, border_radius=RADIUS)
        if self.horizontal:
            self._draw_beside(surface, ctx)
        else:
            self._draw_below(surface, ctx)
        mark_size = 36
        rtl = ctx.i18n.rtl
        x = self.rect.left + PADDING if rtl else self.rect.right - PADDING - mark_size
        mark_y = self.rect.bottom - 10 - mark_size if self.horizontal else self.rect.top + 10
        for mark in reversed(self.marks):
            icon = ctx.art.image("icons", mark, (mark_size, mark_size), tint=theme.ink)
            surface.blit(icon, (x, mark_y))
            x += mark_size + 4 if rtl else -(mark_size + 4)
        if self.dimmed:
            veil = pygame.Surface(self.rect.size, pygame.SRCALPHA)
            veil.fill((*theme.background, 110))
            surface.blit(veil, self.rect)

    def _texts(self, ctx: Context, width: int, align: str) -> list[pygame.Surface]:
        theme = ctx.theme
        return [
            ctx.text.render(text, role, colour, width, align)
            for text, role, colour in (
                (self.caption, "button", theme.ink),
                (self.detail, "small", theme.soft_ink),
            )
            if text
        ]

    def _draw_beside(self, surface: pygame.Surface, ctx: Context) -> None:
        rtl = ctx.i18n.rtl
        image_width = self.image.get_width() + PADDING if self.image is not None else 0
        marks_width = len(self.marks) * 40
        width = self.rect.width - 2 * PADDING - image_width
        align = "right" if rtl else "left"
        theme = ctx.theme
        # The marks sit at the bottom corner beside the short detail line, not the caption.
        texts = (
            [ctx.text.render(self.caption, "button", theme.ink, width, align)]
            if self.caption
            else []
        )
        marks_row = 0
        if self.detail:
            beside = width - marks_width
            if self.marks and ctx.text.measure(self.detail, "small")[0] > beside:
                # Too long to sit beside the marks: the words take the full width, the marks a
                # row of their own below them.
                beside, marks_row = width, 40
            texts.append(ctx.text.render(self.detail, "small", theme.soft_ink, beside, align))
        if self.image is not None:
            x = self.rect.left + PADDING
            if rtl:
                x = self.rect.right - PADDING - self.image.get_width()
            surface.blit(self.image, (x, self.rect.centery - self.image.get_height() // 2))
        content = sum(text.get_height() + 4 for text in texts)
        y = self.rect.top + max(PADDING, (self.rect.height - content - 2 * marks_row) // 2)
        x = self.rect.left + PADDING + (0 if rtl else image_width)
        for number, rendered in enumerate(texts):
            beside_marks = number == len(texts) - 1 and self.detail and not marks_row
            shift = marks_width if rtl and beside_marks else 0
            surface.blit(rendered, (x + shift, y))
            y += rendered.get_height() + 4

    def _draw_below(self, surface: pygame.Surface, ctx: Context) -> None:
        theme = ctx.theme
        width = self.rect.width - 2 * PADDING
        texts = [
            ctx.text.render(text, role, colour, width, "center")
            for text, role, colour in (
                (self.caption, "button", theme.ink),
                (self.detail, "small", theme.soft_ink),
            )
            if text
        ]
        content = sum(text.get_height() + 4 for text in texts)
        if self.image is not None:
            content += self.image.get_height() + PADDING // 2
        # The picture and words sit in the middle of the card, whatever its height.
        y = self.rect.top + max(PADDING, (self.rect.height - content) // 2)
        if self.image is not None:
            image_rect = self.image.get_rect(midtop=(self.rect.centerx, y))
            surface.blit(self.image, image_rect)
            y = image_rect.bottom + PADDING // 2
        for rendered in texts:
            surface.blit(rendered, (self.rect.left + PADDING, y))
            y += rendered.get_height() + 4


def draw_focus(surface: pygame.Surface, rect: pygame.Rect, ctx: Context) -> None:
    """The focus indicator: two 5 px rings, dark outside and bright inside, so it shows on any
    background with at least 3:1 contrast change."""
    theme = ctx.theme
    pygame.draw.rect(
        surface, theme.focus_inner, rect.inflate(14, 14), width=5, border_radius=RADIUS + 6
    )
    pygame.draw.rect(
        surface, theme.focus_outer, rect.inflate(24, 24), width=5, border_radius=RADIUS + 10
    )


def draw_panel(surface: pygame.Surface, rect: pygame.Rect, ctx: Context) -> None:
    """A calm panel behind text, so text contrast never depends on the background art."""
    theme = ctx.theme
    pygame.draw.rect(surface, theme.panel, rect, border_radius=RADIUS + 6)
    pygame.draw.rect(surface, theme.panel_edge, rect, width=3, border_radius=RADIUS + 6)


def button_height(ctx: Context, text: str, width: int, icon: bool = False) -> int:
    """The height a button needs for its wrapped text at the current text scale."""
    text_width = width - 2 * PADDING
    if icon:
        text_width -= ctx.text.size("button") + 12 + PADDING // 2
    height = ctx.text.block_height(text, "button", max(40, text_width)) + 2 * PADDING
    return max(MIN_TARGET, height)


def button_width(ctx: Context, text: str, icon: bool = False) -> int:
    """The width a one-line button needs."""
    width = ctx.text.measure(text, "button")[0] + 2 * PADDING + 8
    if icon:
        width += ctx.text.size("button") + 12 + PADDING // 2
    return max(MIN_TARGET, width)


def icon_button_width(ctx: Context) -> int:
    """The width of a button that shows only its icon (its words are still its spoken name)."""
    return max(MIN_TARGET, ctx.text.size("button") + 12 + 2 * PADDING)


def beside_tile_height(
    ctx: Context, width: int, image: int, captions: list[tuple[str, str]], marks: int = 4
) -> int:
    """The height of side-by-side tiles of `width` that fits the tallest of their (caption,
    detail) texts next to a picture `image` px wide, with room for `marks` small icons."""
    text_width = max(40, width - 3 * PADDING - image)
    tallest = 0
    for caption, detail in captions:
        height = ctx.text.block_height(caption, "button", text_width) + 4
        if detail and marks and ctx.text.measure(detail, "small")[0] > text_width - marks * 40:
            # As drawn: the detail takes the full width and the marks a row below it.
            height += ctx.text.block_height(detail, "small", text_width) + 4 + 40
        elif detail:
            height += ctx.text.block_height(detail, "small", max(40, text_width - marks * 40)) + 4
        tallest = max(tallest, height)
    return max(image, tallest) + 2 * PADDING
