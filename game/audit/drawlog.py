"""A record of the text drawn on screen: what, in which role and colour, by whom, and where.

The text service reports every block it renders to the log attached to it (`TextService.log`);
scenes say whose text it is (`mark`); a `RecordingCanvas` notes where each block lands. The
audit checks those runs (overflow, overlap, contrast), and the narrator reads a scene's own
text aloud from the same record, so no scene has to list its text twice.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Any

import pygame

Colour = tuple[int, int, int]


@dataclass
class Rendered:
    """One block of text the text service rendered."""

    text: str
    role: str
    colour: Colour
    scene: Any
    owner: Any
    """The widget that drew it, or a layer name: "title" or "content"."""
    surface: pygame.Surface
    """The real rendered text (also when the log hid it from the canvas)."""
    shown: pygame.Surface | None = None
    """What was handed out to draw instead: the same surface, or a blank of its size."""


@dataclass
class TextRun:
    """A block of text placed on the canvas."""

    rendered: Rendered
    rect: pygame.Rect
    """Where the block's surface went, not clipped to the canvas."""
    glyphs: pygame.Rect
    """The tight box around the inked pixels."""
    clip: pygame.Rect | None = None
    """The canvas's clipping area when it was drawn, if one was set (a scrolling list)."""

    @property
    def text(self) -> str:
        return self.rendered.text

    @property
    def owner(self) -> Any:
        return self.rendered.owner

    @property
    def scene(self) -> Any:
        return self.rendered.scene


@dataclass
class DrawLog:
    """Collects the text of one frame. `hide_text` draws blanks instead, so the canvas then
    holds exactly what is behind the text (for contrast against the worst background pixel)."""

    hide_text: bool = False
    scene: Any = None
    owner: Any = "content"
    rendered: list[Rendered] = field(default_factory=list)
    runs: list[TextRun] = field(default_factory=list)
    _by_surface: dict[int, Rendered] = field(default_factory=dict)
    _inks: weakref.WeakKeyDictionary[pygame.Surface, pygame.Rect] = field(
        default_factory=weakref.WeakKeyDictionary
    )

    def clear(self) -> None:
        """Forget the last frame."""
        self.rendered.clear()
        self.runs.clear()
        self._by_surface.clear()
        self.scene, self.owner = None, "content"

    def mark(self, scene: Any, owner: Any) -> None:
        """Say who draws the text that follows."""
        self.scene, self.owner = scene, owner

    def text_rendered(
        self, surface: pygame.Surface, text: str, role: str, colour: Colour
    ) -> pygame.Surface:
        """Called by the text service for every block; returns the surface to draw."""
        shown = surface
        if self.hide_text:
            shown = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        entry = Rendered(text, role, tuple(colour[:3]), self.scene, self.owner, surface, shown)
        self.rendered.append(entry)
        self._by_surface[id(shown)] = entry
        return shown

    def blitted(self, source: pygame.Surface, dest: Any, clip: pygame.Rect | None = None) -> None:
        """Called by a recording canvas for every blit: note it if it is text."""
        entry = self._by_surface.get(id(source))
        if entry is None:
            return
        rect = pygame.Rect((int(dest[0]), int(dest[1])), source.get_size())
        ink = self._ink(entry.surface)
        glyphs = (
            ink.move(rect.topleft)
            if ink.width and ink.height
            else pygame.Rect(rect.topleft, (0, 0))
        )
        self.runs.append(TextRun(entry, rect, glyphs, clip))

    def _ink(self, surface: pygame.Surface) -> pygame.Rect:
        """The inked part of a text surface; remembered, as the text service reuses them."""
        ink = self._inks.get(surface)
        if ink is None:
            ink = surface.get_bounding_rect()
            self._inks[surface] = ink
        return ink

    def texts(self, scene: Any, owners: tuple[Any, ...] = ("title", "content")) -> list[str]:
        """The text a scene drew itself (not its widgets' labels), in drawing order."""
        seen: list[str] = []
        for entry in self.rendered:
            if entry.scene is scene and entry.owner in owners and entry.text.strip():
                if entry.text not in seen:
                    seen.append(entry.text)
        return seen


class RecordingCanvas(pygame.Surface):
    """An off-screen canvas that tells a draw log where every blit lands."""

    def __init__(self, size: tuple[int, int], log: DrawLog) -> None:
        super().__init__(size)
        self.log = log

    def blit(  # type: ignore[override]
        self,
        source: pygame.Surface,
        dest: Any = (0, 0),
        area: Any = None,
        special_flags: int = 0,
    ) -> pygame.Rect:
        placed = super().blit(source, dest, area, special_flags)
        if area is None:
            clip = self.get_clip()
            self.log.blitted(source, dest, None if clip == self.get_rect() else clip)
        return placed
