"""The mini-games' speech-bubble screens at the biggest text size: the prompt and each feedback
(sort, spot, pick-all) and a chat reply's feedback on a screen of its own show a few lines a page,
their button going into the bottom bar's row when under the bubble it would leave room for one
line only (as a say step's Next does). A child then presses More a few times, not a dozen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.scenes.level import LevelScene
from game.steps.view import Bubble
from tests.driver import GameDriver, make_driver
from tests.steps.play import CHROME, in_bar_row, next_press

KINDS = ("sort", "spot", "pick-all", "chat")
STEPS_PER_KIND = 4
"""Steps of each kind played (the first few of the catalogue: enough texts, a quick test)."""


def open_step(game: GameDriver, level_id: str, index: int) -> LevelScene:
    scene = LevelScene(game.ctx, game.ctx.catalogue.get(level_id), start=index)
    game.ctx.scenes.reset(scene)
    game.frame()
    return scene


def press(game: GameDriver, widget_id: str) -> None:
    widget = next(item for item in game.top.focus.items if item.id == widget_id)
    game.top.press(widget)
    game.frame()


def shown_bubble(game: GameDriver) -> Bubble | None:
    """The feedback bubble when it has the step's screen to itself, else None."""
    view = game.top.view
    kind = game.top.level.steps[game.top.index].type_key
    if kind == "chat":
        screen = getattr(view, "screen", None)
        alone = screen is not None and screen.apart == "feedback"
        return view.feedback if alone else None
    content = [w for w in game.top.focus.items if w.id not in CHROME]
    alone = view.show_bubble and len(content) == 1 and view.bubble.result is not None
    return view.bubble if alone else None


def feedback_pages(game: GameDriver, kind: str) -> Iterator[tuple[str, Bubble]]:
    """Play the first steps of `kind` like a child who first answers wrong, yielding every
    page of feedback shown on a screen of its own (where, bubble at that page)."""
    steps = [
        (level.id, index)
        for level in game.ctx.catalogue.levels
        for index, step in enumerate(level.steps)
        if step.type_key == kind
    ][:STEPS_PER_KIND]
    for level_id, index in steps:
        scene = open_step(game, level_id, index)
        tried: set[object] = set()
        for _ in range(300):
            if game.top is not scene or scene.index != index:
                break
            bubble = shown_bubble(game)
            if bubble is not None:
                yield f"{level_id} step {index + 1} page {bubble.page + 1}", bubble
            press(game, next_press(game, wrong_first=True, tried=tried))


@pytest.fixture(params=["en", "ru"])
def big(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[GameDriver]:
    driver = make_driver(
        data_dir, player="Sam", overrides={"locale": request.param, "text_scale": 200}
    )
    yield driver
    driver.close()


@pytest.mark.parametrize("kind", KINDS)
def test_a_long_feedback_shows_at_least_two_lines_a_page_at_200(big: GameDriver, kind: str) -> None:
    long = 0
    for where, bubble in feedback_pages(big, kind):
        lines = sum(len(page) for page in bubble.pages)
        long += lines >= 2
        shown = bubble.pages[bubble.page]
        last = bubble.page == len(bubble.pages) - 1
        assert len(shown) >= 2 or (last and bubble.page > 0) or lines < 2, (
            f"{kind} {where}: {shown} is all a page shows of {lines} lines"
        )
        button = next(w for w in big.top.focus.items if w.id not in CHROME)
        area = big.top.place(big.top.step_area())
        assert area.contains(button.rect) or in_bar_row(big.top, button.rect), (
            f"{kind} {where}: {button.id} {button.rect} is neither under the bubble nor in the bar"
        )
    assert long, f"at 200% some {kind} feedback takes two lines or more"


def test_arabic_feedback_pages_show_words_and_its_button_waits_in_the_bar(
    data_dir: Path,
) -> None:
    """Arabic at 200% has room for the heading and one line of words only (a tall script, a
    tall title strip and bar): every page still shows words, never the heading alone, and
    focus goes from Back to the button in reading order, right to left."""
    game = make_driver(data_dir, player="Noor", overrides={"locale": "ar", "text_scale": 200})
    try:
        seen = 0
        for kind in KINDS:
            for where, bubble in feedback_pages(game, kind):
                seen += 1
                assert bubble.pages[bubble.page], f"{kind} {where}: a page shows only its heading"
                ids = [w.id for w in game.top.focus.items]
                button = next(i for i in ids if i not in CHROME)
                if in_bar_row(game.top, game.widget(button).rect):
                    assert ids.index("back") < ids.index(button) < ids.index("settings"), ids
                    assert game.widget("back").rect.left > game.widget(button).rect.right
        assert seen
    finally:
        game.close()


@pytest.mark.parametrize("locale", ["ar", "en"])
def test_a_long_feedback_shows_its_heading_once_and_more_words_on_the_pages_after(
    data_dir: Path, locale: str
) -> None:
    """When the heading costs a line of words, only the first page shows it."""
    from game.ui.widgets import PADDING

    game = make_driver(data_dir, player="Sam", overrides={"locale": locale, "text_scale": 200})
    try:
        ctx = game.ctx
        words = " ".join(["Ask a grown-up you trust before you click on a link."] * 4)
        bubble = Bubble(ctx, words, ctx._("Think again"), "unsafe")
        heading_h = bubble._height(bubble.heads[0] or ["x"], [])
        one_line = ctx.text.font("body").get_height()
        room = heading_h + one_line + ctx.text.line_height("body") // 2 + 2 * PADDING
        rect = bubble.layout(pygame.Rect(204, 147, 1052, 415), room)

        assert rect.height <= room
        assert not bubble.folded and len(bubble.pages) > 2
        assert bubble.heads[0] and bubble.pages[0], "the first page has the heading and words"
        assert all(not head for head in bubble.heads[1:]), "the pages after it go on"
        assert all(len(page) >= 2 for page in bubble.pages[1:-1]), "two lines a page after it"
        shown = " ".join(line for page in bubble.pages for line in page)
        assert shown.split() == words.split(), "every word, once, in order"
    finally:
        game.close()
