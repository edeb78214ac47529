"""A level carries its own pictures and recorded voice next to its file: validated, previewed,
played and heard, whether it is in the game's levels or opened from anywhere as a file."""

from __future__ import annotations

import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.audio.announcer import recording_for
from game.authoring.watch import open_for_authoring
from game.content.catalogue import validate
from game.preview import Look, PreviewRequest, run_preview
from game.scenes.complete import CompleteScene
from game.scenes.shortcuts import start_shortcut
from tests.authoring.conftest import scratch_content, write_starter_level
from tests.driver import GameDriver, make_driver, play_current_level
from tests.steps.play import next_press

MAGENTA = (255, 0, 255)
"""A colour no built-in art uses, so the level's own picture can be found on screen."""

OWN_STEPS = """  - say: Listen to me read this line.
    voice: voice/hello.wav
  - sort:
      prompt: Where does the cake go?
      bins:
        - id: share
          label: OK to share
        - id: private
          label: Keep private
      items:
        - text: A cake
          image: pictures/cake.png
          bin: share
          feedback: Sharing cake is kind.
        - text: Your password
          bin: private
          feedback: Keep it private.
  - spot:
      prompt: Find the warning sign.
      image: pictures/cake.svg
      lines:
        - text: Free cake for your password!
          sign: Nobody real needs your password.
        - text: Have a nice day.

  # Every level ends"""


def _own_files(folder: Path) -> None:
    (folder / "pictures").mkdir(parents=True, exist_ok=True)
    cake = pygame.Surface((64, 64))
    cake.fill(MAGENTA)
    pygame.image.save(cake, str(folder / "pictures" / "cake.png"))
    (folder / "pictures" / "cake.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">'
        '<rect width="64" height="64" fill="#ff00ff"/></svg>',
        encoding="utf-8",
    )
    (folder / "voice").mkdir(exist_ok=True)
    with wave.open(str(folder / "voice" / "hello.wav"), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(22050)
        sound.writeframes(bytes(22050))


@pytest.fixture
def level_file(tmp_path: Path) -> Path:
    levels = scratch_content(tmp_path / "game")
    path = write_starter_level(levels / "9-12" / "01-own-files.yaml", "9-12", "own-files")
    path.write_text(
        path.read_text(encoding="utf-8").replace("  # Every level ends", OWN_STEPS), "utf-8"
    )
    _own_files(path.parent)
    return path


def _magenta_pixels(path: Path) -> int:
    picture = pygame.image.load(str(path))
    mask = pygame.mask.from_threshold(picture, MAGENTA, (8, 8, 8, 255))
    return mask.count()


def _play_until(game: GameDriver, wanted: Callable[[Any], bool]) -> None:
    """Play like a careful child until the step on screen is the one wanted."""
    tried: set[Any] = set()
    for _ in range(100):
        if wanted(game.top.level.steps[game.top.index]):
            return
        game.keyboard_select(next_press(game, False, tried))
    raise AssertionError("the step never came")


def test_the_level_with_its_own_files_validates(level_file: Path) -> None:
    assert validate([level_file], strict=True).errors == []


def test_the_preview_shows_the_levels_own_pictures(level_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "look"

    request = PreviewRequest((str(level_file),), out, (Look(),), levels_dir=level_file.parents[1])
    assert run_preview(request) == 0

    (sort,) = out.glob("*-sort.png")
    (spot,) = out.glob("*-spot-task.png")
    assert _magenta_pixels(sort) > 1000, "the cake picture is on the sort card"
    assert _magenta_pixels(spot) > 1000, "the SVG is on the spot card"
    assert _magenta_pixels(out / "02-choice.png") == 0


def test_a_player_hears_the_recorded_voice_and_finishes(level_file: Path, data_dir: Path) -> None:
    game = make_driver(data_dir, player="Ada", level="own-files", levels_dir=level_file.parents[1])
    try:
        _play_until(game, lambda step: getattr(step, "voice", None) is not None)
        assert recording_for(game.ctx, game.top) == level_file.parent / "voice" / "hello.wav"

        play_current_level(game, game.keyboard_select)
        assert isinstance(game.top, CompleteScene)
    finally:
        game.close()


def test_a_level_opened_as_a_file_finds_its_files_beside_it(
    level_file: Path, data_dir: Path, tmp_path: Path
) -> None:
    moved = tmp_path / "elsewhere" / "own-files.yaml"
    moved.parent.mkdir()
    moved.write_text(level_file.read_text(encoding="utf-8"), encoding="utf-8")
    _own_files(moved.parent)
    game = make_driver(data_dir, overrides={"input_mode": "keyboard"})
    try:
        open_for_authoring(game.ctx, game.options, str(moved), watch=False)
        start_shortcut(game.ctx, "Ada", game.options.level)
        game.frame()
        _play_until(game, lambda step: step.type_key == "sort")
        game.screenshot(tmp_path / "sort.png")
        assert _magenta_pixels(tmp_path / "sort.png") > 1000
    finally:
        game.close()
