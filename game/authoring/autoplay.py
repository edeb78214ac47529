"""A careful child who plays one step at a time, for previews and screen checks.

It presses what a child would press (through the scene's focus ring, like a keyboard player)
and names each state worth a look: the first screen, each page of a long text, the feedback of
every answer of a question, the first item sorted and all sorted, each chat reply point and its
feedback, the first warning sign found and the end of the search, the marked answers after
Check. A second, hastier run shows the kind feedback a first mistake gets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game.steps.choice import Result

if TYPE_CHECKING:
    from game.scenes.level import LevelScene

CHROME = frozenset({"back", "replay", "settings", "help"})
"""The bottom bar's buttons: never part of a step."""
PAGE_BUTTONS = ("more", "start", "ok", "retry")
"""Buttons that turn a page or go from a text screen to the task, pressed before anything else."""
MAX_PRESSES = 200
MAX_PAGES = 30

SceneMaker = Callable[[], "LevelScene"]
"""Makes a fresh level scene on the step being played, already on the scene stack."""


@dataclass
class CarefulChild:
    """Picks the next press on a step: safe answers, right bins, every sign, the right ticks.

    With `mistakes`, the first answer of each question is a wrong one: an unsafe answer or
    reply, a wrong bin, a line that is no warning sign, a wrong tick checked at once.
    """

    mistakes: bool = False
    tried: set[Any] = field(default_factory=set)
    last_was_mistake: bool = False
    """Whether the press just chosen is a mistake."""
    _check_next: bool = False

    def next_press(self, scene: LevelScene) -> str:
        """The id of the widget to press next."""
        self.last_was_mistake = False
        view: Any = scene.view
        step: Any = scene.level.steps[scene.index]
        ids = [item.id for item in scene.focus.items]
        kind = step.type_key
        for plain in PAGE_BUTTONS:
            if plain in ids:
                return plain
        if kind == "choice" and any(i.startswith("option-") for i in ids):
            wanted = f"option-{self._option(scene.index, step.choice.options)}"
            if wanted not in ids:
                return next((i for i in ids if i.startswith("more")), wanted)
            return wanted
        if kind == "sort" and not view.done:
            if view.held is None:
                return next(i for i in ids if i.startswith("item-"))
            item = step.sort.items[view.held]
            if self._mistake(("sort", scene.index)):
                return f"bin-{next(b.id for b in step.sort.bins if b.id != item.bin)}"
            return f"bin-{item.bin}"
        if kind == "chat":
            return self._chat_press(scene, view, ids)
        if kind == "spot" and not view.finished:
            return self._spot_press(scene.index, step, view, ids)
        if kind == "pick-all" and view.result is None:
            return self._pick_all_press(scene.index, step, view, ids)
        return "next"

    def _mistake(self, key: tuple[Any, ...]) -> bool:
        """Whether to make the one mistake allowed for `key` now."""
        if not self.mistakes or key in self.tried:
            return False
        self.tried.add(key)
        self.last_was_mistake = True
        return True

    def _option(self, index: int, options: Any) -> int:
        safe = [n for n, option in enumerate(options, 1) if option.result == Result.SAFE]
        ok = [n for n, option in enumerate(options, 1) if option.result == Result.OK]
        unsafe = [n for n, option in enumerate(options, 1) if option.result == Result.UNSAFE]
        if unsafe and self._mistake(("choice", index)):
            return unsafe[0]
        return (safe or ok or [1])[0]

    def _chat_press(self, scene: LevelScene, view: Any, ids: list[str]) -> str:
        if "next-message" in ids:
            return "next-message"
        replies = [i for i in ids if i.startswith("reply-")]
        if not replies:
            return "next"
        shown = [view.point.replies[int(i.split("-")[1]) - 1] for i in replies]
        unsafe = [i for i, reply in zip(replies, shown, strict=True) if reply.result == "unsafe"]
        if unsafe and self._mistake(("chat", scene.index, id(view.point))):
            return unsafe[0]
        for widget_id, reply in zip(replies, shown, strict=True):
            if reply.result == Result.SAFE:
                return widget_id
        if "more-replies" in ids:
            return "more-replies"
        return next(
            (i for i, reply in zip(replies, shown, strict=True) if reply.result != "unsafe"),
            replies[0],
        )

    def _spot_press(self, index: int, step: Any, view: Any, ids: list[str]) -> str:
        lines = [i for i in ids if i.startswith("line-")]
        plain = [i for i in lines if not step.spot.lines[int(i.split("-")[1]) - 1].sign]
        if plain and self._mistake(("spot", index)):
            return plain[0]
        return next_sign(step, view, ids)

    def _pick_all_press(self, index: int, step: Any, view: Any, ids: list[str]) -> str:
        options = step.pick_all.options
        if self._check_next:
            self._check_next = False
            self.last_was_mistake = True
            return "check"
        wrong = [n for n, option in enumerate(options) if not option.correct] or [0]
        if f"answer-{wrong[0] + 1}" in ids and self._mistake(("pick-all", index)):
            self.last_was_mistake = False
            self._check_next = True
            return f"answer-{wrong[0] + 1}"
        return next_tick(step, view, ids)


def next_sign(step: Any, view: Any, ids: list[str]) -> str:
    """On a spot step: the next warning sign not found yet on this page, else the next page
    of lines, else Done."""
    for widget_id in (i for i in ids if i.startswith("line-")):
        number = int(widget_id.split("-")[1]) - 1
        if step.spot.lines[number].sign and number not in view.found:
            return widget_id
    return "more-lines" if "more-lines" in ids else "done"


def next_tick(step: Any, view: Any, ids: list[str]) -> str:
    """On a pick-all step: the next answer on this page whose tick is wrong, else the next
    page of answers while some tick elsewhere is wrong, else Check."""
    options = step.pick_all.options
    for widget_id in (i for i in ids if i.startswith("answer-")):
        number = int(widget_id.split("-")[1]) - 1
        if options[number].correct != (number in view.ticked):
            return widget_id
    needed = [n for n, option in enumerate(options) if option.correct != (n in view.ticked)]
    if needed and "more-answers" in ids:
        return "more-answers"
    return "check"


def press(scene: LevelScene, widget_id: str) -> None:
    """Focus a widget and press it, as a keyboard player would (Tab to it, then Enter)."""
    if not scene.focus.focus(widget_id):
        raise LookupError(f"no widget '{widget_id}' on this screen: {_ids(scene)}")
    item = scene.focus.focused
    assert item is not None
    item.activate()
    scene.dirty = True


def still_on(scene: LevelScene, index: int) -> bool:
    """Whether the scene is still showing step `index` (not the next one, not the end)."""
    return scene.ctx.scenes.top is scene and scene.index == index and not scene.finished


def moments(make_scene: SceneMaker) -> Iterator[tuple[str, LevelScene]]:
    """Every state of one step worth a look, named, with the scene showing it.

    The scene is live: look at it (draw it, measure it) before asking for the next moment.
    Names: "" for the first screen, then e.g. "page-2", "answer-1", "placed", "sorted",
    "replies-1", "reply-1", "found", "finished", "checked", and for a first mistake "wrong-bin",
    "unsafe-reply", "not-a-sign", "checked-wrong".
    """
    scene = make_scene()
    index = scene.index
    step: Any = scene.level.steps[index]
    kind = step.type_key
    yield "", scene
    if kind == "choice":
        yield from _question_screens(scene, index)
        for number in range(1, len(step.choice.options) + 1):
            scene = make_scene()
            _reach(scene, f"option-{number}")
            press(scene, f"option-{number}")
            yield f"answer-{number}", scene
        return
    yield from _careful_run(scene, index, kind)
    if kind in ("sort", "chat", "spot", "pick-all"):
        yield from _first_mistake(make_scene(), index, kind)


def _question_screens(scene: LevelScene, index: int) -> Iterator[tuple[str, LevelScene]]:
    """The further pages of a long question, and the answers when big text puts them on a
    screen of their own."""
    pages = 1
    for _ in range(MAX_PAGES):
        ids = _ids(scene)
        if not still_on(scene, index) or any(i.startswith("option-") for i in ids):
            return
        if "more" in ids:
            press(scene, "more")
            pages += 1
            yield f"page-{pages}", scene
        elif "start" in ids:
            press(scene, "start")
            yield "answers", scene
        else:
            return


def _reach(scene: LevelScene, widget_id: str) -> None:
    """Turn pages (of the question, or of the answers) until the widget is on screen."""
    for _ in range(MAX_PAGES):
        ids = _ids(scene)
        if widget_id in ids:
            return
        turn = next((i for i in PAGE_BUTTONS if i in ids), None)
        turn = turn or next((i for i in ids if i.startswith("more")), None)
        if turn is None:
            break
        press(scene, turn)
    raise LookupError(f"'{widget_id}' is on no page of this step: {_ids(scene)}")


def _ids(scene: LevelScene) -> list[str]:
    return [item.id for item in scene.focus.items]


def _careful_run(scene: LevelScene, index: int, kind: str) -> Iterator[tuple[str, LevelScene]]:
    child = CarefulChild()
    view: Any = scene.view
    seen_points: set[int] = set()
    placed = pages = answers = 0
    pages = 1
    if kind == "chat" and view.point is not None:
        seen_points.add(id(view.point))
        yield "replies-1", scene
    for _ in range(MAX_PRESSES):
        target = child.next_press(scene)
        if target == "next" and not _has_more_text(scene.view):
            return  # this press would leave the step
        press(scene, target)
        if not still_on(scene, index):
            return
        view = scene.view
        if target == "more" or target == "next":
            pages += 1
            yield f"page-{pages}", scene
        elif target == "start":
            yield "task", scene
        elif kind == "sort" and target.startswith("bin-"):
            placed += 1
            if view.done:
                yield "sorted", scene
            elif placed == 1:
                yield "placed", scene
        elif kind == "chat":
            if target.startswith("reply-"):
                answers += 1
                if view.feedback is not None:
                    yield f"reply-{answers}", scene
            if view.point is not None and id(view.point) not in seen_points:
                seen_points.add(id(view.point))
                yield f"replies-{len(seen_points)}", scene
        elif kind == "spot" and target.startswith("line-") and len(view.found) == 1:
            yield ("finished" if view.finished else "found"), scene
        elif kind == "spot" and view.finished:
            yield "finished", scene
        elif kind == "pick-all" and target == "check":
            yield "checked", scene


def _has_more_text(view: Any) -> bool:
    """Whether a say or badge step has another page of text behind its Next button."""
    bubble = getattr(view, "bubble", None)
    return bool(getattr(bubble, "has_more", False)) and view.step.type_key in ("say", "badge")


def _first_mistake(scene: LevelScene, index: int, kind: str) -> Iterator[tuple[str, LevelScene]]:
    """Play hastily until the first wrong press, and show what it gets."""
    child = CarefulChild(mistakes=True)
    names = {
        "sort": "wrong-bin",
        "chat": "unsafe-reply",
        "spot": "not-a-sign",
        "pick-all": "checked-wrong",
    }
    for _ in range(MAX_PRESSES):
        target = child.next_press(scene)
        if target == "next":
            return
        press(scene, target)
        if not still_on(scene, index):
            return
        if child.last_was_mistake:
            yield names[kind], scene
            return
