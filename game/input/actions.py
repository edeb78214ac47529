"""The few things a player can do, whatever device they use."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Action(Enum):
    """A player's intent. Scenes and steps handle these, never raw keys."""

    NEXT = "next"
    PREVIOUS = "previous"
    SELECT = "select"
    BACK = "back"
    HELP = "help"


@dataclass(frozen=True)
class Pointer:
    """A pointer event on the logical canvas: a hover (pressed=False) or a release (a click)."""

    pos: tuple[int, int]
    click: bool
