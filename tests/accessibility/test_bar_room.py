"""The bottom bar (Back, Hear again, Settings, Get help) and a level's own buttons share the
bottom of the screen without ever touching, at every text size and in right-to-left Arabic."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pytest

from game.audit.checks import spacing
from game.scenes.base import CANVAS
from game.scenes.level import LevelScene
from tests.accessibility.conftest import QuickVoice
from tests.driver import GameDriver

BAR = ("back", "replay", "settings", "help")
LEVEL = "good-and-bad-secrets"
MUM = 12
"""Step 13: Mum thanks the child, a short line with a speaker's name (Next had no room)."""


def show_step(game: GameDriver, index: int) -> LevelScene:
    scene = LevelScene(game.ctx, game.ctx.catalogue.get(LEVEL), start=index)
    game.ctx.scenes.reset(scene)
    game.frame()
    return scene


def crowded(game: GameDriver) -> list[str]:
    """Pairs of targets nearer than 16 px, or targets off the screen, on the screen shown."""
    items = list(game.top.focus.items)
    problems = [
        f"{item.id} leaves the screen"
        for item in items
        if not CANVAS.inflate(-24, -24).contains(item.rect)
    ]
    for number, first in enumerate(items):
        for second in items[number + 1 :]:
            if spacing(first.rect, second.rect) < 16:
                problems.append(f"{first.id} and {second.id}: {first.rect} {second.rect}")
    return problems


@pytest.mark.parametrize("locale", ["en", "ar", "ru", "fr"])
@pytest.mark.parametrize("scale", [100, 175, 200])
def test_every_line_of_a_level_keeps_next_clear_of_the_bar(
    voice: QuickVoice, start_game: Callable[..., GameDriver], locale: str, scale: int
) -> None:
    game = start_game(player="Ama", level=LEVEL, overrides={"locale": locale, "text_scale": scale})
    level = game.ctx.catalogue.get(LEVEL)
    for index, step in enumerate(level.steps):
        if step.type_key != "say":
            continue
        show_step(game, index)
        assert [w for w in game.ids() if w in BAR] == list(BAR), "the whole bar is there"
        assert crowded(game) == [], f"step {index + 1} at {scale}% in {locale}"


def test_big_arabic_text_puts_next_in_the_bar_row_read_right_to_left(
    voice: QuickVoice, start_game: Callable[..., GameDriver]
) -> None:
    game = start_game(player="Ama", level=LEVEL, overrides={"locale": "ar", "text_scale": 200})
    scene = show_step(game, MUM)
    bar_top = game.widget("back").rect.top
    next_button = game.widget("next")
    assert next_button.rect.bottom == game.widget("back").rect.bottom, "Next shares the bar row"
    assert scene.view.bubble.rect.bottom <= bar_top - 16, "Mum's words stand above the bar"
    assert len(scene.view.bubble.pages) == 1, "and fit on one page"
    # Right to left: Back at the right edge, then Hear again, Next, Settings, Get help.
    xs = {widget_id: game.widget(widget_id).rect.centerx for widget_id in (*BAR, "next")}
    assert xs["back"] > xs["replay"] > xs["next"] > xs["settings"] > xs["help"]
    assert game.ids() == ["back", "replay", "next", "settings", "help"]
    assert game.focused == "next", "the step starts on Next, never on Back"
    game.key(pygame.K_RETURN)
    assert game.top is scene and scene.index == MUM + 1, "Enter moved the story on"


def test_a_bar_that_shows_only_icons_still_names_its_buttons(
    voice: QuickVoice, start_game: Callable[..., GameDriver]
) -> None:
    game = start_game(player="Ama", level=LEVEL, overrides={"locale": "ar", "text_scale": 200})
    show_step(game, MUM)
    for widget_id in BAR:
        button = game.widget(widget_id)
        assert button.text == "", f"{widget_id} shows its icon only at 200% Arabic"
        assert button.label.strip(), f"{widget_id} still has a name to read aloud"
        assert button.rect.width >= 72 and button.rect.height >= 72


def test_at_the_usual_text_size_next_stays_under_the_words(
    voice: QuickVoice, start_game: Callable[..., GameDriver]
) -> None:
    game = start_game(player="Ama", level=LEVEL, overrides={"locale": "ar", "text_scale": 100})
    scene = show_step(game, MUM)
    next_button = game.widget("next")
    assert next_button.rect.bottom <= game.widget("back").rect.top - 16
    assert next_button.rect.top == scene.view.bubble.rect.bottom + 20
    assert all(game.widget(widget_id).text for widget_id in BAR), "the bar keeps its words"
    assert game.ids()[0] == "next"


@pytest.mark.parametrize("locale", ["ar", "ru", "en"])
def test_the_level_complete_screen_keeps_its_buttons_clear_of_the_bar_at_200(
    voice: QuickVoice, start_game: Callable[..., GameDriver], locale: str
) -> None:
    from game.scenes.complete import CompleteScene

    game = start_game(player="Ama", overrides={"locale": locale, "text_scale": 200})
    level = game.ctx.catalogue.get(LEVEL)
    game.ctx.scenes.reset(CompleteScene(game.ctx, level, None, None))
    game.frame()
    assert crowded(game) == []
    assert {"map", "again"} <= set(game.ids()), "both ways on are there, with their names"
    assert game.focused == "map", "the screen starts on Back to the map"
    assert game.widget("again").label.strip()
