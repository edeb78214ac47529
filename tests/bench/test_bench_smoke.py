"""`sango bench --quick --json` runs end to end and reports every number (never timed here)."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys

from game.bench.suite import REQUIRED_KEYS


def test_quick_bench_reports_every_key_as_a_number() -> None:
    environment = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    result = subprocess.run(
        [sys.executable, "-m", "game", "bench", "--quick", "--json"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=170,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    for key in REQUIRED_KEYS:
        value = report[key]
        assert isinstance(value, int | float) and not isinstance(value, bool), (key, value)
        assert math.isfinite(value) and value >= 0, (key, value)
    assert report["quick"] is True
    assert report["machine"]["cores"] >= 1
    assert report["input_latency_frames"] >= 1
    details = report["measurements"]
    assert details["peak_rss_mb"]["runs"] == 1
    assert "step of" in report["frame_step"]
