"""A monkey at the keyboard, mouse, switches and gamepad: tens of thousands of random raw events
(keys, clicks, wheel, joystick, touch, window resizes, focus loss, typed text, Quit) across every
scene in every input mode. The game never raises, the scene stack never empties and the focus
is always on an item the player can see."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.driver import make_driver
from tests.robustness.monkey import INPUT_MODES, FastVoice, Monkey

LONG = bool(os.environ.get("SANGO_LONG_TESTS"))
EVENTS_PER_MODE = 40_000 if LONG else 4_000
SEED = int(os.environ.get("SANGO_MONKEY_SEED", "20250901"))
CORE_SCENES = {
    "TitleScene", "PlayersScene", "NewPlayerScene", "BandScene", "MapScene", "LevelScene",
    "CompleteScene", "SettingsScene", "HelpScene",
}  # fmt: skip


@pytest.fixture
def quiet_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home and working folder of the test's own (adult dialogs may write files), a voice
    that speaks instantly, and no real screen reader."""
    import game.app
    from game.audio.screen_reader import ScreenReader

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(home)
    monkeypatch.setattr(game.app, "find_engine", FastVoice)
    monkeypatch.setattr(ScreenReader, "detect", classmethod(lambda cls: None))
    return tmp_path


def test_a_monkey_in_every_input_mode_never_breaks_the_game(quiet_machine: Path) -> None:
    driver = make_driver(quiet_machine / "data")
    monkey = Monkey(driver, SEED)
    started = time.perf_counter()
    try:
        for mode, tour in zip(INPUT_MODES, monkey.tours(len(INPUT_MODES)), strict=True):
            monkey.run(EVENTS_PER_MODE, tour, mode)
    finally:
        driver.close()
    elapsed = time.perf_counter() - started

    seen = set(monkey.scenes_seen)
    print(
        f"\nmonkey: {monkey.events} events in {elapsed:.1f} s over {len(seen)} scenes "
        f"({len(monkey.recipes)} jump targets); unbuildable: {monkey.unbuildable or 'none'}\n"
        f"events: {dict(monkey.kinds.most_common())}"
    )
    assert not monkey.problems, f"{len(monkey.problems)} focus problems:\n" + "\n".join(
        sorted(monkey.problems.values())
    )
    assert monkey.events >= 5 * EVENTS_PER_MODE
    assert CORE_SCENES <= seen, CORE_SCENES - seen
    assert {recipe.kind.__qualname__ for recipe in monkey.recipes} <= seen
