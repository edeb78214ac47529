"""Cold start: from launching `sango` to its first interactive frame on screen."""

from __future__ import annotations

import subprocess
import tempfile
import time

from game.bench.session import child_environment, sango_command
from game.bench.stats import Measurement

STARTUP_TARGET_S = 1.5
FIRST_FRAME_MARK = "sango: first frame at "


def time_one_start(timeout: float = 60.0) -> float:
    """Seconds from starting a fresh `sango` process (new data folder) to its first frame."""
    from game.app import EXIT_AFTER_FIRST_FRAME

    with tempfile.TemporaryDirectory(prefix="sango-bench-start-") as data_dir:
        environment = child_environment(**{EXIT_AFTER_FIRST_FRAME: "1"})
        started = time.time()
        result = subprocess.run(
            [*sango_command(), "--data-dir", data_dir],
            env=environment,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        ended = time.time()
    for line in result.stdout.splitlines():
        if line.startswith(FIRST_FRAME_MARK):
            return float(line.removeprefix(FIRST_FRAME_MARK)) - started
    raise RuntimeError(
        f"sango did not report its first frame (exit code {result.returncode}, "
        f"{ended - started:.1f} s): {result.stderr.strip()[-500:]}"
    )


def measure_startup(runs: int) -> Measurement:
    """Cold starts to the title screen under SDL's dummy video driver."""
    measurement = Measurement(
        "startup_s",
        "Cold start to first frame",
        "s",
        target=STARTUP_TARGET_S,
        note="`sango` process with a new data folder, until the title screen is flipped",
    )
    for _ in range(runs):
        measurement.samples.append(time_one_start())
    return measurement
