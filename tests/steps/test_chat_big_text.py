"""Chats at the biggest text size, in long languages and right to left: every screen shows the
newest line whole inside the chat window (never cut off, never over the title), the replies
can always be reached, and a child can finish a chat with the keyboard alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.audit.drawlog import RecordingCanvas, TextRun
from game.scenes.complete import CompleteScene
from game.scenes.level import LevelScene
from tests.driver import GameDriver, make_driver
from tests.steps.play import play_level

TURNERS = ("more", "more-replies")


def squeeze(text: str) -> str:
    """Text without its spacing, to compare what was drawn (wrapped) with what was said."""
    return "".join(text.split())


def drawn(game: GameDriver) -> list[TextRun]:
    """The text the level screen draws, and where it lands."""
    scene = game.top
    log = game.ctx.text.log
    log.clear()
    log.mark(scene, "content")
    scene.draw(RecordingCanvas((1280, 720), log))
    return [run for run in log.runs if run.scene is scene]


def chat_steps(game: GameDriver) -> list[tuple[str, int]]:
    return [
        (level.id, index)
        for level in game.ctx.catalogue.levels
        for index, step in enumerate(level.steps)
        if step.type_key == "chat"
    ]


def open_chat(game: GameDriver, level_id: str, index: int) -> LevelScene:
    scene = LevelScene(game.ctx, game.ctx.catalogue.get(level_id), start=index)
    game.ctx.scenes.reset(scene)
    game.frame()
    return scene


def check_screen(game: GameDriver, where: str) -> None:
    """What a child sees: the newest chat line whole in the window, nothing cut off."""
    scene = game.top
    view = scene.view
    runs = drawn(game)
    for run in runs:
        if run.clip is not None and run.glyphs.width:
            assert run.clip.contains(run.glyphs), f"{where}: {run.text!r} is cut off"
    window = scene.place(view.window)
    if not view.window.width or not view.log:
        return
    newest = squeeze(view.log[-1].text)
    shown = [run for run in runs if run.glyphs.width and squeeze(run.text) in newest]
    assert shown, f"{where}: the newest line {view.log[-1].text!r} is not shown"
    for run in shown:
        assert window.contains(run.glyphs), f"{where}: {run.text!r} leaves the chat window"
    title = scene.header_height()
    assert all(run.glyphs.top >= title for run in runs if run.owner == "content"), where


def walk_chat(game: GameDriver, where: str) -> Iterator[str]:
    """Play one chat step like a curious child, checking every screen: every page of a long
    line, every page of replies, back to the chat and to the replies again, a reply's
    feedback page by page. Yields the ids pressed."""
    scene = game.top
    index = scene.index
    went_back: set[int] = set()
    turned: dict[int, int] = {}
    for _ in range(200):
        if game.top is not scene or scene.index != index:
            return
        ids = game.ids()
        check_screen(game, f"{where} after {ids}")
        view = scene.view
        replies = [i for i in ids if i.startswith("reply-")]
        if "more" in ids:
            press = "more"
        elif replies and "chat" in ids and id(view.point) not in went_back:
            # The replies have the screen: see every page, then the chat again.
            point = id(view.point)
            if "more-replies" in ids and turned.get(point, 0) < len(view.point.replies):
                turned[point] = turned.get(point, 0) + 1
                press = "more-replies"
            else:
                went_back.add(id(view.point))
                press = "chat"
        elif replies:
            safe = [
                i for i in replies if str(view.point.replies[int(i[6:]) - 1].result) != "unsafe"
            ]
            press = (safe or replies)[0]
        else:
            press = next(i for i in ("start", "retry", "next-message", "next") if i in ids)
        widget = next(item for item in scene.focus.items if item.id == press)
        scene.press(widget)
        game.frame()
        yield press
    raise AssertionError(f"{where}: the chat did not end")


@pytest.fixture(params=["ar", "ru"])
def big(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[GameDriver]:
    driver = make_driver(
        data_dir,
        player="Noor",
        overrides={"locale": request.param, "text_scale": 200, "reduced_motion": True},
    )
    yield driver
    driver.close()


def test_every_chat_screen_shows_its_newest_line_whole_and_reaches_the_replies(
    big: GameDriver,
) -> None:
    steps = chat_steps(big)
    assert len(steps) >= 10
    took_turns = 0
    for level_id, index in steps:
        open_chat(big, level_id, index)
        pressed = list(walk_chat(big, f"{level_id} step {index + 1}"))
        assert any(press.startswith("reply-") for press in pressed), f"{level_id}: no reply"
        took_turns += "start" in pressed and "chat" in pressed
    assert took_turns >= len(steps) // 2, "at 200% the replies mostly take turns with the chat"


def test_the_feedback_has_the_screen_and_the_chat_comes_back_for_the_next_reply(
    big: GameDriver,
) -> None:
    scene = open_chat(big, "account-takeover", 2)
    view = scene.view
    while "start" not in big.ids():
        big.keyboard_select(next(i for i in ("more", "next-message") if i in big.ids()))
    assert view.window.width, "the chat has the screen before the replies"
    big.keyboard_select("start")
    assert view.window.width == 0, "the replies have the screen"
    assert view.narration().startswith(big.ctx._("Pick a reply:"))
    big.keyboard_select("chat")
    assert "start" in big.ids() and view.window.width, "See the chat shows the chat again"
    big.keyboard_select("start")
    while "reply-3" not in big.ids():
        big.keyboard_select("more-replies")
    big.keyboard_select("reply-3")  # "is this really u?": feedback, then Kai answers
    assert view.feedback is not None and view.window.width == 0, "the feedback is alone"
    assert view.narration() == f"{view.feedback.speaker} {view.feedback.text}"
    while "next" not in big.ids():
        big.keyboard_select("more")
    big.keyboard_select("next")
    assert view.feedback is None and view.window.width, "the chat carries on"
    assert view.log[-1].kind == "message", "Kai's answer arrived"


def test_an_under_9_retry_goes_straight_back_to_the_replies(data_dir: Path) -> None:
    from game.content.models import Band

    game = make_driver(
        data_dir,
        player="Mia",
        overrides={"locale": "ar", "text_scale": 200, "reduced_motion": True},
    )
    try:
        # The scam chat as a younger child would meet it: an unsafe reply cannot fail.
        level = game.ctx.catalogue.get("scam-spotter-online")
        young = level.model_copy(update={"band": Band("under-9")})
        index = next(i for i, step in enumerate(level.steps) if step.type_key == "chat")
        scene = LevelScene(game.ctx, young, start=index)
        game.ctx.scenes.reset(scene)
        game.frame()
        view = scene.view
        while "start" not in game.ids():
            game.keyboard_select(next(i for i in ("more", "next-message") if i in game.ids()))
        game.keyboard_select("start")
        unsafe = next(
            n for n, reply in enumerate(view.point.replies, 1) if str(reply.result) == "unsafe"
        )
        while f"reply-{unsafe}" not in game.ids():
            game.keyboard_select("more-replies")
        lines = len(view.log)
        game.keyboard_select(f"reply-{unsafe}")
        assert view.window.width == 0, "the kind feedback has the screen"
        while "retry" not in game.ids():
            game.keyboard_select("more")
        game.keyboard_select("retry")
        assert len(view.log) == lines, "the reply was taken back"
        assert any(i.startswith("reply-") for i in game.ids()), "the replies are shown at once"
        check_screen(game, "after Try again")
    finally:
        game.close()


def test_at_200_a_message_waits_rather_than_push_the_last_one_out_of_sight(
    data_dir: Path,
) -> None:
    game = make_driver(data_dir, player="Sam", overrides={"text_scale": 200})
    try:
        view = open_chat(game, "account-takeover", 2).view
        game.wait(10)
        assert len(view.log) == 1, "Kai's second message waits for the child"
        assert view.typing() is None and "next-message" in game.ids()
        game.keyboard_select("next-message")
        assert len(view.log) == 2
    finally:
        game.close()


@pytest.mark.parametrize("locale", ["ar", "ru"])
def test_a_chat_level_can_be_finished_by_keyboard_at_200(data_dir: Path, locale: str) -> None:
    game = make_driver(
        data_dir,
        player="Ada",
        level="scam-spotter-online",
        overrides={"input_mode": "keyboard", "text_scale": 200, "locale": locale},
    )
    try:
        pressed = play_level(game, game.keyboard_select, wrong_first=True)
        assert isinstance(game.top, CompleteScene)
        assert "start" in pressed and any(p.startswith("reply-") for p in pressed)
    finally:
        game.close()


def test_right_to_left_mirrors_the_chat(data_dir: Path) -> None:
    """In Arabic the contact's picture is on the right and the chat screen's button on the
    left, as the whole screen reads right to left."""
    game = make_driver(
        data_dir,
        player="Noor",
        overrides={"locale": "ar", "text_scale": 200, "reduced_motion": True},
    )
    try:
        scene = open_chat(game, "scam-spotter-online", 2)
        window = scene.place(scene.view.window)
        button = game.widget(game.ids()[0])
        assert button.rect.centerx < window.centerx, "the button is on the left"
        runs = [run for run in drawn(game) if run.owner == "content"]
        assert runs and all(window.contains(run.glyphs) for run in runs)
        assert max(run.glyphs.right for run in runs) > window.centerx, "words start at the right"
    finally:
        game.close()


def test_the_normal_size_keeps_the_replies_under_the_chat(data_dir: Path) -> None:
    game = make_driver(data_dir, player="Sam", overrides={"reduced_motion": True})
    try:
        scene = open_chat(game, "account-takeover", 2)
        while "next-message" in game.ids():
            game.keyboard_select("next-message")
        assert [i for i in game.ids() if i.startswith("reply-")] == [
            "reply-1",
            "reply-2",
            "reply-3",
        ]
        window = scene.view.window
        assert window.height and all(
            game.widget(f"reply-{n}").rect.top > window.bottom for n in (1, 2, 3)
        )
        check_screen(game, "account-takeover at 100%")
        assert pygame.Rect(window).width == scene.step_area().width
    finally:
        game.close()
