"""Starting straight in a level, for teachers and tests: `sango --player NAME --level ID`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.context import Context

DEFAULT_AVATAR = "fox"


def start_shortcut(ctx: Context, nickname: str | None, level_id: str | None) -> None:
    """Select (or create) the player and open the level on top of its band's map."""
    from game.scenes.level import LevelScene
    from game.scenes.map import BandScene, MapScene

    if nickname:
        player = ctx.store.player_by_nickname(nickname)
        if player is None:
            avatars = ctx.art.names("avatars")
            avatar = DEFAULT_AVATAR if DEFAULT_AVATAR in avatars or not avatars else avatars[0]
            player = ctx.store.create_player(nickname, avatar)
        ctx.select_player(player)
    if level_id is None:
        ctx.scenes.push(BandScene(ctx))
        return
    level = ctx.catalogue.get(level_id)
    if level is None:
        return
    ctx.scenes.push(BandScene(ctx))
    ctx.scenes.push(MapScene(ctx, str(level.band)))
    ctx.scenes.push(LevelScene(ctx, level))
