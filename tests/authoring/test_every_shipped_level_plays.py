"""A level that validates never fails at play time: every shipped level, played to its end."""

from __future__ import annotations

from pathlib import Path

import pytest

from game import paths
from game.content.catalogue import Catalogue, validate
from game.scenes.complete import CompleteScene
from tests.driver import make_driver
from tests.steps.play import play_level

CATALOGUE = Catalogue.load()
LEVEL_IDS = [level.id for level in CATALOGUE.levels]


def test_the_shipped_content_validates_and_every_file_loads() -> None:
    report = validate([])

    assert report.errors == [], "\n".join(str(problem) for problem in report.errors)
    assert CATALOGUE.broken == ()
    assert len(LEVEL_IDS) == len(list(paths.levels_dir().glob("*/*.yaml")))


@pytest.mark.parametrize("level_id", LEVEL_IDS)
@pytest.mark.parametrize("wrong_first", [False, True], ids=["careful", "mistakes-first"])
def test_a_keyboard_player_finishes_every_shipped_level(
    data_dir: Path, level_id: str, wrong_first: bool
) -> None:
    game = make_driver(data_dir, player="Ada", level=level_id, overrides={"input_mode": "keyboard"})
    try:
        pressed = play_level(game, game.keyboard_select, wrong_first=wrong_first)

        assert isinstance(game.top, CompleteScene), pressed[-10:]
        player = game.ctx.store.player_by_nickname("Ada")
        assert game.ctx.store.progress(player.id)[level_id].status == "completed"
    finally:
        game.close()
