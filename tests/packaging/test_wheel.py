"""The wheel a family or school installs: it carries everything and plays from outside the repo.

The wheel is built once for the module, installed with the locked dependency versions into a
fresh virtual environment in a temporary folder, and every check runs the installed game from
a folder outside the repository, so nothing can be found in the source tree by accident.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pygame
import pytest

from game import __version__

ROOT = Path(__file__).resolve().parents[2]
LEVEL_ID = "privacy-treasure"
TIMEOUT = 180

PLAY_SCRIPT = r'''
"""Play one level headless in the installed game, with key events through the real loop."""
import json
import os
import sys

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pygame

import game
from game import paths
from game.app import App, LaunchOptions, create_context, first_scene, open_window
from game.scenes.complete import CompleteScene
from game.scenes.level import LevelScene

data_dir, level_id, locale = sys.argv[1:4]
pygame.init()
options = LaunchOptions(
    data_dir=data_dir, player="Wheel", level=level_id,
    overrides={"input_mode": "keyboard", "locale": locale},
)
surface = open_window()
ctx = create_context(options)
first_scene(ctx, options)
app = App(ctx, surface)
app.step(wait=False)


def press(key):
    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=0))
    app.step(wait=False)


def choose(widget_id):
    for _ in range(60):
        if app.top.focus.focused is not None and app.top.focus.focused.id == widget_id:
            press(pygame.K_RETURN)
            return
        press(pygame.K_TAB)
    raise SystemExit(f"Tab never reached {widget_id}")


pressed = []
for _ in range(400):
    scene = app.top
    if isinstance(scene, CompleteScene):
        break
    if not isinstance(scene, LevelScene):
        raise SystemExit(f"left the level for {type(scene).__name__} after {pressed}")
    ids = [item.id for item in scene.focus.items]
    step = scene.level.steps[scene.index]
    if "more" in ids:
        target = "more"
    elif any(i.startswith("option-") for i in ids):
        results = [str(option.result) for option in step.choice.options]
        target = f"option-{results.index('safe') + 1}"
    elif "retry" in ids:
        target = "retry"
    else:
        target = "next"
    choose(target)
    pressed.append(target)
progress = ctx.store.progress(ctx.player.id).get(level_id)
print(json.dumps({
    "game": game.__file__,
    "content": str(paths.content_dir()),
    "locales": str(paths.locales_dir()),
    "next": ctx._("Next"),
    "scene": type(app.top).__name__,
    "status": progress.status if progress else None,
    "presses": len(pressed),
}))
ctx.close()
pygame.quit()
'''


@dataclass(frozen=True)
class Installed:
    """The built wheel and the environment it was installed into."""

    wheel: Path
    venv: Path
    home: Path
    seconds: dict[str, float]

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"

    @property
    def sango(self) -> Path:
        return self.venv / "bin" / "sango"

    def env(self) -> dict[str, str]:
        """A clean environment: no repo on the path, user folders inside the test's folder."""
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("PYTHONPATH", "VIRTUAL_ENV", "SANGO_DATA_DIR", "PYTHONHOME")
        }
        env.update(
            SDL_VIDEODRIVER="dummy",
            SDL_AUDIODRIVER="dummy",
            HOME=str(self.home),
            XDG_DATA_HOME=str(self.home / "data"),
            XDG_CACHE_HOME=str(self.home / "cache"),
            XDG_CONFIG_HOME=str(self.home / "config"),
            SANGO_CACHE_DIR=str(self.home / "sango-cache"),
        )
        return env

    def run(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        """Run a program of the environment from the home folder, outside the repository."""
        started = time.monotonic()
        done = subprocess.run(
            [str(arg) for arg in args],
            cwd=self.home,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        label = " ".join(Path(str(arg)).name for arg in args[:2])
        self.seconds[label] = time.monotonic() - started
        return done


def uv() -> str:
    found = shutil.which("uv")
    if found is None:
        pytest.fail("the packaging tests need `uv` on the PATH (CI installs it)", pytrace=False)
    return found


def checked(done: subprocess.CompletedProcess[str], what: str) -> str:
    assert done.returncode == 0, f"{what} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    """`uv build --wheel`, then a fresh venv with the wheel and the locked dependencies."""
    work = tmp_path_factory.mktemp("wheel")
    seconds: dict[str, float] = {}
    started = time.monotonic()
    checked(
        subprocess.run(
            [uv(), "build", "--wheel", "--out-dir", str(work / "dist")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        ),
        "uv build --wheel",
    )
    seconds["build"] = time.monotonic() - started
    wheels = sorted((work / "dist").glob("sango-*.whl"))
    assert len(wheels) == 1, wheels

    started = time.monotonic()
    venv = work / "venv"
    checked(
        subprocess.run(
            [uv(), "venv", "--quiet", "--python", sys.executable, str(venv)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        ),
        "uv venv",
    )
    pins = work / "requirements.txt"
    pins.write_text(
        checked(
            subprocess.run(
                [
                    uv(),
                    "export",
                    "--frozen",
                    "--no-dev",
                    "--no-hashes",
                    "--no-emit-project",
                    "--format",
                    "requirements-txt",
                    "--quiet",
                ],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
            ),
            "uv export",
        ),
        encoding="utf-8",
    )
    install = [
        uv(),
        "pip",
        "install",
        "--quiet",
        "--python",
        str(venv / "bin" / "python"),
        "-r",
        str(pins),
        str(wheels[0]),
    ]
    # From uv's cache when it can; otherwise the index fills the gaps.
    done = subprocess.run([*install, "--offline"], capture_output=True, text=True, timeout=TIMEOUT)
    if done.returncode != 0:
        done = subprocess.run(install, capture_output=True, text=True, timeout=TIMEOUT)
    checked(done, "uv pip install")
    seconds["install"] = time.monotonic() - started
    home = work / "home"
    home.mkdir()
    result = Installed(wheels[0], venv, home, seconds)
    yield result
    print("\npackaging timings (s): " + ", ".join(f"{k}={v:.1f}" for k, v in seconds.items()))


def test_wheel_carries_assets_content_compiled_catalogs_and_schema(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    levels = sorted(ROOT.glob("content/levels/*/*.yaml"))
    assert levels
    for level in levels:
        assert f"game/_data/{level.relative_to(ROOT).as_posix()}" in names
    for data in ("badges.yaml", "helplines.yaml", "level.schema.json"):
        assert f"game/_data/content/{data}" in names
    catalogs = sorted(ROOT.glob("locales/*/LC_MESSAGES/*.po"))
    assert catalogs
    for po in catalogs:
        shipped = f"game/_data/{po.relative_to(ROOT).as_posix()}"
        assert shipped in names and shipped.removesuffix(".po") + ".mo" in names, shipped
    for asset in sorted((ROOT / "game" / "assets").rglob("*")):
        if asset.is_file() and "__pycache__" not in asset.parts:
            assert asset.relative_to(ROOT).as_posix() in names, asset
    assert not any(name.startswith(("tests/", "game/_data/locales/__")) for name in names)
    assert any(name.endswith("entry_points.txt") for name in names)


def test_installed_game_runs_outside_the_repository(installed: Installed) -> None:
    version = checked(installed.run(installed.sango, "--version"), "sango --version")
    assert version.strip() == f"sango {__version__}"
    where = checked(
        installed.run(installed.python, "-c", "import game.paths as p; print(p.content_dir())"),
        "import game",
    ).strip()
    assert Path(where).is_relative_to(installed.venv), f"content read from {where}"
    assert Path(where).parent.name == "_data"


def test_installed_game_validates_its_content(installed: Installed) -> None:
    done = installed.run(installed.sango, "validate")
    checked(done, "sango validate")


def test_installed_game_previews_a_level_to_pngs(installed: Installed) -> None:
    out = installed.home / "preview"
    checked(installed.run(installed.sango, "preview", LEVEL_ID, "--out", out), "sango preview")
    pictures = sorted(out.glob("*.png"))
    assert len(pictures) >= 5, pictures
    for picture in pictures:
        image = pygame.image.load(str(picture))
        assert image.get_size() == (1280, 720), picture
        small = pygame.transform.scale(image, (64, 36))
        colours = {small.get_at((x, y))[:3] for x in range(64) for y in range(36)}
        assert len(colours) > 20, f"{picture} looks blank ({len(colours)} colours)"


def test_installed_game_plays_a_level_headless_in_french(installed: Installed) -> None:
    script = installed.home / "play_one_level.py"
    script.write_text(PLAY_SCRIPT, encoding="utf-8")
    data = installed.home / "saved"
    output = checked(installed.run(installed.python, script, data, LEVEL_ID, "fr"), "headless play")
    result = json.loads(output.strip().splitlines()[-1])
    assert Path(result["game"]).is_relative_to(installed.venv), result
    assert Path(result["locales"]).is_relative_to(installed.venv), result
    assert result["next"] != "Next", f"the French catalog did not load: {result}"
    assert result["scene"] == "CompleteScene" and result["status"] == "completed", result
    report = checked(
        installed.run(installed.sango, "report", "--format", "csv", "--data-dir", data),
        "sango report",
    )
    assert f"Wheel,under-9,{LEVEL_ID},completed" in report.replace("\ufeff", ""), report


def test_installed_game_compiles_catalogs_missing_from_the_wheel(installed: Installed) -> None:
    """A wheel built without .mo files (another build tool, a stripped package) still speaks
    French: the game compiles the catalog it needs when it starts. Runs last: it removes them."""
    locales = installed.venv / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    compiled = sorted((locales / "site-packages" / "game" / "_data" / "locales").rglob("*.mo"))
    assert compiled, "the installed wheel has no compiled catalogs to remove"
    for mo in compiled:
        mo.unlink()
    script = installed.home / "play_one_level.py"
    script.write_text(PLAY_SCRIPT, encoding="utf-8")
    output = checked(
        installed.run(installed.python, script, installed.home / "saved-again", LEVEL_ID, "fr"),
        "headless play without compiled catalogs",
    )
    result = json.loads(output.strip().splitlines()[-1])
    assert result["next"] != "Next", f"the French catalog was not compiled: {result}"
    assert result["status"] == "completed", result
