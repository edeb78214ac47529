"""Idle CPU: a real `sango` process on a static screen, waiting for a child, measured from outside.

The baseline pygame_gui loop is measured the same way, on the same screen.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile

from game.bench.process import cpu_percent, wait_until_quiet
from game.bench.session import BENCH_PLAYER, child_environment, sango_command
from game.bench.stats import Measurement

IDLE_TARGET_PERCENT = 2.0
IDLE_TEXT_SCALE = 200
SETTLE_LIMIT_S = 30.0


def idle_percent(command: list[str], seconds: float, settle: bool = True) -> float:
    """Percent of one core `command` uses over `seconds`, once it has finished starting."""
    process = subprocess.Popen(
        command,
        env=child_environment(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        if settle:
            wait_until_quiet(process.pid, SETTLE_LIMIT_S)
        elif process.stdout is not None:
            process.stdout.readline()  # the baseline says when its screen is up
        if process.poll() is not None:
            raise RuntimeError(f"{command[0]} ended early: {process.communicate()[1][-500:]}")
        return cpu_percent(process.pid, seconds)
    finally:
        process.terminate()
        try:
            process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


def measure_idle(runs: int, seconds: float, level_id: str | None) -> list[Measurement]:
    """Our idle CPU on a level screen, and the full-redraw baseline's on the same step."""
    ours = Measurement(
        "idle_cpu_percent",
        f"Idle CPU over {seconds:g} s, static level screen",
        "% of a core",
        target=IDLE_TARGET_PERCENT,
        note="`sango` in a level at 200% text; /proc/<pid>/stat utime+stime",
    )
    baseline = Measurement(
        "baseline_idle_cpu_percent",
        f"Baseline idle CPU over {seconds:g} s (pygame_gui, 60 fps)",
        "% of a core",
        note="the same step as a pygame_gui screen redrawn every frame with clock.tick(60)",
    )
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="sango-bench-idle-") as data_dir:
            command = [
                *sango_command(),
                "--data-dir",
                data_dir,
                "--text-scale",
                str(IDLE_TEXT_SCALE),
            ]
            if level_id:
                command += ["--player", BENCH_PLAYER, "--level", level_id]
            ours.samples.append(idle_percent(command, seconds))
        baseline_command = [sys.executable, "-m", "game.bench.baseline", str(seconds + 60)]
        baseline.samples.append(idle_percent(baseline_command, seconds, settle=False))
    return [ours, baseline]
