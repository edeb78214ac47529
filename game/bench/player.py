"""A headless child playing every shipped level at 200% text, for measuring memory from outside.

Run as `python -m game.bench.player [LEVELS]`: it plays up to LEVELS levels (all by default),
pressing keys through the real loop, and prints one JSON line with its peak resident memory.
"""

from __future__ import annotations

import json
import resource
import sys
from typing import TYPE_CHECKING, Any

from game.authoring.autoplay import next_sign, next_tick
from game.bench.session import Session, open_session

if TYPE_CHECKING:
    from game.scenes.level import LevelScene

CHROME = frozenset({"back", "settings", "help", "replay"})
"""Bottom-bar buttons the player never presses while playing."""
PRESSES_PER_LEVEL = 400


def choose(session: Session, pages: dict[tuple[int, int], int]) -> str | None:
    """The widget a careful child presses next: more text, a safe answer, or go on.

    `pages` counts the pages of replies already turned at each reply point.
    """
    from game.scenes.level import LevelScene

    scene = session.app.top
    ids = [item.id for item in scene.focus.items]
    for plain in ("more", "start", "ok", "retry", "next-message"):
        if plain in ids:
            return plain
    if isinstance(scene, LevelScene):
        try:
            wanted = _step_answer(scene, ids, pages)
        except (AttributeError, IndexError, LookupError, ValueError):
            wanted = None  # a view changed shape: fall back to going on
        if wanted is not None:
            return wanted
    if "next" in ids:
        return "next"
    playable = [widget_id for widget_id in ids if widget_id not in CHROME]
    return playable[0] if playable else None


def _step_answer(
    scene: LevelScene, ids: list[str], pages: dict[tuple[int, int], int]
) -> str | None:
    """The right answer on a question or mini-game, read from the level file."""
    step = scene.level.steps[scene.index]
    view: Any = scene.view
    kind = step.type_key
    if kind == "choice":
        options = [
            f"option-{n}" for n, o in enumerate(step.choice.options, 1) if o.result == "safe"
        ]
        return next((i for i in options if i in ids), None)
    if kind == "chat":
        replies = [i for i in ids if i.startswith("reply-")]
        results = {i: str(view.point.replies[int(i.split("-")[1]) - 1].result) for i in replies}
        point = (id(view), id(view.point))
        for wanted in ("safe", "ok"):
            for widget_id, result in results.items():
                if result == wanted and (wanted == "safe" or pages.get(point, 0) > 3):
                    return widget_id
        if "more-replies" in ids and pages.get(point, 0) <= 3:
            pages[point] = pages.get(point, 0) + 1
            return "more-replies"
        return replies[0] if replies else None
    if kind == "sort" and not view.done:
        if view.held is None:
            return next(i for i in ids if i.startswith("item-"))
        return f"bin-{step.sort.items[view.held].bin}"
    if kind == "spot" and not view.finished:
        return next_sign(step, view, ids)
    if kind == "pick-all" and view.result is None:
        return next_tick(step, view, ids)
    return None


def press(session: Session, widget_id: str) -> None:
    """Focus a widget and press Enter through the loop, then let timers run out."""
    import pygame

    session.clock.now += 0.5  # a child takes a moment between presses
    session.app.top.focus.focus(widget_id)
    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(
            pygame.event.Event(kind, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0)
        )
    session.app.step(wait=False)
    session.settle()


def play_level(session: Session, level_id: str) -> bool:
    """Play one level from its map; True when it reached the level-complete screen."""
    from game.scenes.complete import CompleteScene
    from game.scenes.level import LevelScene
    from game.scenes.shortcuts import start_shortcut

    start_shortcut(session.ctx, "Bench", level_id)
    session.app.step(wait=False)
    session.settle()
    pages: dict[tuple[int, int], int] = {}
    for _ in range(PRESSES_PER_LEVEL):
        top = session.app.top
        if isinstance(top, CompleteScene):
            return True
        if not isinstance(top, LevelScene):
            return False
        widget_id = choose(session, pages)
        if widget_id is None:
            return False
        press(session, widget_id)
    return isinstance(session.app.top, CompleteScene)


def main(limit: int | None = None) -> dict[str, float]:
    """Play the levels; the peak memory and how many levels were finished."""
    finished = played = 0
    with open_session(text_scale=200) as session:
        levels = list(session.ctx.catalogue.levels)[:limit]
        for level in levels:
            played += 1
            finished += play_level(session, level.id)
    return {"peak_rss_mb": peak_mb(), "levels_played": played, "levels_finished": finished}


def peak_mb() -> float:
    """This process's peak resident memory in MB.

    On Linux it is VmHWM: `ru_maxrss` there also counts the parent's peak, carried over when
    the parent forked this process, so a big parent would inflate it.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else None)))
