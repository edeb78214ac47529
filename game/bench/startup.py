"""Cold start: from launching `sango` to its first interactive frame on screen."""

from __future__ import annotations

import resource
import subprocess
import tempfile
import time

from game.bench.session import child_environment, sango_command
from game.bench.stats import Measurement

STARTUP_TARGET_S = 1.5
FIRST_FRAME_MARK = "sango: first frame at "


def time_one_start(timeout: float = 60.0) -> tuple[float, float]:
    """Seconds from starting a fresh `sango` process (new data folder) to its first frame, and
    the CPU seconds the whole process used."""
    from game.app import EXIT_AFTER_FIRST_FRAME

    with tempfile.TemporaryDirectory(prefix="sango-bench-start-") as data_dir:
        environment = child_environment(**{EXIT_AFTER_FIRST_FRAME: "1"})
        # As installed: installers compile the bytecode, so let Python keep it.
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        used_before = _children_cpu()
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
        cpu = _children_cpu() - used_before
    for line in result.stdout.splitlines():
        if line.startswith(FIRST_FRAME_MARK):
            return float(line.removeprefix(FIRST_FRAME_MARK)) - started, cpu
    raise RuntimeError(
        f"sango did not report its first frame (exit code {result.returncode}, "
        f"{ended - started:.1f} s): {result.stderr.strip()[-500:]}"
    )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure_startup(runs: int) -> Measurement:
    """Cold starts to the title screen under SDL's dummy video driver."""
    measurement = Measurement(
        "startup_s",
        "Cold start to first frame",
        "s",
        target=STARTUP_TARGET_S,
        note="`sango` with a new data folder until its first frame is shown, bytecode compiled; "
        "CPU: user + system time of the whole process",
    )
    time_one_start()  # the first start after an install or update writes the bytecode
    for _ in range(runs):
        wall, used = time_one_start()
        measurement.samples.append(wall)
        measurement.cpu_samples.append(used)
    return measurement
