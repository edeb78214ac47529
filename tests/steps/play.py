"""Plays any level to its end like a careful child, whatever the step types, in any input mode.

Type-aware companion to tests.driver.play_current_level (which knows say, choice and badge).
"""

from __future__ import annotations

from typing import Any

from game.authoring.autoplay import next_sign, next_tick
from tests.driver import GameDriver, safe_option

CHROME = {"back", "replay", "settings", "help"}
MINI_GAMES = {"sort", "chat", "spot", "pick-all"}


def content_inside_area(driver: GameDriver) -> None:
    """Every widget of a mini-game lies inside the step's area (nothing spills into the bar)."""
    scene = driver.top
    area = scene.place(scene.step_area()) if hasattr(scene, "step_area") else None
    if area is None or scene.level.steps[scene.index].type_key not in MINI_GAMES:
        return
    for widget in scene.widgets:
        if widget.id in CHROME or not widget.enabled or widget.rect.width == 0:
            continue
        step = scene.level.steps[scene.index].type_key
        inside = area.contains(widget.rect) or in_bar_row(scene, widget.rect)
        assert inside, f"{step}: {widget.id} {widget.rect} spills out of {area}"


def in_bar_row(scene: Any, rect: Any) -> bool:
    """Whether `rect` is a button big text moved into the bottom bar's row (Scene.bar_room):
    in the row, clear of the bar's own buttons and on the canvas, like a say step's Next."""
    return bool(scene.in_bar_row(rect))


def next_press(driver: GameDriver, wrong_first: bool, tried: set[Any]) -> str:
    """The widget a child would press next on the level screen."""
    scene = driver.top
    view = scene.view
    step = scene.level.steps[scene.index]
    ids = driver.ids()
    kind = step.type_key
    for plain in ("more", "start", "ok", "retry"):
        if plain in ids:
            return plain
    if kind == "choice" and any(i.startswith("option-") for i in ids):
        number = safe_option(step)
        if wrong_first and scene.index not in tried:
            tried.add(scene.index)
            unsafe = [n for n, o in enumerate(step.choice.options, 1) if str(o.result) == "unsafe"]
            number = unsafe[0] if unsafe else number
        if f"option-{number}" not in ids and "more-answers" in ids:
            return "more-answers"
        return f"option-{number}"
    if kind == "sort" and not view.done:
        if view.held is None:
            return next(i for i in ids if i.startswith("item-"))
        item = step.sort.items[view.held]
        if wrong_first and ("sort", scene.index) not in tried:
            tried.add(("sort", scene.index))
            return next(f"bin-{b.id}" for b in step.sort.bins if b.id != item.bin)
        return f"bin-{item.bin}"
    if kind == "chat":
        if "next-message" in ids:
            return "next-message"
        replies = [i for i in ids if i.startswith("reply-")]
        if replies:
            shown = [view.point.replies[int(i.split("-")[1]) - 1] for i in replies]
            want = "safe"
            if wrong_first and ("chat", scene.index) not in tried:
                tried.add(("chat", scene.index))
                want = "unsafe"
            for widget_id, reply in zip(replies, shown, strict=True):
                if str(reply.result) == want:
                    return widget_id
            if want == "safe" and all(str(r.result) != "safe" for r in view.point.replies):
                for widget_id, reply in zip(replies, shown, strict=True):
                    if str(reply.result) == "ok":  # no safe reply: an ok one goes on too
                        return widget_id
            if "more-replies" in ids:
                return "more-replies"
            return replies[0]
    if kind == "spot" and not view.finished:
        return next_sign(step, view, ids)
    if kind == "pick-all" and view.result is None:
        return next_tick(step, view, ids)
    return "next"


def play_level(driver: GameDriver, select: Any, wrong_first: bool = False) -> list[str]:
    """Play the level on screen to its end with `select(widget_id)`; returns the ids pressed."""
    from game.scenes.complete import CompleteScene
    from game.scenes.level import LevelScene

    pressed: list[str] = []
    tried: set[Any] = set()
    for _ in range(600):
        scene = driver.top
        if isinstance(scene, CompleteScene):
            return pressed
        assert isinstance(scene, LevelScene), f"left the level: {type(scene).__name__} {pressed}"
        content_inside_area(driver)
        target = next_press(driver, wrong_first, tried)
        pressed.append(target)
        select(target)
    raise AssertionError(f"the level did not end: {pressed[-30:]}")
