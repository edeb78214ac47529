"""A virtual X screen of its own for each real-window test, and a known folder for screenshots."""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

SCREEN = "1600x1000x24"
"""Room for the game window at its own size, 1280x720."""
BIG_SCREEN = "2700x1700x24"
"""Room for the game window at twice its size (the mouse test scales it)."""
NEEDED_PROGRAMS = {
    "Xvfb": "xvfb",
    "xdotool": "xdotool",
    "import": "imagemagick",
}
STARTUP_SECONDS = 15.0


def require_programs() -> None:
    """Fail (never skip) when a program the real-window tests need is missing."""
    missing = [
        f"{program} (Debian package {package})"
        for program, package in NEEDED_PROGRAMS.items()
        if shutil.which(program) is None
    ]
    if missing:
        pytest.fail(
            "The real-window tests need " + ", ".join(missing) + ". `.ci/run` installs them; "
            "on a developer machine run `apt-get install xvfb xdotool imagemagick`.",
            pytrace=False,
        )


@contextmanager
def x_server(screen: str, log: Path) -> Iterator[str]:
    """A fresh Xvfb on a free display number (Xvfb picks it and tells us via -displayfd)."""
    require_programs()
    read_end, write_end = os.pipe()
    with open(log, "wb") as errors:
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", screen, "-nolisten", "tcp"],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
    os.close(write_end)
    try:
        number = _read_display_number(read_end, server, log)
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)


@pytest.fixture
def x_display(tmp_path: Path) -> Iterator[str]:
    """The DISPLAY of a virtual screen of this test's own."""
    with x_server(SCREEN, tmp_path / "xvfb.log") as display:
        yield display


@pytest.fixture
def big_x_display(tmp_path: Path) -> Iterator[str]:
    """The DISPLAY of a big virtual screen of this test's own."""
    with x_server(BIG_SCREEN, tmp_path / "xvfb.log") as display:
        yield display


def _read_display_number(read_end: int, server: subprocess.Popen[bytes], log: Path) -> int:
    deadline = time.monotonic() + STARTUP_SECONDS
    text = b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([read_end], [], [], 0.1)
        if ready:
            chunk = os.read(read_end, 64)
            text += chunk
            if b"\n" in text or not chunk:
                break
        if server.poll() is not None:
            break
    match = re.match(rb"\s*(\d+)", text)
    if match is None:
        server.kill()
        errors = log.read_text(encoding="utf-8", errors="replace")
        pytest.fail(
            f"Xvfb did not start within {STARTUP_SECONDS:.0f} s: {errors[-2000:]}", pytrace=False
        )
    return int(match.group(1))


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> Path:
    """/tmp/sango-e2e-<test>/: the screenshots of this test, kept after it for a look."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")
    folder = Path("/tmp") / f"sango-e2e-{name}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder
