"""The accessibility gate: every screen and every state of every shipped level, in every
language, at every text size, in both themes, passes `sango audit` (ACCESSIBILITY.md).

This is the same command a teacher or content author runs; the whole sweep takes a few minutes
with one worker per processor, so CI runs it once, in full."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from game.i18n.catalog import available_locales
from game.paths import locales_dir
from game.settings import TEXT_SCALES

PROJECT = Path(__file__).resolve().parents[2]


def test_every_shipped_screen_passes_the_audit_in_every_language_size_and_theme() -> None:
    locales = available_locales(locales_dir())
    assert {"ar", "en", "es", "fr", "ru", "zh_Hans"} <= set(locales)
    assert len(TEXT_SCALES) >= 5 and min(TEXT_SCALES) == 100 and max(TEXT_SCALES) == 200

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "game",
            "audit",
            "--locale",
            "all",
            "--text-scale",
            "all",
            "--contrast",
            "all",
            "--jobs",
            str(max(1, os.cpu_count() or 1)),
        ],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )

    lines = result.stdout.strip().splitlines()
    summary = lines[-1] if lines else result.stderr[-2000:]
    shown = "\n".join(lines[:60])
    assert result.returncode == 0, f"{summary}\n{shown}"
    assert summary.endswith("no problems"), summary
    combinations = len(locales) * len(TEXT_SCALES) * 2
    assert f"in {combinations} settings combinations" in summary, summary
    screens = int(summary.split("sango audit: ")[1].split()[0])
    assert screens > 800, f"the audit visited only {screens} screens"
