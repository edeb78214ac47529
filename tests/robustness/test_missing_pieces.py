"""Whatever is missing on the computer the game runs on (a sound card, a voice, a font, a picture,
a writable folder, a screen, a readable save file) the child still plays, and the adult is told
plainly. Never a traceback."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from game import paths
from game.scenes.settings import SettingsScene
from tests.driver import GameDriver, make_driver
from tests.robustness.journeys import play_first_level

REPOSITORY = Path(__file__).resolve().parents[2]


def plays_a_level_with_the_mouse(game_driver: GameDriver) -> None:
    """From the title screen: make a player, choose a band, play its first level to the end."""
    game_driver.click("play")
    game_driver.click("avatar-owl")
    game_driver.click("done")
    play_first_level(game_driver, "under-9")


def adult_sees(game_driver: GameDriver, words: str) -> None:
    """The words are among the notices the settings screen shows an adult."""
    assert any(words in notice for notice in game_driver.ctx.notices), game_driver.ctx.notices
    game_driver.click("settings")
    assert isinstance(game_driver.top, SettingsScene)
    game_driver.app.draw()
    log = game_driver.ctx.text.log
    drawn = " ".join(entry.text for entry in log.rendered) if log is not None else ""
    assert words in " ".join(drawn.split()), f"{words!r} is not on the settings screen"


def start(data_dir: Path, **launch: object) -> GameDriver:
    return make_driver(data_dir, **launch)


# --- the save file -------------------------------------------------------------------------


def damage_garbage(database: Path) -> None:
    database.write_bytes(b"this is not a database \x00\xff" * 500)


def damage_truncated(database: Path) -> None:
    data = database.read_bytes()
    database.write_bytes(data[: len(data) // 2])


def damage_scrambled(database: Path) -> None:
    data = bytearray(database.read_bytes())
    for offset in range(4096, len(data), 97):
        data[offset] ^= 0x5A
    database.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [damage_garbage, damage_truncated, damage_scrambled])
def test_a_damaged_save_file_is_moved_aside_and_the_adult_is_told(
    data_dir: Path, damage: Callable[[Path], None]
) -> None:
    first = start(data_dir, player="Ama")
    for number in range(40):  # a save file of several pages, so damage lands inside it
        first.ctx.store.create_player(f"Friend {number}", "fox")
    first.close()
    _checkpoint(data_dir / "sango.db")
    database = data_dir / "sango.db"
    damage(database)
    damaged = database.read_bytes()

    game_driver = start(data_dir)
    try:
        moved = [
            path
            for path in sorted(data_dir.glob("sango.db.broken-*"))
            if not path.name.endswith(("-wal", "-shm", "-journal"))
        ]
        assert len(moved) == 1 and moved[0].read_bytes() == damaged
        adult_sees(game_driver, "moved aside")
        game_driver.click("back")
        plays_a_level_with_the_mouse(game_driver)
    finally:
        game_driver.close()
    assert moved[0].exists(), "the damaged file must never be deleted"


def _checkpoint(database: Path) -> None:
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def test_a_save_file_that_is_a_folder_leaves_a_playable_game_that_does_not_save(
    data_dir: Path,
) -> None:
    (data_dir / "sango.db").mkdir(parents=True)
    game_driver = start(data_dir)
    try:
        assert not game_driver.ctx.store.saves
        assert game_driver.ctx.notices
        plays_a_level_with_the_mouse(game_driver)
    finally:
        game_driver.close()
    assert (data_dir / "sango.db").is_dir()


def test_an_unwritable_data_folder_gives_a_game_that_plays_and_says_it_does_not_save(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    game_driver = start(blocker / "sango")
    try:
        assert not game_driver.ctx.store.saves
        plays_a_level_with_the_mouse(game_driver)
        adult_sees(game_driver, "progress is forgotten")
    finally:
        game_driver.close()
    assert blocker.read_text() == "a file where the data folder should be"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["not-a-folder"]


# --- sound and speech ----------------------------------------------------------------------


def test_no_sound_device_gives_a_silent_game_and_a_notice(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_device(*args: object, **kwargs: object) -> None:
        raise pygame.error("No available audio device")

    real_init = pygame.init

    def init_without_sound() -> tuple[int, int]:
        passed, failed = real_init()
        pygame.mixer.quit()  # as on a machine with no sound card: pygame.init skips the mixer
        return passed - 1, failed + 1

    monkeypatch.setattr(pygame, "init", init_without_sound)
    monkeypatch.setattr(pygame.mixer, "init", no_device)
    game_driver = start(data_dir)
    try:
        assert not pygame.mixer.get_init()
        plays_a_level_with_the_mouse(game_driver)
        adult_sees(game_driver, "No sound device")
    finally:
        game_driver.close()


def test_no_speech_engine_and_no_screen_reader_still_plays_and_says_why(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import game.app
    from game.audio.screen_reader import ScreenReader

    monkeypatch.setattr(game.app, "find_engine", lambda: None)
    monkeypatch.setattr(ScreenReader, "detect", classmethod(lambda cls: None))
    game_driver = start(data_dir, overrides={"narration": True})
    try:
        assert not game_driver.ctx.narrator.available
        plays_a_level_with_the_mouse(game_driver)
        adult_sees(game_driver, "cannot read aloud")
    finally:
        game_driver.close()


class BrokenEngine:
    """A speech engine that has a voice for everything and fails every time it speaks."""

    name = "broken"

    def voice_for(self, language: str) -> str | None:
        return "any"

    def synthesise(self, text: str, voice: str, speed: int, out: Path) -> None:
        from game.audio.speech import SpeechError

        raise SpeechError("the engine crashed")


def test_a_speech_engine_that_fails_never_stops_the_game(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import game.app
    from game.audio.screen_reader import ScreenReader

    monkeypatch.setattr(game.app, "find_engine", lambda: BrokenEngine())
    monkeypatch.setattr(ScreenReader, "detect", classmethod(lambda cls: None))
    game_driver = start(data_dir, overrides={"narration": True})
    try:
        plays_a_level_with_the_mouse(game_driver)
        for _ in range(100):  # give the narrator's worker time to fail
            if game_driver.ctx.narrator.problems:
                break
            game_driver.wait(0.05)
            pygame.time.wait(10)
        assert any("could not be read aloud" in p for p in game_driver.ctx.narrator.problems)
    finally:
        game_driver.close()


# --- a broken install: no fonts, missing pictures and sounds --------------------------------


@pytest.fixture
def broken_assets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the game's assets with every font, some pictures and some sounds gone, used
    wherever the game looks for its assets."""
    assets = tmp_path / "assets"
    shutil.copytree(paths.assets_dir(), assets)
    for font in (assets / "fonts").iterdir():
        font.unlink()
    for picture in (
        "sango/happy.svg",
        "sango/waving.svg",
        "backgrounds/title.svg",
        "icons/play.svg",
    ):
        (assets / "art" / picture).unlink()
    for sound in ("select.wav", "correct.wav", "focus.wav"):
        (assets / "sounds" / sound).unlink()
    original = paths.assets_dir
    for name, module in list(sys.modules.items()):
        if name.startswith("game") and getattr(module, "assets_dir", None) is original:
            monkeypatch.setattr(module, "assets_dir", lambda: assets)
    assert paths.assets_dir() == assets
    return assets


def test_missing_fonts_pictures_and_sounds_leave_a_playable_game(
    data_dir: Path, broken_assets: Path
) -> None:
    game_driver = start(data_dir)
    try:
        body = game_driver.ctx.text.font("body")
        assert body.size("Hello")[0] > 0, "the pygame default font stands in"
        plays_a_level_with_the_mouse(game_driver)
        missing = {Path(path).name for path in game_driver.ctx.art.missing}
        assert {"happy.svg", "title.svg"} <= missing
    finally:
        game_driver.close()


# --- no screen -----------------------------------------------------------------------------


def test_a_window_that_cannot_open_gives_a_clear_message_and_exit_code_one(tmp_path: Path) -> None:
    sango = Path(sys.executable).with_name("sango")
    command = [str(sango)] if sango.exists() else [sys.executable, "-m", "game"]
    result = subprocess.run(
        [*command, "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "SDL_VIDEODRIVER": "nonexistent", "PYTHONPATH": str(REPOSITORY)},
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "window could not open" in result.stderr
