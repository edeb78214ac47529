"""The values the store hands out: players and their progress on a level."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Result = Literal["safe", "unsafe", "ok"]
"""How a step was answered: a safe or an unsafe choice, or just done ("ok")."""

Status = Literal["in-progress", "completed"]
"""Where a player is with a level they started."""

RESULTS: tuple[Result, ...] = ("safe", "unsafe", "ok")

NICKNAME_MAX_LENGTH = 20


@dataclass(frozen=True, slots=True)
class Player:
    """A player profile: an optional nickname and an avatar id, never a real name."""

    id: int
    nickname: str | None
    avatar: str
    created_at: datetime

    @property
    def display_name(self) -> str:
        """What to call the player: the nickname, or the avatar's name without one."""
        return self.nickname if self.nickname is not None else self.avatar


@dataclass(frozen=True, slots=True)
class LevelProgress:
    """One player's record for one level.

    `attempts` counts every start, replays included. `safe` and `unsafe` are the counts of the
    latest finished attempt; while the level was never finished, they are the current attempt's.
    A replay of a finished level keeps status "completed" and these counts until it finishes too.
    `stars` is the best of any finished attempt. `badge` stays once earned.
    """

    level_id: str
    band: str
    status: Status
    attempts: int
    safe: int
    unsafe: int
    stars: int | None
    badge: str | None
    badge_earned_at: datetime | None
    started_at: datetime
    finished_at: datetime | None

    @property
    def completed(self) -> bool:
        """Whether the player has finished the level at least once."""
        return self.status == "completed"


CLASS_NAME_MAX_LENGTH = 40


@dataclass(frozen=True, slots=True)
class SchoolClass:
    """A group of players a teacher runs together, such as "Class 4B"."""

    id: int
    name: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class GateRecord:
    """The adult PIN as stored: never the PIN itself, only a salted slow hash.

    `algorithm` names the hash and its parameters (e.g. "scrypt:16384:8:1"), so they can change
    without breaking PINs already set. `failures` counts wrong tries in a row; `locked_until`
    says when the next try is allowed after too many.
    """

    algorithm: str
    salt: bytes
    digest: bytes
    failures: int
    locked_until: datetime | None
    set_at: datetime
