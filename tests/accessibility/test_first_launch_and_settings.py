"""The first launch asks three picture questions; settings hold every option, saved per player."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from game.scenes.level import LevelScene
from game.scenes.settings import SettingsScene
from game.scenes.setup import SetupScene
from game.scenes.title import TitleScene
from game.settings import TEXT_SCALES, InputMode, Settings
from game.ui.theme import HIGH_CONTRAST, NORMAL, contrast_ratio
from tests.accessibility.conftest import QuickVoice, let_the_narrator_speak
from tests.driver import GameDriver, make_driver


def first_launch(data_dir: Path, **launch: object) -> GameDriver:
    overrides = dict(launch.pop("overrides", {}) or {})  # type: ignore[call-overload]
    return make_driver(data_dir, overrides={"setup_done": False, **overrides}, **launch)


def test_a_child_who_cannot_read_sets_up_with_one_switch_and_pictures(
    data_dir: Path, voice: QuickVoice
) -> None:
    game = first_launch(data_dir)
    try:
        assert isinstance(game.top, SetupScene)
        let_the_narrator_speak(game)
        assert "How big do you like the words?" in game.ctx.narrator.spoken, "the question is read"
        # The highlight moves by itself; pressing the switch (Space) picks what it is on.
        game.switch_select("size-150")
        assert game.ctx.settings.text_scale == 150
        game.switch_select("voice-on")
        assert game.ctx.settings.narration is True
        game.switch_select("controls-one-switch")
        assert isinstance(game.top, TitleScene)
        assert game.ctx.settings.input_mode is InputMode.ONE_SWITCH
        saved = Settings.from_dict(game.ctx.store.load_settings(None))
        assert saved.setup_done and saved.text_scale == 150 and saved.narration is True
    finally:
        game.close()
    pygame.quit()

    again = make_driver(data_dir, overrides={})
    try:
        assert isinstance(again.top, TitleScene), "the setup is shown once"
    finally:
        again.close()


def test_setup_answers_by_mouse_keyboard_and_back(data_dir: Path) -> None:
    game = first_launch(data_dir)
    try:
        game.click("size-200")
        assert game.ctx.settings.text_scale == 200
        game.key(pygame.K_ESCAPE)
        assert game.top.page == 0, "Back returns to the previous question"
        game.keyboard_select("size-100")
        game.keyboard_select("voice-off")
        assert game.ctx.settings.narration is False
        game.keyboard_select("controls-keyboard")
        assert isinstance(game.top, TitleScene)
    finally:
        game.close()


def test_setup_stops_scanning_once_the_child_moves_the_highlight(data_dir: Path) -> None:
    game = first_launch(data_dir)
    try:
        assert game.app.scanning
        game.key(pygame.K_TAB)
        assert not game.app.scanning
        focused = game.focused
        game.wait(10)
        assert game.focused == focused
    finally:
        game.close()


def test_shortcuts_skip_the_setup(data_dir: Path) -> None:
    game = first_launch(data_dir, player="Io", level="privacy-treasure")
    try:
        assert isinstance(game.top, LevelScene)
    finally:
        game.close()


def test_every_setting_is_on_the_settings_screen_and_saved_per_player(
    start_game: Callable[..., GameDriver],
) -> None:
    game = start_game(player="Noa", level="privacy-treasure")
    game.click("settings")
    scene = game.top
    assert isinstance(scene, SettingsScene)
    keys = {choice.key for choice in scene.choices()}
    assert keys >= {
        "text_scale", "line_spacing", "dyslexia_font", "high_contrast", "reduced_motion",
        "narration", "narration_speed", "captions", "input_mode", "scan_interval", "scan_sound",
        "debounce", "narration_volume", "effects_volume", "music_volume", "mute", "locale",
    }  # fmt: skip
    pages = set()
    for _ in range(8):
        game.click("more")
        pages.add(game.top.page)
    for key in ("reduced_motion", "captions", "debounce"):
        for _ in range(10):
            if f"setting-{key}" in game.ids():
                break
            game.click("more")
        game.click(f"setting-{key}")
    game.clock.now += 1  # the new input delay ignores presses closer together than 0.25 s
    assert pages == set(range(game.top.pages)), "More settings goes round every page"
    settings = game.ctx.settings
    assert settings.reduced_motion and settings.captions and settings.debounce == 0.25
    player = game.ctx.player
    stored = Settings.from_dict(game.ctx.store.load_settings(player.id))
    assert stored.reduced_motion and stored.captions and stored.debounce == 0.25


def test_text_size_has_five_steps_from_100_to_200_percent_applied_live(
    start_game: Callable[..., GameDriver],
) -> None:
    assert len(TEXT_SCALES) >= 5 and TEXT_SCALES[0] == 100 and TEXT_SCALES[-1] == 200
    game = start_game(player="Noa", level="privacy-treasure")
    sizes = []
    for scale in TEXT_SCALES:
        game.ctx.update_settings(text_scale=scale)
        sizes.append(game.ctx.text.size("body"))
    assert sizes == sorted(set(sizes)) and sizes[0] >= 28


def test_sound_captions_show_words_and_an_icon_for_two_seconds(
    start_game: Callable[..., GameDriver],
) -> None:
    game = start_game(player="Noa", level="privacy-treasure", overrides={"captions": True})
    game.click("next")
    captions = game.app.captions
    assert captions.showing == "select"
    area = pygame.Rect(1280 - 300, 12, 288, 60)
    before = game.surface.subsurface(area).copy()
    game.wait(1.9)
    assert captions.showing == "select"
    game.wait(0.2)
    assert captions.showing is None, "gone after about two seconds"
    assert pygame.image.tobytes(game.surface.subsurface(area), "RGB") != pygame.image.tobytes(
        before, "RGB"
    ), "the caption was drawn, then taken away"


def test_no_captions_unless_asked(start_game: Callable[..., GameDriver]) -> None:
    game = start_game(player="Noa", level="privacy-treasure")
    game.click("next")
    assert game.app.captions.showing is None


def test_both_themes_keep_text_readable() -> None:
    pairs = [
        ("ink", "background"),
        ("ink", "panel"),
        ("soft_ink", "panel"),
        ("soft_ink", "background"),
        ("button_ink", "button"),
        ("primary_ink", "primary"),
        ("feedback_ink", "safe"),
        ("feedback_ink", "unsafe"),
        ("feedback_ink", "neutral"),
        ("ink", "bar"),
    ]
    for theme, needed in ((NORMAL, 4.5), (HIGH_CONTRAST, 7.0)):
        for ink, paper in pairs:
            ratio = contrast_ratio(getattr(theme, ink), getattr(theme, paper))
            assert ratio >= needed, f"{theme.name}: {ink} on {paper} is {ratio:.2f}:1"
