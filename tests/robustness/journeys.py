"""Short journeys through the game that several robustness tests share."""

from __future__ import annotations

from game.scenes.complete import CompleteScene
from game.scenes.level import LevelScene
from game.scenes.map import MapScene
from tests.driver import GameDriver, play_current_level


def first_level_card(game: GameDriver) -> str:
    """The id of the first level card on the map on screen."""
    assert isinstance(game.top, MapScene), type(game.top).__name__
    return next(widget_id for widget_id in game.ids() if widget_id.startswith("level-"))


def play_first_level(game: GameDriver, band: str) -> str:
    """From the band screen: open the band's map, play its first level with the mouse to the
    level-complete screen, and return the level's id."""
    game.click(f"band-{band}")
    card = first_level_card(game)
    game.click(card)
    assert isinstance(game.top, LevelScene)
    play_current_level(game, game.click)
    assert isinstance(game.top, CompleteScene)
    return card.removeprefix("level-")
