"""A monkey at the keyboard, mouse, switches and gamepad: tens of thousands of random raw events
(keys, clicks, wheel, joystick, touch, window resizes, focus loss, typed text, Quit) across every
scene in every input mode. The game never raises, the scene stack never empties and the focus
is always on an item the player can see."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.driver import make_driver
from tests.robustness.monkey import INPUT_MODES, Monkey

LONG = bool(os.environ.get("SANGO_LONG_TESTS"))
EVENTS_PER_MODE = 40_000 if LONG else 4_000
SEED = int(os.environ.get("SANGO_MONKEY_SEED", "20250901"))
CORE_SCENES = {
    "TitleScene", "PlayersScene", "NewPlayerScene", "BandScene", "MapScene", "LevelScene",
    "CompleteScene", "SettingsScene", "HelpScene",
}  # fmt: skip


def test_a_monkey_in_every_input_mode_never_breaks_the_game(quiet_machine: Path) -> None:
    driver = make_driver(quiet_machine / "data")
    monkey = Monkey(driver, SEED)
    started, cpu = time.perf_counter(), time.process_time()
    try:
        for mode, tour in zip(INPUT_MODES, monkey.tours(len(INPUT_MODES)), strict=True):
            monkey.run(EVENTS_PER_MODE, tour, mode)
    finally:
        driver.close()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu

    seen = set(monkey.scenes_seen)
    print(
        f"\nmonkey: {monkey.events} events in {elapsed:.1f} s ({cpu:.1f} s CPU) over "
        f"{len(seen)} scenes ({len(monkey.recipes)} jump targets); "
        f"unbuildable: {monkey.unbuildable or 'none'}\n"
        f"events: {dict(monkey.kinds.most_common())}"
    )
    assert not monkey.problems, f"{len(monkey.problems)} focus problems:\n" + "\n".join(
        sorted(monkey.problems.values())
    )
    assert monkey.events >= 5 * EVENTS_PER_MODE
    assert CORE_SCENES <= seen, CORE_SCENES - seen
    assert {recipe.kind.__qualname__ for recipe in monkey.recipes} <= seen
