"""An author plays their level file with --watch: every save shows at once, on the same step."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.authoring.watch import POLL_SECONDS, LevelNotReady, open_for_authoring
from game.scenes.level import LevelScene
from game.scenes.shortcuts import start_shortcut
from tests.authoring.conftest import write_starter_level
from tests.driver import GameDriver, make_driver


@pytest.fixture
def level_file(tmp_path: Path) -> Path:
    return write_starter_level(tmp_path / "my-level" / "my-level.yaml", "9-12", "my-level")


def _author_game(data_dir: Path, level_file: Path, watch: bool = True) -> GameDriver:
    """`sango play --player Ada --level FILE [--watch]`, headless."""
    game = make_driver(data_dir, overrides={"input_mode": "keyboard"})
    game.options.player = "Ada"
    watcher = open_for_authoring(game.ctx, game.options, str(level_file), watch)
    start_shortcut(game.ctx, "Ada", game.options.level)
    game.app.watcher = watcher
    game.frame()
    return game


@pytest.fixture
def game(data_dir: Path, level_file: Path) -> Iterator[GameDriver]:
    driver = _author_game(data_dir, level_file)
    yield driver
    driver.close()


def _save(path: Path, text: str) -> None:
    """Save as an editor does; the clock moves on, so the file's time changes for sure."""
    stamp = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stamp + 10**9, stamp + 10**9))


def _drawn(game: GameDriver) -> list[str]:
    """Every text drawn in the last frame, overlays included."""
    game.app.draw()
    return [" ".join(entry.text.split()) for entry in game.ctx.text.log.rendered]


def test_the_level_file_plays_from_its_folder(game: GameDriver, level_file: Path) -> None:
    scene = game.top
    assert isinstance(scene, LevelScene)
    assert scene.level.id == "my-level"
    assert game.ctx.catalogue.path_of("my-level") == level_file.absolute()


def test_a_saved_change_shows_on_the_same_step(game: GameDriver, level_file: Path) -> None:
    game.keyboard_select("next")
    assert game.top.index == 1
    text = level_file.read_text(encoding="utf-8")

    _save(level_file, text.replace("feels wrong. What do you do?", "feels odd. What now?"))
    game.wait(POLL_SECONDS + 0.1)

    scene = game.top
    assert isinstance(scene, LevelScene) and scene.index == 1
    assert scene.level.steps[1].choice.prompt.endswith("feels odd. What now?")
    assert any("feels odd. What now?" in words for words in _drawn(game))
    assert any(words.startswith("Reloaded my-level.yaml") for words in _drawn(game))
    game.wait(3)
    assert not any(words.startswith("Reloaded") for words in _drawn(game))


def test_a_step_keeps_its_place_by_label_when_steps_are_added_before_it(
    game: GameDriver, level_file: Path
) -> None:
    game.keyboard_select("next")
    text = level_file.read_text(encoding="utf-8")
    added = "  - say: A new line before the question.\n\n  # A question"

    _save(level_file, text.replace("  # A question", added, 1))
    game.wait(POLL_SECONDS + 0.1)

    assert game.top.index == 2
    assert game.top.level.steps[2].label == "first-question"


def test_a_broken_save_keeps_the_old_version_and_names_the_problem(
    game: GameDriver, level_file: Path
) -> None:
    game.keyboard_select("next")
    good = level_file.read_text(encoding="utf-8")
    before = game.top

    _save(level_file, good.replace("      prompt:", "      promt:"))
    game.wait(POLL_SECONDS + 0.1)

    assert game.top is before, "the old version stays on screen"
    line = next(n for n, text in enumerate(good.splitlines(), 1) if "prompt:" in text)
    notice = game.app.watcher.notice.words
    assert f"my-level.yaml:{line}:7: unknown key 'promt' - did you mean 'prompt'?" in notice
    assert any(f":{line}:7: unknown key 'promt'" in words for words in _drawn(game))
    game.wait(10)
    assert game.app.watcher.notice is not None, "the problem stays until it is fixed"

    _save(level_file, good)
    game.wait(POLL_SECONDS + 0.1)
    assert game.top is not before and game.top.index == 1
    assert game.app.watcher.notice.words.startswith("Reloaded")


def test_a_save_while_help_is_open_shows_when_the_level_is_back(
    game: GameDriver, level_file: Path
) -> None:
    game.keyboard_select("help")
    text = level_file.read_text(encoding="utf-8")

    _save(level_file, text.replace("Let's learn to stay safe online.", "Welcome back!"))
    game.wait(POLL_SECONDS + 0.1)
    game.key(pygame.K_ESCAPE)
    game.wait(0.1)

    assert isinstance(game.top, LevelScene)
    assert game.top.level.steps[0].say.endswith("Welcome back!")


def test_the_watcher_wakes_the_sleeping_loop_twice_a_second(game: GameDriver) -> None:
    assert game.app.timeout_ms() <= POLL_SECONDS * 1000 + 1


def test_without_watch_nothing_watches(data_dir: Path, level_file: Path) -> None:
    game = _author_game(data_dir, level_file, watch=False)
    try:
        assert game.app.watcher is None
        assert isinstance(game.top, LevelScene)
    finally:
        game.close()


def test_a_broken_file_is_not_played_and_says_where(data_dir: Path, level_file: Path) -> None:
    level_file.write_text(
        level_file.read_text(encoding="utf-8").replace("band: 9-12", "band: 9-13"),
        encoding="utf-8",
    )
    game = make_driver(data_dir)
    try:
        with pytest.raises(LevelNotReady, match=r"my-level\.yaml:\d+:7: 'band' must be one of"):
            open_for_authoring(game.ctx, game.options, str(level_file), True)
    finally:
        game.close()
