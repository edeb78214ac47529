"""The focus ring: the ordered focusables of a scene and which one has focus."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import pygame


class Focusable(Protocol):
    """Anything the player can move to and press."""

    id: str
    rect: pygame.Rect
    label: str
    enabled: bool

    def activate(self) -> None: ...


class FocusRing:
    """Keeps the reading-ordered focusables of a scene and the index of the focused one."""

    def __init__(self) -> None:
        self._items: list[Focusable] = []
        self._index = 0
        self.visible = False
        """Whether the focus indicator is drawn (hidden while pointing, until a key moves it)."""

    @property
    def items(self) -> Sequence[Focusable]:
        """The focusables, in focus order."""
        return tuple(self._items)

    @property
    def focused(self) -> Focusable | None:
        """The focused item, or None when the ring is empty."""
        if not self._items:
            return None
        return self._items[self._index]

    @property
    def index(self) -> int:
        """The position of the focused item."""
        return self._index

    def set_items(self, items: Sequence[Focusable], keep: str | None = None) -> None:
        """Replace the items, keeping focus on the item with id `keep` where it still exists."""
        self._items = [item for item in items if item.enabled]
        wanted = keep if keep is not None else (self.focused.id if self.focused else None)
        self._index = 0
        for position, item in enumerate(self._items):
            if item.id == wanted:
                self._index = position
                break

    def move(self, step: int) -> Focusable | None:
        """Move focus by `step`, wrapping around; returns the newly focused item."""
        if not self._items:
            return None
        self._index = (self._index + step) % len(self._items)
        return self.focused

    def focus(self, item_id: str) -> bool:
        """Focus the item with this id; False if there is none."""
        for position, item in enumerate(self._items):
            if item.id == item_id:
                self._index = position
                return True
        return False

    def first(self) -> None:
        """Focus the first item."""
        self._index = 0

    def at(self, pos: tuple[int, int]) -> Focusable | None:
        """The item under a canvas position, if any."""
        for item in self._items:
            if item.rect.collidepoint(pos):
                return item
        return None
