"""A long school afternoon, accelerated: hours of one-switch scanning and playing levels over and
over on a simulated clock. Python memory does not grow, the text and picture caches stay within
their bounds, and the process does not swell."""

from __future__ import annotations

import gc
import os
import random
import sys
import time
import tracemalloc
from pathlib import Path

import pygame
import pytest

from game.scenes.complete import CompleteScene
from game.scenes.level import LevelScene
from game.scenes.map import BandScene, MapScene
from game.text.service import CACHE_LIMIT as TEXT_CACHE_LIMIT
from game.text.service import MEASURE_LIMIT
from game.ui.art import CACHE_LIMIT as ART_CACHE_LIMIT
from tests.driver import GameDriver, make_driver, play_current_level
from tests.robustness.monkey import BANDS

LONG = bool(os.environ.get("SANGO_LONG_TESTS"))
SIMULATED_HOURS = 10.0 if LONG else 3.0
PYTHON_GROWTH_LIMIT = 1024 * 1024
"""Bytes the Python heap may grow by between warm-up and the end, bounded caches aside."""
PROCESS_GROWTH_LIMIT = 24 * 1024 * 1024
"""Bytes the whole process may grow by in the last third, once the caches have filled (SDL
surfaces and fonts live outside Python's heap). Ten simulated hours plateau at about 212 MiB."""


class Afternoon:
    """A child with one switch: the scan moves on its own, the switch picks."""

    def __init__(self, driver: GameDriver, seed: int) -> None:
        self.driver = driver
        self.chance = random.Random(seed)
        self.levels_played = 0
        self.selections = 0
        self.frames = 0

    @property
    def ctx(self):  # noqa: ANN201
        return self.driver.ctx

    def advance(self) -> None:
        """Sleep as the real loop does, until its next timer, then run it."""
        driver = self.driver
        driver.clock.now += driver.app.timeout_ms() / 1000
        driver.app.tick()
        if driver.app.needs_draw():
            driver.app.draw()
            self.frames += 1

    def press(self) -> None:
        self.driver.send(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0, unicode=" "))
        self.driver.send(pygame.event.Event(pygame.KEYUP, key=pygame.K_SPACE, mod=0, unicode=" "))

    def select(self, widget_id: str) -> None:
        """Wait for the scan to reach the widget and press the switch."""
        self.driver.widget(widget_id)
        for _ in range(2000):
            if self.ctx.scanner.paused:
                self.press()  # the scan rested after three loops: this press only wakes it
            elif self.driver.focused == widget_id:
                self.press()
                self.selections += 1
                return
            else:
                self.advance()
        raise AssertionError(f"the scan never reached {widget_id!r}: {self.driver.ids()}")

    def idle(self, seconds: float) -> None:
        """Nobody presses anything for a while (the scan loops, then rests)."""
        end = self.driver.clock.now + seconds
        while self.driver.clock.now < end:
            self.advance()

    def play_a_level(self) -> None:
        """From the band screen: choose a band and a level, play it, and come back."""
        assert isinstance(self.driver.top, BandScene), type(self.driver.top).__name__
        band = self.chance.choice(BANDS)
        self.select(f"band-{band}")
        assert isinstance(self.driver.top, MapScene)
        for _ in range(self.chance.randint(0, 2)):  # leaf through the map's pages
            if "more" in self.driver.ids():
                self.select("more")
        cards = [i for i in self.driver.ids() if i.startswith("level-")]
        self.select(self.chance.choice(cards))
        assert isinstance(self.driver.top, LevelScene)
        play_current_level(self.driver, self.select, wrong_first=self.chance.random() < 0.3)
        assert isinstance(self.driver.top, CompleteScene)
        self.levels_played += 1
        self.check_caches()
        self.idle(self.chance.uniform(30, 120))
        self.select("map")
        self.select("back")
        self.idle(self.chance.uniform(240, 840))  # a break: the scan loops, then rests

    def check_caches(self) -> None:
        """Every cache is within its bound."""
        text = self.ctx.text
        assert text.cache_size <= TEXT_CACHE_LIMIT
        assert len(text._widths) <= MEASURE_LIMIT + 1 and len(text._runs) <= MEASURE_LIMIT + 1
        assert len(self.ctx.art._cache) <= ART_CACHE_LIMIT

    def python_heap(self) -> int:
        """Bytes of Python memory held, leaving out the bounded caches (checked apart)."""
        self.check_caches()
        self.ctx.apply()  # empties the text caches
        self.ctx.art._cache.clear()
        gc.collect()
        held = tracemalloc.get_traced_memory()[0]
        self.driver.frame()  # the game notices the new layout before the next press
        return held


def process_size() -> int | None:
    """The resident size of this process in bytes, where the system tells it."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(sys.platform == "win32", reason="measures memory the POSIX way")
def test_hours_of_scanning_play_keep_memory_and_caches_flat(quiet_machine: Path) -> None:
    driver = make_driver(
        quiet_machine / "data",
        player="Soak",
        overrides={"input_mode": "one-switch", "scan_interval": 1.5},
    )
    afternoon = Afternoon(driver, seed=20250901)
    started, cpu = time.perf_counter(), time.process_time()
    sizes: list[int] = []
    try:
        for _ in range(3):  # warm-up: every lazy import and first use is behind us
            afternoon.play_a_level()
        tracemalloc.start()
        heap_before = afternoon.python_heap()
        warm = driver.clock.now
        heap_settled: int | None = None
        while driver.clock.now - warm < SIMULATED_HOURS * 3600:
            afternoon.play_a_level()
            sizes.append(process_size() or 0)
            if heap_settled is None and driver.clock.now - warm >= SIMULATED_HOURS * 3600 / 3:
                # Measured from a third of the way in: one-off growth (the interpreter's
                # interned-string table resizing once, say, when other tests ran first) is
                # behind us, and a leak still shows over the remaining two thirds.
                heap_settled = afternoon.python_heap()
        heap_end = afternoon.python_heap()
        heap_growth = heap_end - (heap_settled if heap_settled is not None else heap_before)
        largest = tracemalloc.take_snapshot().statistics("lineno")[:8]
        tracemalloc.stop()
    finally:
        driver.close()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    third = sizes[len(sizes) * 2 // 3]
    process_growth = sizes[-1] - third

    hours = (driver.clock.now - warm) / 3600
    print(
        f"\nsoak: {hours:.1f} simulated hours, {afternoon.levels_played} levels, "
        f"{afternoon.selections} switch presses, {afternoon.frames} frames "
        f"in {elapsed:.1f} s ({cpu:.1f} s CPU); "
        f"python heap {heap_before / 2**20:.1f} -> {heap_end / 2**20:.1f} MiB "
        f"(caches aside); process {sizes[0] / 2**20:.0f} -> {third / 2**20:.0f} (two thirds) -> "
        f"{sizes[-1] / 2**20:.0f} MiB, level by level: {[size // 2**20 for size in sizes]}"
    )
    assert afternoon.levels_played >= 8
    assert heap_growth < PYTHON_GROWTH_LIMIT, "\n".join(str(stat) for stat in largest)
    if third:
        assert process_growth < PROCESS_GROWTH_LIMIT, [size // 2**20 for size in sizes]
