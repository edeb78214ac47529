"""A child starts the game, makes a player, picks a band, plays a level and finds it remembered."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pygame
import pytest

from game.scenes.complete import CompleteScene
from game.scenes.level import LevelScene
from game.scenes.map import BandScene, MapScene
from game.scenes.players import NewPlayerScene, PlayersScene
from game.scenes.title import TitleScene
from game.store.database import Store
from tests.driver import GameDriver, make_driver, play_current_level, show_widget

LEVELS = {"under-9": "privacy-treasure", "9-12": "lock-it-down", "13-18": "think-before-you-share"}


def make_player_with_keyboard(game: GameDriver, nickname: str) -> None:
    assert isinstance(game.top, TitleScene)
    game.keyboard_select("play")
    assert isinstance(game.top, NewPlayerScene)
    game.keyboard_select("avatar-owl")
    game.keyboard_select("nickname")
    game.type_text(nickname)
    game.key(pygame.K_RETURN)
    game.keyboard_select("done")


@pytest.mark.parametrize("band", list(LEVELS))
def test_keyboard_only_child_plays_a_level_and_progress_is_saved(
    game: GameDriver, band: str
) -> None:
    game.ctx.update_settings(input_mode="keyboard")
    make_player_with_keyboard(game, "Star")
    assert isinstance(game.top, BandScene)
    game.keyboard_select(f"band-{band}")
    assert isinstance(game.top, MapScene)
    show_widget(game, f"level-{LEVELS[band]}", game.keyboard_select)
    game.keyboard_select(f"level-{LEVELS[band]}")
    assert isinstance(game.top, LevelScene)
    play_current_level(game, game.keyboard_select)
    assert isinstance(game.top, CompleteScene)

    player = game.ctx.store.player_by_nickname("Star")
    assert player is not None and player.avatar == "owl"
    progress = game.ctx.store.progress(player.id)[LEVELS[band]]
    assert progress.status == "completed"
    assert progress.unsafe == 0 and progress.safe >= 1
    expected_stars = None if band == "under-9" else 3
    assert progress.stars == expected_stars

    game.keyboard_select("map")
    assert isinstance(game.top, MapScene)
    show_widget(game, f"level-{LEVELS[band]}", game.keyboard_select)
    card = game.widget(f"level-{LEVELS[band]}")
    assert "Done" in card.detail and "check" in card.marks


@pytest.mark.parametrize("band", list(LEVELS))
def test_one_switch_child_plays_a_level_with_auto_scan(data_dir: Path, band: str) -> None:
    game = make_driver(
        data_dir, player="Kai", level=LEVELS[band], overrides={"input_mode": "one-switch"}
    )
    try:
        assert isinstance(game.top, LevelScene)
        play_current_level(game, game.switch_select, wrong_first=True)
        assert isinstance(game.top, CompleteScene)
        player = game.ctx.store.player_by_nickname("Kai")
        progress = game.ctx.store.progress(player.id)[LEVELS[band]]
        assert progress.status == "completed"
        assert progress.unsafe >= 1
    finally:
        game.close()


def test_mouse_player_plays_with_clicks_only(data_dir: Path) -> None:
    game = make_driver(data_dir)
    try:
        game.click("play")
        game.click("avatar-whale")
        game.click("done")
        game.click("band-9-12")
        show_widget(game, "level-lock-it-down", game.click)
        game.click("level-lock-it-down")
        play_current_level(game, game.click)
        assert isinstance(game.top, CompleteScene)
        whale = game.ctx.store.players()[0]
        assert whale.nickname is None and whale.avatar == "whale"
        assert game.ctx.store.progress(whale.id)["lock-it-down"].status == "completed"
    finally:
        game.close()


def test_progress_is_remembered_the_next_day(data_dir: Path) -> None:
    first = make_driver(data_dir, player="Amani", level="privacy-treasure")
    play_current_level(first, first.keyboard_select)
    first.close()
    pygame.quit()

    second = make_driver(data_dir)
    try:
        second.keyboard_select("play")
        assert isinstance(second.top, PlayersScene)
        player = second.ctx.store.player_by_nickname("Amani")
        second.keyboard_select(f"player-{player.id}")
        second.keyboard_select("band-under-9")
        show_widget(second, "level-privacy-treasure", second.keyboard_select)
        card = second.widget("level-privacy-treasure")
        assert card.detail == "Done"
        assert second.ctx.store.badges(player.id) == ["treasure-keeper"]
    finally:
        second.close()


def test_under_9_wrong_answer_explains_and_asks_again(data_dir: Path) -> None:
    game = make_driver(data_dir, player="Lu", level="privacy-treasure")
    try:
        scene = game.top
        while not any(i.startswith("option-") for i in game.ids()):
            game.keyboard_select("next")
        step = scene.level.steps[scene.index]
        wrong = next(n for n, o in enumerate(step.choice.options, 1) if str(o.result) == "unsafe")
        game.keyboard_select(f"option-{wrong}")
        assert game.ids()[0] == "retry", "an under-9 child is offered to try again, not moved on"
        assert scene.view.heading() == "Let's think again"
        game.keyboard_select("retry")
        assert f"option-{wrong}" in game.ids()
        assert scene.index == scene.level.steps.index(step)
    finally:
        game.close()


def test_report_lists_every_player_and_level(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from game.cli import main

    game = make_driver(data_dir, player="Noor", level="grooming-secrets")
    play_current_level(game, game.keyboard_select)
    game.close()
    assert main(["report", "--format", "csv", "--data-dir", str(data_dir)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {row["level"] for row in rows} >= set(LEVELS.values())
    done = next(row for row in rows if row["level"] == "grooming-secrets")
    assert done["player"] == "Noor" and done["status"] == "completed" and done["band"] == "9-12"
    assert int(done["safe"]) >= 1 and done["unsafe"] == "0" and done["finished_at"]
    untouched = next(row for row in rows if row["level"] == "privacy-treasure")
    assert untouched["status"] == "not-started"


def test_store_file_is_in_the_data_dir(data_dir: Path) -> None:
    game = make_driver(data_dir, player="Io")
    game.close()
    with Store.open(data_dir) as store:
        assert [p.nickname for p in store.players()] == ["Io"]


def test_big_text_player_picks_a_picture_then_a_nickname(data_dir: Path) -> None:
    game = make_driver(data_dir, overrides={"text_scale": 200, "setup_done": True})
    try:
        game.keyboard_select("play")
        assert "nickname" not in game.ids(), "at 200% the picture gets a screen of its own"
        game.keyboard_select("avatar-whale")
        assert game.focused == "done" and "change-picture" in game.ids()
        game.keyboard_select("nickname")
        game.type_text("Big")
        game.key(pygame.K_RETURN)
        game.key(pygame.K_RETURN)
        assert isinstance(game.top, BandScene)
        assert game.ctx.store.player_by_nickname("Big").avatar == "whale"
    finally:
        game.close()


def test_finishing_a_band_gives_a_printable_certificate(data_dir: Path, tmp_path: Path) -> None:
    from game.scenes.certificate import CertificateScene
    from game.scenes.progress import ProgressScene

    one_level = tmp_path / "levels"
    (one_level / "under-9").mkdir(parents=True)
    source = (
        Path(__file__).resolve().parents[2]
        / "content"
        / "levels"
        / "under-9"
        / "01-treasure-box.yaml"
    )
    (one_level / "under-9" / source.name).write_text(
        source.read_text(encoding="utf-8"), encoding="utf-8"
    )
    game = make_driver(data_dir, player="Zara", level="privacy-treasure", levels_dir=one_level)
    try:
        play_current_level(game, game.keyboard_select)
        assert game.ids()[0] == "certificate", (
            "the last level of a band offers the certificate first"
        )
        game.keyboard_select("certificate")
        assert isinstance(game.top, CertificateScene)
        files = game.top.files
        assert files is not None and files.png.is_file() and files.pdf.is_file()
        assert files.pdf.read_bytes().startswith(b"%PDF")
        page = pygame.image.load(str(files.png))
        assert page.get_size() == (1754, 1240)
        game.key(pygame.K_ESCAPE)
        game.keyboard_select("map")
        assert "certificate" in game.ids()
        map_scene = game.top
        assert map_scene.tally.complete
        game.keyboard_select("my-progress")
        assert isinstance(game.top, ProgressScene)
        privacy = game.widget("topic-privacy")
        assert privacy.detail == "1 of 1 done" and privacy.marks == ["check"]
    finally:
        game.close()


def test_text_size_changes_live_and_is_kept_for_the_player(data_dir: Path) -> None:
    game = make_driver(data_dir, player="Mo", overrides={"setup_done": True})
    try:
        band_scene = game.top
        title_height = band_scene.header_height()
        game.keyboard_select("settings")
        game.keyboard_select("setting-text_scale")
        assert game.ctx.settings.text_scale == 125
        assert game.ctx.text.size("body") == round(30 * 1.25)
        assert "Text size: 125%" in game.widget("setting-text_scale").text
        assert band_scene.header_height() > title_height, "the screen below re-laid out too"
        game.key(pygame.K_ESCAPE)
        assert isinstance(game.top, BandScene)
    finally:
        game.close()
    pygame.quit()
    again = make_driver(data_dir, player="Mo", overrides={"setup_done": True})
    try:
        assert again.ctx.settings.text_scale == 125
    finally:
        again.close()


def test_no_sound_device_means_silence_not_a_crash(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_init = pygame.mixer.init
    calls: list[str] = []

    def no_device(*args: object, **kwargs: object) -> None:
        calls.append(os.environ.get("SDL_AUDIODRIVER", ""))
        if len(calls) == 1:
            raise pygame.error("No available audio device")
        real_init(*args, **kwargs)

    import os

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    game = make_driver(data_dir, player="Quiet", level="privacy-treasure")
    try:
        assert len(calls) == 2 and calls[-1] == "dummy", "it retried with the silent driver"
        assert any("No sound device" in notice for notice in game.ctx.notices)
        play_current_level(game, game.keyboard_select)
        assert isinstance(game.top, CompleteScene)
    finally:
        game.close()


def test_an_idle_screen_is_not_redrawn(game: GameDriver) -> None:
    frames = game.app.frames
    game.wait(5.0)
    assert game.app.frames == frames, "nothing changed, so nothing was drawn"
    game.key(pygame.K_TAB)
    assert game.app.frames == frames + 1
