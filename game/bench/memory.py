"""Memory and size: peak resident memory while playing, and the size of the installable wheel."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from game.bench.session import child_environment
from game.bench.stats import Measurement

PEAK_RSS_TARGET_MB = 200.0
PROJECT_DIR = Path(__file__).resolve().parents[2]


def measure_peak_memory(runs: int, levels: int | None) -> Measurement:
    """Peak RSS of a process that plays the shipped levels headless (see `player.peak_mb`)."""
    measurement = Measurement(
        "peak_rss_mb", "Peak memory while playing", "MB", target=PEAK_RSS_TARGET_MB
    )
    played = finished = 0
    for _ in range(runs):
        command = [sys.executable, "-m", "game.bench.player"]
        if levels is not None:
            command.append(str(levels))
        result = subprocess.run(
            command, env=child_environment(), capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"the headless player failed: {result.stderr.strip()[-800:]}")
        report = json.loads(result.stdout.strip().splitlines()[-1])
        measurement.samples.append(report["peak_rss_mb"])
        played, finished = int(report["levels_played"]), int(report["levels_finished"])
    measurement.note = (
        f"peak RSS (VmHWM) of `python -m game.bench.player`: {played} levels at 200% text "
        f"through the real loop, {finished} played to the end"
    )
    return measurement


def _uv() -> str | None:
    return os.environ.get("UV") or shutil.which("uv")


def measure_wheel(build: bool = True) -> list[Measurement]:
    """Size of the wheel (download) and of what it installs, fonts and art included.

    Built offline with `uv build --wheel` from the source checkout. Without uv or a checkout,
    or with `build` False, the package folder is zipped the way a wheel is, as an estimate.
    """
    wheel = Measurement("wheel_mb", "Wheel size (with fonts)", "MB")
    installed = Measurement("installed_mb", "Installed size of the wheel", "MB")
    uv = _uv()
    with tempfile.TemporaryDirectory(prefix="sango-bench-wheel-") as out:
        path: Path | None = None
        if build and uv and (PROJECT_DIR / "pyproject.toml").is_file():
            result = subprocess.run(
                [uv, "build", "--wheel", "--offline", "--quiet", "--out-dir", out],
                cwd=PROJECT_DIR,
                capture_output=True,
                text=True,
                check=False,
            )
            built = sorted(Path(out).glob("*.whl"))
            if result.returncode == 0 and built:
                path = built[0]
                wheel.note = f"`uv build --wheel`: {path.name}"
        if path is None:
            path = Path(out) / "estimate.zip"
            _zip_package(Path(__file__).resolve().parents[1], path)
            wheel.note = "estimated: the game package zipped as a wheel is (no uv build)"
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
            files = len(archive.infolist())
        wheel.samples.append(path.stat().st_size / 1e6)
        installed.samples.append(unpacked / 1e6)
        installed.note = f"{files} files unpacked"
    return [wheel, installed]


def _zip_package(package: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(package.rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                archive.write(file, Path(package.name) / file.relative_to(package))
