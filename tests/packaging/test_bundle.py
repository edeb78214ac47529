"""The desktop bundle for families and schools without Python (PyInstaller, one folder).

Built from packaging/sango.spec exactly as docs/shipping.md says, then used from outside the
repository: the commands, a preview, and a level played in a real window with X key events.
Runs only with SANGO_TEST_BUNDLE=1 (see conftest.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game import __version__
from game.commands import command_modules
from tests.e2e.conftest import SCREEN, x_server
from tests.e2e.real_game import RealGame, rehearse, report, row_for

ROOT = Path(__file__).resolve().parents[2]
LEVEL_ID = "privacy-treasure"
BUILD_TIMEOUT = 1200


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """`uv run --with pyinstaller pyinstaller packaging/sango.spec`: dist/sango/sango."""
    uv = shutil.which("uv")
    assert uv is not None, "the bundle test needs `uv` on the PATH"
    work = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    done = subprocess.run(
        [
            uv,
            "run",
            "--with",
            "pyinstaller",
            "pyinstaller",
            "--noconfirm",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            "packaging/sango.spec",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
    )
    assert done.returncode == 0, f"PyInstaller failed:\n{done.stderr[-5000:]}"
    folder = work / "dist" / "sango"
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    print(f"\nbundle: built in {time.monotonic() - started:.0f} s, {size / 2**20:.0f} MiB")
    yield folder / "sango"


def run(program: Path, *args: str | Path, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        HOME=str(cwd),
        XDG_DATA_HOME=str(cwd / "data"),
        XDG_CACHE_HOME=str(cwd / "cache"),
    )
    done = subprocess.run(
        [str(program), *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"{program.name} {args} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_bundle_has_every_command(bundle: Path, tmp_path: Path) -> None:
    assert run(bundle, "--version", cwd=tmp_path).strip() == f"sango {__version__}"
    helped = run(bundle, "--help", cwd=tmp_path)
    for name in (module.NAME for module in command_modules()):
        assert name in helped, f"`{name}` missing from the bundle's commands (hidden import?)"


def test_bundle_validates_and_previews(bundle: Path, tmp_path: Path) -> None:
    assert "0 problems" in run(bundle, "validate", cwd=tmp_path)
    out = tmp_path / "preview"
    run(bundle, "preview", LEVEL_ID, "--out", out, "--locale", "zh_Hans", cwd=tmp_path)
    pictures = sorted(out.glob("*.png"))
    assert len(pictures) >= 5
    for picture in pictures:
        small = pygame.transform.scale(pygame.image.load(str(picture)), (64, 36))
        assert len({small.get_at((x, y))[:3] for x in range(64) for y in range(36)}) > 20


def test_bundle_plays_a_level_in_a_real_window(bundle: Path, tmp_path: Path) -> None:
    plan = rehearse(LEVEL_ID, "keyboard", tmp_path)
    shots = Path("/tmp") / "sango-e2e-bundle"
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    with x_server(SCREEN, tmp_path / "xvfb.log") as display:
        game = RealGame(display, tmp_path / "data", shots, program=bundle)
        with game.running("--player", "Dee", "--level", LEVEL_ID, "--input", "keyboard"):
            game.screenshot("start")
            for press in plan.presses:
                game.key(*["Tab"] * ((press.index - press.focused) % press.count), "Return")
            game.screenshot("complete")
            assert game.stop() == 0
    row = row_for(report(tmp_path / "data", bundle), "Dee", LEVEL_ID)
    assert row["status"] == "completed" and int(row["unsafe"]) == 0, row
