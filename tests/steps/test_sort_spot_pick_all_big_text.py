"""Sort, spot and pick-all at the biggest text size, in long languages and right to left: every
screen keeps its cards, bins and buttons inside the step's area, every word drawn inside its
card, targets apart and in reading order; long words take turns over pages rather than spill;
and a child can finish every one of these steps."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.audit.drawlog import RecordingCanvas, TextRun
from game.scenes.complete import CompleteScene
from game.scenes.level import LevelScene
from game.steps.view import ELLIPSIS, Bubble, Card
from tests.driver import GameDriver, make_driver
from tests.steps.play import CHROME, in_bar_row, next_press, play_level

KINDS = ("sort", "spot", "pick-all")
PAGERS = {"sort": "more-items", "spot": "more-lines", "pick-all": "more-answers"}


def squeeze(text: str) -> str:
    """Text without its spacing (or the "…" of a part), to compare wrapped and whole text."""
    return "".join(text.replace(ELLIPSIS, "").split())


def drawn(game: GameDriver) -> list[TextRun]:
    """The text the level screen draws, and where it lands."""
    scene = game.top
    log = game.ctx.text.log
    log.clear()
    log.mark(scene, "content")
    scene.draw(RecordingCanvas((1280, 720), log))
    return [run for run in log.runs if run.scene is scene]


def open_step(game: GameDriver, level_id: str, index: int) -> LevelScene:
    scene = LevelScene(game.ctx, game.ctx.catalogue.get(level_id), start=index)
    game.ctx.scenes.reset(scene)
    game.frame()
    return scene


def steps_of(game: GameDriver, kind: str) -> list[tuple[str, int]]:
    return [
        (level.id, index)
        for level in game.ctx.catalogue.levels
        for index, step in enumerate(level.steps)
        if step.type_key == kind
    ]


def in_reading_order(a: pygame.Rect, b: pygame.Rect, rtl: bool) -> bool:
    """Whether `b` comes after `a` reading the screen: a row further down, or further along
    the same row (to the left in a right-to-left language)."""
    if b.top >= a.bottom - 4:
        return True
    side_by_side = b.top < a.bottom and a.top < b.bottom
    return side_by_side and (b.right <= a.left + 4 if rtl else b.left >= a.right - 4)


def check_screen(game: GameDriver, where: str) -> None:
    """What a child sees: nothing spills out of the step's area or out of its card, targets
    are apart, focus goes in reading order, a card part says only its item's words."""
    scene = game.top
    area = scene.place(scene.step_area())
    content = [w for w in scene.focus.items if w.id not in CHROME]
    for widget in content:
        inside = area.contains(widget.rect) or in_bar_row(scene, widget.rect)
        assert inside, f"{where}: {widget.id} {widget.rect} leaves {area}"
        assert min(widget.rect.size) >= 64, f"{where}: {widget.id} is too small a target"
    for number, widget in enumerate(content):
        for other in content[number + 1 :]:
            apart = not widget.rect.inflate(30, 30).colliderect(other.rect)
            assert apart, f"{where}: {widget.id} and {other.id} are closer than 16 px"
    rtl = game.ctx.i18n.rtl
    for before, after in zip(content, content[1:], strict=False):
        assert in_reading_order(before.rect, after.rect, rtl), (
            f"{where}: focus goes from {before.id} {before.rect} to {after.id} {after.rect}"
        )
    title = scene.header_height()
    for run in drawn(game):
        if not run.glyphs.width:
            continue
        if run.owner == "content":
            assert run.glyphs.top >= title, f"{where}: {run.text!r} runs into the title"
        elif run.owner in content:
            assert run.owner.rect.contains(run.glyphs), f"{where}: {run.text!r} leaves its card"
    for widget in content:
        if isinstance(widget, Card) and widget.text:
            assert squeeze(widget.text) in squeeze(widget.label), (
                f"{where}: {widget.id} shows {widget.text!r}, not its own words"
            )


def walk_step(game: GameDriver, where: str) -> Iterator[str]:
    """Play one step like a careful child, checking every screen and turning every page of
    items, lines or answers before each choice. Yields the ids pressed."""
    scene = game.top
    index = scene.index
    kind = scene.level.steps[index].type_key
    tried: set[object] = set()
    turned: set[object] = set()
    for _ in range(400):
        if game.top is not scene or scene.index != index:
            return
        check_screen(game, f"{where} {game.ids()}")
        view = scene.view
        state = tuple(
            repr(getattr(view, name, None))
            for name in ("placed", "held", "ticked", "result", "found", "cleared", "phase")
        )
        if PAGERS[kind] in game.ids() and state not in turned:
            turned.add(state)
            for _page in range(view.pages):
                press(game, PAGERS[kind])
                yield PAGERS[kind]
                check_screen(game, f"{where} turning {game.ids()}")
        target = next_press(game, wrong_first=True, tried=tried)
        press(game, target)
        yield target
    raise AssertionError(f"{where}: the step did not end")


def press(game: GameDriver, widget_id: str) -> None:
    widget = next(item for item in game.top.focus.items if item.id == widget_id)
    game.top.press(widget)
    game.frame()


@pytest.fixture(params=["ar", "ru"])
def big(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[GameDriver]:
    driver = make_driver(
        data_dir, player="Noor", overrides={"locale": request.param, "text_scale": 200}
    )
    yield driver
    driver.close()


@pytest.mark.parametrize("kind", KINDS)
def test_every_screen_keeps_its_words_in_their_cards_and_the_step_can_be_finished(
    big: GameDriver, kind: str
) -> None:
    steps = steps_of(big, kind)
    assert len(steps) >= 5
    parts = 0
    for level_id, index in steps:
        open_step(big, level_id, index)
        pressed = list(walk_step(big, f"{level_id} step {index + 1}"))
        assert pressed, f"{level_id}: nothing to press"
        parts += pressed.count(PAGERS[kind])
    assert parts, f"at 200% some {kind} steps need more than one page"


def test_a_long_sort_item_takes_turns_over_pages_and_says_all_its_words(
    data_dir: Path,
) -> None:
    game = make_driver(data_dir, player="Sam", overrides={"text_scale": 200})
    try:
        scene = open_step(game, "account-takeover", 11)
        item = scene.t(scene.level.steps[11].sort.items[0].text)
        for turn in ("more", "start"):
            press(game, turn)
        card = game.widget("item-1")
        assert card.text.endswith(ELLIPSIS), "the first page shows the start of the words"
        assert card.label == item, "the card says all its words"
        assert card.rect.width == scene.step_area().width, "the card has the full width"
        assert game.widget("more-items").text == game.ctx._("More"), "the words go on"
        shown = card.text
        press(game, "more-items")
        shown += game.widget("item-1").text
        assert squeeze(shown) == squeeze(item), "the pages show every word, in order"
        assert game.widget("more-items").text == game.ctx._("More items")
        check_screen(game, "the end of the first item")
    finally:
        game.close()


def test_a_held_item_and_every_bin_fit_in_arabic_at_200_and_mirror(data_dir: Path) -> None:
    game = make_driver(data_dir, player="Noor", overrides={"locale": "ar", "text_scale": 200})
    try:
        scene = open_step(game, "good-and-bad-secrets", 17)
        while "item-1" not in game.ids():
            press(game, next(i for i in ("more", "start") if i in game.ids()))
        press(game, "item-1")
        view = scene.view
        assert view.held == 0
        bins = [i for i in game.ids() if i.startswith("bin-")]
        assert len(bins) == len(scene.level.steps[17].sort.bins)
        check_screen(game, "item held")
        first, second = game.widget(bins[0]).rect, game.widget(bins[1]).rect
        if first.top == second.top:
            assert first.left > second.left, "the first bin is on the right"
        if "item-1" in game.ids():
            assert game.widget("item-1").rect.top < first.top, "the item is above the bins"
        item = scene.level.steps[17].sort.items[0]
        press(game, f"bin-{item.bin}")
        assert view.placed == {0: True}
    finally:
        game.close()


def test_a_mouse_can_still_drag_an_item_into_its_bin_at_200(data_dir: Path) -> None:
    game = make_driver(data_dir, player="Cy", overrides={"text_scale": 200, "input_mode": "mouse"})
    try:
        scene = open_step(game, "scary-video-bedtime", 11)
        while "item-1" not in game.ids():
            game.click(next(i for i in ("more", "start") if i in game.ids()))
        step = scene.level.steps[11]
        start = game.widget("item-1").rect.center
        game.send(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=start, button=1))
        assert scene.view.held == 0 and scene.view.dragging
        target = game.widget(f"bin-{step.sort.items[0].bin}").rect.center
        game.send(pygame.event.Event(pygame.MOUSEMOTION, pos=target, rel=(0, 0), buttons=(1, 0, 0)))
        game.send(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=target, button=1))
        assert scene.view.placed == {0: True}, "dropped on its bin"
    finally:
        game.close()


def test_pick_all_answers_are_drawn_whole_in_russian_at_200(data_dir: Path) -> None:
    game = make_driver(data_dir, player="Ira", overrides={"locale": "ru", "text_scale": 200})
    try:
        scene = open_step(game, "account-takeover", 12)
        while "answer-1" not in game.ids():
            press(game, next(i for i in ("more", "start") if i in game.ids()))
        card = game.widget("answer-1")
        assert card.text == scene.t(scene.level.steps[12].pick_all.options[0].text)
        check_screen(game, "the first answer")
        press(game, "answer-1")
        assert game.widget("answer-1").ticked
    finally:
        game.close()


def test_spot_in_arabic_at_200_keeps_done_beside_more_in_reading_order(data_dir: Path) -> None:
    game = make_driver(data_dir, player="Noor", overrides={"locale": "ar", "text_scale": 200})
    try:
        open_step(game, "comment-section", 2)
        while not any(i.startswith("line-") for i in game.ids()):
            press(game, next(i for i in ("more", "start") if i in game.ids()))
        ids = game.ids()
        content = [i for i in ids if i not in CHROME]
        assert content[-2:] == ["more-lines", "done"]
        more, done = game.widget("more-lines").rect, game.widget("done").rect
        assert done.right <= more.left, "I'm done follows More lines, to its left"
        assert ids.index("done") < ids.index("help"), "the step's buttons come before the bar's"
        check_screen(game, "looking")
    finally:
        game.close()


def test_a_bubble_whose_heading_leaves_no_room_for_words_takes_turns(data_dir: Path) -> None:
    """The heading and the words share the pages, and the bubble never grows past its room."""
    game = make_driver(data_dir, player="Sam", overrides={"locale": "es", "text_scale": 200})
    try:
        ctx = game.ctx
        heading = "Estas son las señales que no viste:"
        words = "La dirección es rara. Los correos de verdad no vienen de sitios así."
        bubble = Bubble(ctx, words, heading, "ok")
        area = pygame.Rect(204, 147, 1052, 415)
        room = 260
        rect = bubble.layout(area, room)
        assert rect.height <= room
        assert bubble.folded and len(bubble.pages) > 1
        heads = [line for head in bubble.heads for line in head]
        assert squeeze(" ".join(heads)) == squeeze(heading)
        assert squeeze(" ".join(line for page in bubble.pages for line in page)) == squeeze(words)
        roomy = Bubble(ctx, words, heading, "ok")
        roomy.layout(area, 1000)
        assert not roomy.folded and all(head for head in roomy.heads), "heading on every page"
    finally:
        game.close()


@pytest.mark.parametrize("locale", ["ar", "fr"])
def test_a_level_with_sort_spot_and_pick_all_is_finished_by_keyboard_at_200(
    data_dir: Path, locale: str
) -> None:
    game = make_driver(
        data_dir,
        player="Ada",
        level="account-takeover",
        overrides={"input_mode": "keyboard", "text_scale": 200, "locale": locale},
    )
    try:
        pressed = play_level(game, game.keyboard_select, wrong_first=True)
        assert isinstance(game.top, CompleteScene)
        assert any(p.startswith("bin-") for p in pressed) and "check" in pressed
    finally:
        game.close()
