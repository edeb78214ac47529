"""What the store raises when asked to do something that cannot be done.

Reads are lenient (an unknown player has no progress); writes are strict and say what to fix.
"""

from __future__ import annotations


class UnknownPlayer(LookupError):
    """No player has this id (perhaps they were deleted)."""

    def __init__(self, player_id: int) -> None:
        super().__init__(f"no player with id {player_id}")
        self.player_id = player_id


class LevelNotStarted(LookupError):
    """An answer or a completion arrived for a level the player never started."""

    def __init__(self, player_id: int, level_id: str) -> None:
        super().__init__(
            f"player {player_id} has not started level {level_id!r}; call start_level first"
        )
        self.player_id = player_id
        self.level_id = level_id


class UnknownClass(LookupError):
    """No class has this id (perhaps it was deleted)."""

    def __init__(self, class_id: int) -> None:
        super().__init__(f"no class with id {class_id}")
        self.class_id = class_id


class ClassNameTaken(ValueError):
    """Another class already has this name (names are compared ignoring case)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"a class called {name!r} already exists; choose another name")
        self.name = name
