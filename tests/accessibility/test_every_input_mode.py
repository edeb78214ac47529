"""A child finishes a level with each way of pressing, and the game remembers it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame
import pytest

from game.scenes.complete import CompleteScene
from game.scenes.level import LevelScene
from game.scenes.map import MapScene
from tests.accessibility.conftest import PAD, gamepad_select, press_button, press_dpad
from tests.driver import GameDriver, play_current_level

LEVEL = "privacy-treasure"


def selector(game: GameDriver, mode: str) -> Callable[[str], None]:
    return {
        "mouse": game.click,
        "keyboard": game.keyboard_select,
        "one-switch": game.switch_select,
        "two-switch": game.two_switch_select,
        "gamepad": lambda widget_id: gamepad_select(game, widget_id),
    }[mode]


@pytest.mark.parametrize("mode", ["mouse", "keyboard", "one-switch", "two-switch", "gamepad"])
def test_child_finishes_a_level_with_each_input_mode_and_it_is_saved(
    start_game: Callable[..., GameDriver], mode: str
) -> None:
    game = start_game(player="Ada", level=LEVEL, overrides={"input_mode": mode, "narration": False})
    assert isinstance(game.top, LevelScene)
    pressed = play_current_level(game, selector(game, mode), wrong_first=True)
    assert isinstance(game.top, CompleteScene), pressed
    player = game.ctx.store.player_by_nickname("Ada")
    progress = game.ctx.store.progress(player.id)[LEVEL]
    assert progress.status == "completed"
    assert progress.unsafe >= 1 and progress.safe >= 3
    assert game.ctx.store.badges(player.id) == ["treasure-keeper"]


def test_gamepad_b_goes_back_and_the_stick_moves(start_game: Callable[..., GameDriver]) -> None:
    game = start_game(player="Pad", level=LEVEL, overrides={"input_mode": "gamepad"})
    first = game.focused
    game.send(pygame.event.Event(pygame.JOYAXISMOTION, axis=1, value=0.9, joy=0, instance_id=0))
    game.send(pygame.event.Event(pygame.JOYAXISMOTION, axis=1, value=0.0, joy=0, instance_id=0))
    assert game.focused != first, "pushing the stick down moves the highlight"
    press_button(game, 1)
    assert isinstance(game.top, MapScene), "B leaves the level for its map"


def test_a_gamepad_plugged_in_mid_game_is_opened_without_trouble(
    start_game: Callable[..., GameDriver],
) -> None:
    game = start_game(player="Pad", overrides={"input_mode": "gamepad"})
    game.send(pygame.event.Event(pygame.JOYDEVICEADDED, device_index=7, guid=""))
    game.send(pygame.event.Event(pygame.JOYDEVICEREMOVED, instance_id=7))
    assert game.app.gamepads.names == []  # no real pad on the test machine; nothing broke
    press_dpad(game, (0, -1))
    assert game.ctx.running


def test_presses_count_on_release_and_the_dpad_moves_on_release(
    start_game: Callable[..., GameDriver],
) -> None:
    game = start_game(player="Kim", level=LEVEL, overrides={"input_mode": "keyboard"})
    step = game.top.index
    enter = {"key": pygame.K_RETURN, "mod": 0, "unicode": "", "scancode": 0}
    game.send(pygame.event.Event(pygame.KEYDOWN, **enter))
    assert game.top.index == step, "holding Enter down does nothing yet"
    game.send(pygame.event.Event(pygame.KEYUP, **enter))
    assert game.top.index == step + 1, "letting go of Enter presses Next"
    focused = game.focused
    game.send(pygame.event.Event(pygame.JOYHATMOTION, hat=0, value=(0, -1), **PAD))
    assert game.focused == focused
    game.send(pygame.event.Event(pygame.JOYHATMOTION, hat=0, value=(0, 0), **PAD))
    assert game.focused != focused


def test_input_delay_ignores_a_shaky_second_press(start_game: Callable[..., GameDriver]) -> None:
    game = start_game(
        player="Tam", level=LEVEL, overrides={"input_mode": "keyboard", "debounce": 0.5}
    )
    step = game.top.index
    game.key(pygame.K_RETURN)
    game.clock.now += 0.2
    game.key(pygame.K_RETURN)
    assert game.top.index == step + 1, "the second press 0.2 s later was a tremor"
    game.clock.now += 0.6
    game.key(pygame.K_RETURN)
    assert game.top.index == step + 2
    game.clock.now += 0.1
    game.click(game.focused or "next")
    assert game.top.index == step + 2, "a click is ignored the same way"


def test_one_switch_scan_times_pause_and_resume(start_game: Callable[..., GameDriver]) -> None:
    game = start_game(player="Sol", level=LEVEL, overrides={"input_mode": "one-switch"})
    ticks: list[str] = []
    game.ctx.audio.listeners.append(lambda sound: ticks.append(sound))
    items = len(game.ids())
    first = game.focused
    game.wait(2.9)
    assert game.focused == first, "the first item is held twice as long (3 s at 1.5 s)"
    game.wait(0.2)
    assert game.focused != first and ticks.count("scan-tick") == 1
    game.wait(1.5 * 3 * items + 3 * 1.5)
    assert game.ctx.scanner.paused, "after three loops the scan rests"
    moved = game.focused
    game.wait(10)
    assert game.focused == moved
    step = game.top.index
    game.key(pygame.K_SPACE)
    assert not game.ctx.scanner.paused and game.top.index == step, "the press only woke it"


def test_scan_tick_can_be_turned_off_and_scan_speed_changed(
    start_game: Callable[..., GameDriver],
) -> None:
    game = start_game(
        player="Sol",
        level=LEVEL,
        overrides={"input_mode": "one-switch", "scan_sound": False, "scan_interval": 0.5},
    )
    heard: list[str] = []
    game.ctx.audio.listeners.append(heard.append)
    first = game.focused
    game.wait(1.1)
    assert game.focused != first
    assert "scan-tick" not in heard


def test_every_mode_can_be_chosen_on_the_command_line() -> None:
    from game.cli import build_parser
    from game.commands.play import overrides
    from game.settings import InputMode

    for mode in InputMode:
        args: Any = build_parser().parse_args(["--input", str(mode)])
        assert overrides(args)["input_mode"] == str(mode)
