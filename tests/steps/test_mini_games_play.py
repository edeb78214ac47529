"""Children finish the mini-game level with each input mode; results become stars."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenes.complete import CompleteScene
from game.scenes.level import LevelScene
from tests.driver import make_driver
from tests.steps.play import play_level

LEVEL = "scam-spotter-online"
MINI_GAMES = {"sort", "chat", "spot", "pick-all"}


def test_the_demo_level_uses_every_mini_game(data_dir: Path) -> None:
    game = make_driver(data_dir, player="Ada", level=LEVEL)
    try:
        kinds = {step.type_key for step in game.top.level.steps}
        assert MINI_GAMES <= kinds
    finally:
        game.close()


@pytest.mark.parametrize("text_scale", [100, 200])
def test_keyboard_player_finishes_every_mini_game_with_three_stars(
    data_dir: Path, text_scale: int
) -> None:
    game = make_driver(
        data_dir,
        player="Ada",
        level=LEVEL,
        overrides={"input_mode": "keyboard", "text_scale": text_scale},
    )
    try:
        pressed = play_level(game, game.keyboard_select)
        assert isinstance(game.top, CompleteScene)
        assert any(p.startswith("bin-") for p in pressed)
        assert any(p.startswith("reply-") for p in pressed)
        assert any(p.startswith("line-") for p in pressed)
        assert "check" in pressed
        player = game.ctx.store.player_by_nickname("Ada")
        progress = game.ctx.store.progress(player.id)[LEVEL]
        assert progress.status == "completed"
        assert progress.unsafe == 0 and progress.safe >= 10
        assert progress.stars == 3
        assert game.ctx.store.badges(player.id) == ["scam-spotter"]
    finally:
        game.close()


def test_one_switch_player_finishes_every_mini_game_with_auto_scan(data_dir: Path) -> None:
    game = make_driver(data_dir, player="Kai", level=LEVEL, overrides={"input_mode": "one-switch"})
    try:
        assert isinstance(game.top, LevelScene)
        play_level(game, game.switch_select, wrong_first=True)
        assert isinstance(game.top, CompleteScene)
        player = game.ctx.store.player_by_nickname("Kai")
        progress = game.ctx.store.progress(player.id)[LEVEL]
        assert progress.status == "completed"
        assert progress.unsafe >= 2, "a wrong bin and an unsafe reply both count"
        assert progress.stars in (1, 2)
    finally:
        game.close()


def test_two_switch_and_mouse_players_finish_too(data_dir: Path) -> None:
    game = make_driver(data_dir, player="Bo", level=LEVEL, overrides={"input_mode": "two-switch"})
    try:
        play_level(game, game.two_switch_select)
        assert isinstance(game.top, CompleteScene)
    finally:
        game.close()
    mouse = make_driver(data_dir, player="Cy", level=LEVEL, overrides={"input_mode": "mouse"})
    try:
        play_level(mouse, mouse.click)
        assert isinstance(mouse.top, CompleteScene)
    finally:
        mouse.close()
