"""An adult opens the adult area from the title screen: the first time they choose a PIN, after
that the PIN opens it. Mouse, keyboard and one switch all work; a child guessing gets paused."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.classroom.gate import FREE_TRIES
from game.commands.teacher import reset_pin
from game.scenes.teacher.gate import AdultGateScene
from game.scenes.teacher.home import AdultHomeScene
from game.scenes.title import TitleScene
from tests.driver import GameDriver, make_driver


def click_pin(game: GameDriver, pin: str) -> None:
    for digit in pin:
        game.click(f"digit-{digit}")
    game.click("ok")


def test_title_screen_has_an_adults_button_between_play_and_quit(game: GameDriver) -> None:
    ids = game.ids()
    assert ids.index("play") < ids.index("adults") < ids.index("quit")
    assert game.widget("adults").icon == "lock"


def test_first_adult_chooses_a_pin_then_it_opens_the_adult_area(game: GameDriver) -> None:
    game.click("adults")
    assert isinstance(game.top, AdultGateScene)
    click_pin(game, "2468")
    assert isinstance(game.top, AdultGateScene), "the PIN is typed twice before it is kept"
    click_pin(game, "2468")
    assert isinstance(game.top, AdultHomeScene)

    game.click("back")
    assert isinstance(game.top, TitleScene)
    game.click("adults")
    click_pin(game, "1111")
    assert isinstance(game.top, AdultGateScene)
    assert "not right" in game.top.message
    click_pin(game, "2468")
    assert isinstance(game.top, AdultHomeScene)


def test_two_different_pins_start_the_choice_again(game: GameDriver) -> None:
    game.click("adults")
    click_pin(game, "2468")
    click_pin(game, "8642")
    assert isinstance(game.top, AdultGateScene)
    assert "not the same" in game.top.message
    assert game.ctx.store.gate() is None
    click_pin(game, "123")
    assert "4 to 6" in game.top.message


def test_keyboard_adult_types_the_pin_and_presses_enter(game: GameDriver) -> None:
    game.ctx.update_settings(input_mode="keyboard")
    game.keyboard_select("adults")
    for _ in range(2):
        for digit in "135790":
            game.key(getattr(pygame, f"K_{digit}"), unicode=digit)
        assert len(game.top.digits) == 6 and game.focused == "ok"
        game.key(pygame.K_RETURN)
    assert isinstance(game.top, AdultHomeScene)
    assert game.ctx.store.gate() is not None


def test_backspace_and_delete_take_back_a_digit(game: GameDriver) -> None:
    game.click("adults")
    game.key(pygame.K_1, unicode="1")
    game.key(pygame.K_2, unicode="2")
    game.key(pygame.K_BACKSPACE)
    assert game.top.digits == "1"
    game.click("delete")
    assert game.top.digits == ""


def test_one_switch_adult_sets_and_enters_the_pin_with_auto_scan(data_dir: Path) -> None:
    game = make_driver(data_dir, overrides={"input_mode": "one-switch"})
    try:
        game.switch_select("adults")
        for _ in range(2):
            for digit in "4321":
                game.switch_select(f"digit-{digit}")
            game.switch_select("ok")
        assert isinstance(game.top, AdultHomeScene)
        assert "back" in game.ids(), "the one switch can leave the adult area too"
    finally:
        game.close()


def test_a_child_guessing_pins_is_paused(game: GameDriver) -> None:
    game.click("adults")
    click_pin(game, "2468")
    click_pin(game, "2468")
    game.click("back")
    game.click("adults")
    for guess in range(FREE_TRIES):
        click_pin(game, f"{guess:04d}")
    assert "wait" in game.top.message
    click_pin(game, "2468")
    assert isinstance(game.top, AdultGateScene), "even the right PIN waits out the pause"


def test_reset_pin_asks_first_and_keeps_players(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from game.classroom.gate import AdultGate

    game = make_driver(data_dir, player="Ada")

    AdultGate(game.ctx.store).set_pin("2468")
    game.close()

    assert reset_pin(str(data_dir), ask=lambda prompt: "no") == 1
    assert "Nothing changed" in capsys.readouterr().out
    assert reset_pin(str(data_dir), ask=lambda prompt: "reset") == 0

    game = make_driver(data_dir)
    try:
        assert game.ctx.store.gate() is None
        assert [p.nickname for p in game.ctx.store.players()] == ["Ada"]
        game.click("adults")
        assert "Choose a PIN" in game.top.prompt()
    finally:
        game.close()
