"""Each mini-game keeps its promises: kind retries in under-9, counted answers, timers, checks."""

from __future__ import annotations

from pathlib import Path

from game.scenes.level import LevelScene
from tests.driver import GameDriver, make_driver

LEVEL = "scam-spotter-online"


def open_step(data_dir: Path, kind: str, **overrides: object) -> GameDriver:
    game = make_driver(
        data_dir, player="Ada", level=LEVEL, overrides={"input_mode": "keyboard", **overrides}
    )
    level = game.top.level
    index = next(i for i, step in enumerate(level.steps) if step.type_key == kind)
    game.ctx.scenes.reset(LevelScene(game.ctx, level, start=index))
    game.frame()
    return game


def test_chat_messages_wait_for_typing_then_arrive(data_dir: Path) -> None:
    game = open_step(data_dir, "chat")
    try:
        view = game.top.view
        assert len(view.log) == 1 and view.typing() is not None
        assert game.top.deadline() is not None
        assert "not in your contacts" in view.narration()
        game.wait(1.5)
        assert len(view.log) == 2
        assert any(i.startswith("reply-") for i in game.ids())
    finally:
        game.close()


def test_chat_with_reduced_motion_shows_messages_at_once(data_dir: Path) -> None:
    game = open_step(data_dir, "chat", reduced_motion=True)
    try:
        assert len(game.top.view.log) == 2
        assert game.top.deadline() is None
    finally:
        game.close()


def test_chat_block_reply_ends_the_chat_and_follows_its_goto(data_dir: Path) -> None:
    game = open_step(data_dir, "chat", reduced_motion=True)
    try:
        scene = game.top
        block = next(
            f"reply-{n}"
            for n, r in enumerate(scene.view.point.replies, 1)
            if str(r.action) == "block"
        )
        game.keyboard_select(block)
        assert "blocked" in scene.view.log[-1].text
        game.keyboard_select("next")
        game.keyboard_select("next")
        assert scene.level.steps[scene.index].label == "blocked"
    finally:
        game.close()


def test_sort_wrong_bin_counts_unsafe_and_shows_the_right_bin(data_dir: Path) -> None:
    game = open_step(data_dir, "sort")
    try:
        view = game.top.view
        game.keyboard_select("item-2")  # the password
        game.keyboard_select("bin-share")
        assert view.bubble.result == "unsafe" and "Keep private" in view.bubble.text
        assert view.placed == {1: False}
        assert game.top.unsafe == 1
    finally:
        game.close()


def test_spot_non_sign_is_fine_and_done_shows_missed_signs(data_dir: Path) -> None:
    game = open_step(data_dir, "spot")
    try:
        view = game.top.view
        if "start" in game.ids():
            game.keyboard_select("start")
        game.keyboard_select("line-3")
        assert view.bubble.result == "ok" and game.top.unsafe == 0
        if "ok" in game.ids():
            game.keyboard_select("ok")
        game.keyboard_select("done")
        assert view.finished and game.top.unsafe == 4
        assert "odd" in view.bubble.text
    finally:
        game.close()


def test_pick_all_partial_answer_is_unsafe_and_marks_missed_answers(data_dir: Path) -> None:
    game = open_step(data_dir, "pick-all")
    try:
        view = game.top.view
        if "start" in game.ids():
            game.keyboard_select("start")
        game.keyboard_select("answer-1")
        game.keyboard_select("check")
        assert view.result == "unsafe" and game.top.unsafe == 1
        assert view.verdict(1)[0] == "This one too"
    finally:
        game.close()
