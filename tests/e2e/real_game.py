"""The real `sango` process in a real X window, driven from outside with xdotool.

A test first rehearses the level headless (tests/driver.py) to learn what a child would press
on each screen, where it sits in the focus order and where it is on the 1280x720 canvas; then
it performs the same presses on the real game with X key and mouse events.
"""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pygame

from tests.driver import make_driver, play_current_level

CANVAS = (1280, 720)
SANGO = Path(sys.executable).parent / "sango"
"""The console script of the project's own environment."""
KEY_PAUSE = 0.15
"""Seconds to let the game handle a key or click and redraw (it wakes on events)."""
KEY_GAP_MS = 40
"""Between keys of one press sequence, as a quick typist."""
COMMAND_TIMEOUT = 20.0
STARTUP_TIMEOUT = 60.0
"""The game loads its content before the first frame: allow for a slow, busy machine."""


@dataclass(frozen=True)
class Press:
    """One press a child makes: which widget, where it is in focus order and on the canvas."""

    screen: str
    widget_id: str
    index: int
    focused: int
    count: int
    centre: tuple[int, int]

    @property
    def is_answer(self) -> bool:
        return self.widget_id.startswith("option-")


@dataclass(frozen=True)
class Plan:
    """The presses that play a level to its end, and the answers they give."""

    level_id: str
    presses: tuple[Press, ...]
    safe: int
    unsafe: int


def rehearse(level_id: str, input_mode: str, work_dir: Path, wrong_first: bool = False) -> Plan:
    """Play the level headless in this process and write down every press."""
    driver = make_driver(
        work_dir / "rehearsal",
        player="Rehearsal",
        level=level_id,
        overrides={"input_mode": input_mode},
    )
    presses: list[Press] = []

    def select(widget_id: str) -> None:
        ids = driver.ids()
        scene = driver.top
        view = type(getattr(scene, "view", None)).__name__
        presses.append(
            Press(
                screen=f"step {getattr(scene, 'index', 0) + 1} ({view}): {ids}",
                widget_id=widget_id,
                index=ids.index(widget_id),
                focused=ids.index(driver.focused) if driver.focused in ids else 0,
                count=len(ids),
                centre=tuple(driver.widget(widget_id).rect.center),
            )
        )
        if input_mode == "one-switch":
            driver.switch_select(widget_id)
        elif input_mode == "mouse":
            driver.click(widget_id)
        else:
            driver.keyboard_select(widget_id)

    try:
        play_current_level(driver, select, wrong_first=wrong_first)
        player = driver.ctx.store.player_by_nickname("Rehearsal")
        progress = driver.ctx.store.progress(player.id)[level_id]
        assert progress.status == "completed", "the rehearsal did not finish the level"
        return Plan(level_id, tuple(presses), progress.safe, progress.unsafe)
    finally:
        driver.close()
        pygame.quit()


def integer_scale(window: tuple[int, int]) -> int:
    """How much SDL enlarges the canvas in a window of this size.

    pygame's SCALED mode scales by whole numbers only (never below 1) and centres the canvas,
    letterboxed; measured with pygame-ce 2.5 / SDL 2.32 under X11. (With the environment
    variable SDL_HINT_RENDER_SCALE_QUALITY=1 pygame scales smoothly by any factor instead.)
    """
    return max(1, min(window[0] // CANVAS[0], window[1] // CANVAS[1]))


def canvas_to_window(point: tuple[int, int], window: tuple[int, int]) -> tuple[int, int]:
    """Where a canvas point shows inside a window of this size."""
    scale = integer_scale(window)
    left = (window[0] - CANVAS[0] * scale) // 2
    top = (window[1] - CANVAS[1] * scale) // 2
    return left + point[0] * scale, top + point[1] * scale


class RealGame:
    """`sango` running on an X display, with its window, a log and a folder of screenshots."""

    def __init__(self, display: str, data_dir: Path, shots: Path, program: Path = SANGO) -> None:
        self.display = display
        self.data_dir = data_dir
        self.shots = shots
        self.program = program
        self.process: subprocess.Popen[bytes] | None = None
        self.window = ""
        self.screenshots: list[Path] = []
        self._pending: list[subprocess.Popen[bytes]] = []
        self._log: BinaryIO | None = None
        self.log_path = shots / "sango.log"

    @property
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("SANGO_DATA_DIR", None)
        env.update(
            DISPLAY=self.display,
            SDL_VIDEODRIVER="x11",
            # No sound card on CI; the game would fall back to silence itself, noisily.
            SDL_AUDIODRIVER="dummy",
        )
        return env

    # Life cycle ---------------------------------------------------------------------------
    @contextmanager
    def running(self, *args: str) -> Iterator[RealGame]:
        """Run `sango` with these options for the block. A failure inside lists the screenshots
        (plus one of the moment it failed) and the game's output; the game never outlives it."""
        try:
            self.start(*args)
            yield self
        except (AssertionError, subprocess.SubprocessError, OSError) as error:
            self.finish_screenshots()
            try:
                self.screenshot("failure")
            except (subprocess.SubprocessError, OSError):
                pass
            shots = "\n  ".join(str(path) for path in self.screenshots)
            raise AssertionError(
                f"{error}\nWhat was on screen ({self.shots}):\n  {shots}\n"
                f"Game output:\n{self.log_tail()}"
            ) from error
        finally:
            self.finish_screenshots()
            if self.process is not None and self.process.poll() is None:
                self.process.kill()
                self.process.wait(timeout=5)
            if self._log is not None:
                self._log.close()

    def start(self, *args: str) -> None:
        """Start `sango` and wait until its window shows a drawn frame."""
        assert self.program.exists(), f"no program {self.program}; run `uv sync`"
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed when `running` ends
        self.process = subprocess.Popen(
            [str(self.program), "--data-dir", str(self.data_dir), *args],
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self.window = self.find_window(STARTUP_TIMEOUT)
        self.wait_until_drawn(STARTUP_TIMEOUT)

    def find_window(self, timeout: float) -> str:
        """The id of the game's visible window, once it has one (failing fast if it exits)."""
        assert self.process is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.check_alive()
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid)],
                env=self.env,
                capture_output=True,
                text=True,
                timeout=COMMAND_TIMEOUT,
            ).stdout.split()
            if found:
                return found[0]
            time.sleep(0.2)
        raise AssertionError(f"the game showed no window within {timeout:.0f} s")

    def wait_until_drawn(self, timeout: float = COMMAND_TIMEOUT) -> None:
        """Wait until the window shows a picture rather than an empty (single-colour) frame."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.check_alive()
            pixels = subprocess.run(
                ["import", "-window", self.window, "-resize", "64x36!", "-depth", "8", "rgb:-"],
                env=self.env,
                capture_output=True,
                timeout=COMMAND_TIMEOUT,
            ).stdout
            if len(set(pixels[i : i + 3] for i in range(0, len(pixels), 3))) > 16:
                return
            time.sleep(0.1)
        raise AssertionError(f"the game window stayed empty for {timeout:.0f} s")

    def stop(self) -> int:
        """Ask the game to quit as a desktop would (SIGTERM, which SDL turns into QUIT)."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=COMMAND_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
                raise AssertionError("the game did not quit within 20 s of SIGTERM") from None
        return self.process.returncode

    def check_alive(self) -> None:
        assert self.process is not None
        if self.process.poll() is not None:
            raise AssertionError(
                f"the game exited with code {self.process.returncode}:\n{self.log_tail()}"
            )

    def log_tail(self, lines: int = 30) -> str:
        if not self.log_path.exists():
            return ""
        text = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(line for line in text if not line.startswith("ALSA lib"))[-4000:]

    # X ------------------------------------------------------------------------------------
    def xdo(self, *args: str, timeout: float = COMMAND_TIMEOUT) -> str:
        """Run one xdotool command on the game's display."""
        done = subprocess.run(
            ["xdotool", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def key(self, *names: str, pause: float = KEY_PAUSE) -> None:
        """Press and release keys, one after another, in the game window (X key events)."""
        self.check_alive()
        self.xdo("key", "--window", self.window, "--delay", str(KEY_GAP_MS), *names)
        time.sleep(pause)

    def geometry(self) -> tuple[int, int]:
        """The window's size in screen pixels."""
        values = dict(
            line.split("=", 1)
            for line in self.xdo("getwindowgeometry", "--shell", self.window).split()
        )
        return int(values["WIDTH"]), int(values["HEIGHT"])

    def resize(self, width: int, height: int) -> None:
        self.xdo("windowsize", "--sync", self.window, str(width), str(height))
        time.sleep(0.5)

    def click(self, canvas_point: tuple[int, int], window: tuple[int, int]) -> tuple[int, int]:
        """Move the mouse over a canvas point and click it, in a window of this size; returns
        the window point used."""
        self.check_alive()
        x, y = canvas_to_window(canvas_point, window)
        self.xdo("mousemove", "--window", self.window, str(x), str(y), "click", "1")
        time.sleep(KEY_PAUSE)
        return x, y

    def screenshot(self, name: str, wait: bool = True) -> Path:
        """The whole X screen, as the child would see it. With `wait=False` the picture is
        taken in the background, for moments when the game must not be kept waiting."""
        path = self.shots / f"{len(self.screenshots) + 1:02d}-{name}.png"
        grab = subprocess.Popen(
            ["import", "-window", "root", str(path)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.screenshots.append(path)
        self._pending.append(grab)
        if wait:
            self.finish_screenshots()
        return path

    def finish_screenshots(self) -> None:
        """Wait for screenshots still being taken."""
        while self._pending:
            grab = self._pending.pop()
            try:
                grab.wait(timeout=COMMAND_TIMEOUT)
            except subprocess.TimeoutExpired:
                grab.kill()
                grab.wait(timeout=5)


def report(data_dir: Path, program: Path = SANGO) -> list[dict[str, str]]:
    """`sango report --format csv` for this data folder, as rows."""
    done = subprocess.run(
        [str(program), "report", "--format", "csv", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
        env={**os.environ, "SDL_VIDEODRIVER": "dummy"},
    )
    assert done.returncode == 0, f"sango report failed: {done.stderr}"
    return list(csv.DictReader(io.StringIO(done.stdout.lstrip("\ufeff"))))


def row_for(rows: list[dict[str, str]], player: str, level_id: str) -> dict[str, str]:
    for row in rows:
        if row["player"] == player and row["level"] == level_id:
            return row
    raise AssertionError(f"no report row for {player} on {level_id}: {rows}")
