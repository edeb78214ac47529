"""Helpers for the adult-area stories: open the area with the PIN, make a class with players."""

from __future__ import annotations

from game.classroom.gate import AdultGate
from game.classroom.roster import add_players
from game.scenes.teacher.home import AdultHomeScene
from game.store.values import Player
from tests.driver import GameDriver

PIN = "2468"


def open_adult_area(game: GameDriver) -> None:
    """From the title screen, through the PIN gate (choosing the PIN the first time)."""
    gate = AdultGate(game.ctx.store)
    if not gate.is_set:
        gate.set_pin(PIN)
    game.click("adults")
    for digit in PIN:
        game.click(f"digit-{digit}")
    game.click("ok")
    assert isinstance(game.top, AdultHomeScene)


def make_class(
    game: GameDriver, name: str, nicknames: list[str | None]
) -> tuple[int, list[Player]]:
    """A class with players, made as the adult area makes them."""
    store = game.ctx.store
    school_class = store.create_class(name)
    players = add_players(store, school_class.id, nicknames, game.ctx.art.names("avatars"))
    return school_class.id, players


def go_home(game: GameDriver) -> None:
    """Back to the adult area's home screen."""
    while not isinstance(game.top, AdultHomeScene):
        game.click("back")


def press(game: GameDriver, widget_id: str, limit: int = 20) -> None:
    """Click a widget, turning pages with More until it shows."""
    for _ in range(limit):
        if widget_id in game.ids():
            game.click(widget_id)
            return
        more = next((i for i in game.ids() if i == "more" or i.startswith("more-")), None)
        assert more is not None, f"{widget_id!r} is not on {type(game.top).__name__}: {game.ids()}"
        game.click(more)
    raise AssertionError(f"{widget_id!r} never showed on {type(game.top).__name__}")


def find(game: GameDriver, widget_id: str, limit: int = 20):  # noqa: ANN201
    """The widget, turning pages with More until it shows."""
    for _ in range(limit):
        if widget_id in game.ids():
            return game.widget(widget_id)
        game.click("more")
    raise AssertionError(f"{widget_id!r} never showed on {type(game.top).__name__}")
