"""Typing into a pygame_gui text field on one of our scenes: the keyboard belongs to the field
while it is being edited, and everything else stays with the scene's focus ring."""

from __future__ import annotations

from typing import Any

import pygame

TYPING_EVENTS = (pygame.KEYDOWN, pygame.KEYUP, pygame.TEXTINPUT, pygame.TEXTEDITING)


class EditsText:
    """Mixin for a Scene with one text field. The scene sets `gui` (a pygame_gui manager),
    `entry` (its UITextEntryLine, or None before it is built), `editing`, `typed` (the text
    kept while the field is rebuilt) and `_swallow` (a key whose release must be ignored), and
    handles its own Enter / Tab / Escape before calling `type_into_entry`."""

    gui: Any
    entry: Any
    editing: bool
    typed: str
    dirty: bool
    ctx: Any
    _swallow: int | None

    def start_editing(self) -> None:
        """Give the keyboard to the field."""
        if self.entry is None:
            return
        self.editing = True
        self.entry.focus()
        self.dirty = True

    def stop_editing(self) -> None:
        """Take the keyboard back, keeping what was typed."""
        if self.entry is not None:
            self.entry.unfocus()
            self.typed = self.entry.get_text()
        self.editing = False
        self.dirty = True

    def swallowed(self, event: pygame.event.Event) -> bool:
        """Whether `event` is the release of the key that ended editing (it must not press the
        button that has the focus now)."""
        if self._swallow is not None and event.type == pygame.KEYUP and event.key == self._swallow:
            self._swallow = None
            return True
        return False

    def type_into_entry(self, event: pygame.event.Event) -> bool:
        """Pass an event to the field while editing; a click elsewhere ends editing."""
        if event.type in (pygame.MOUSEBUTTONUP, pygame.MOUSEBUTTONDOWN) and self.entry is not None:
            if not self.entry.rect.collidepoint(event.pos):
                self.stop_editing()
                return False
        before = self.entry.get_text() if self.entry is not None else ""
        try:
            self.gui.process_events(event)
        except pygame.error:  # pygame_gui cannot lay out a lone zero-width character (U+200F)
            if self.entry is not None:
                self.entry.set_text(before)
        self.dirty = True
        return event.type in TYPING_EVENTS

    def update(self, now: float) -> bool:
        if self.editing:
            self.gui.update(0.05)
            return True
        return False

    def deadline(self) -> float | None:
        return self.ctx.clock() + 0.4 if self.editing else None

    def exit(self) -> None:
        if self.entry is not None:
            self.entry.kill()
