"""Adding players to a class: one at a time, or many at once from a list of nicknames or just
pictures. Only nicknames and avatar pictures are ever kept, never real names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from game.classroom.class_settings import apply_to_player
from game.store.database import normalize_nickname

if TYPE_CHECKING:
    from game.store.database import Store
    from game.store.values import Player

BULK_LIMIT = 40
"""The most players one bulk add makes: a big class."""

_SEPARATORS = re.compile(r"[,;\n]+")


def parse_nicknames(text: str) -> list[str]:
    """Nicknames from text separated by commas, semicolons or new lines (empty ones dropped)."""
    names: list[str] = []
    for part in _SEPARATORS.split(text):
        name = normalize_nickname(part)
        if name is not None:
            names.append(name)
    return names[:BULK_LIMIT]


def pick_avatars(count: int, available: Sequence[str], taken: Sequence[str] = ()) -> list[str]:
    """Avatar pictures for new players: ones nobody in the class has first, then round again."""
    if not available:
        raise ValueError("there are no avatar pictures to choose from")
    unused = [avatar for avatar in available if avatar not in set(taken)]
    order = unused + [avatar for avatar in available if avatar not in unused]
    return [order[index % len(order)] for index in range(count)]


def add_player(store: Store, class_id: int | None, nickname: str | None, avatar: str) -> Player:
    """Make a player and put them in the class, with the class's settings."""
    player = store.create_player(nickname, avatar)
    if class_id is not None:
        store.assign_class(player.id, class_id)
    apply_to_player(store, player.id)
    return player


def add_players(
    store: Store,
    class_id: int | None,
    nicknames: Sequence[str | None],
    available_avatars: Sequence[str],
) -> list[Player]:
    """Make several players at once; each gets a different picture where possible.

    Args:
        nicknames: One entry per player; None makes a player with a picture only.
        available_avatars: The avatar pictures the game has.
    """
    nicknames = list(nicknames)[:BULK_LIMIT]
    taken = [player.avatar for player in store.class_members(class_id)]
    avatars = pick_avatars(len(nicknames), available_avatars, taken)
    return [
        add_player(store, class_id, nickname, avatar)
        for nickname, avatar in zip(nicknames, avatars, strict=True)
    ]


def move_player(store: Store, player_id: int, class_id: int | None) -> None:
    """Move a player to another class (or to none) and give them its settings."""
    store.assign_class(player_id, class_id)
    apply_to_player(store, player_id)
