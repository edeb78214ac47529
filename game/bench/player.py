"""A headless child playing every shipped level at 200% text, for measuring memory from outside.

Run as `python -m game.bench.player [LEVELS]`: it plays up to LEVELS levels (all by default),
pressing keys through the real loop, and prints one JSON line with its peak resident memory.
"""

from __future__ import annotations

import json
import resource
import sys

from game.bench.session import Session, open_session

CHROME = frozenset({"back", "settings", "help", "replay"})
"""Bottom-bar buttons the player never presses while playing."""
PRESSES_PER_LEVEL = 200


def choose(session: Session) -> str | None:
    """The widget a careful child presses next: more text, a safe answer, or go on."""
    from game.scenes.level import LevelScene

    scene = session.app.top
    ids = [item.id for item in scene.focus.items]
    safe: set[str] = set()
    if isinstance(scene, LevelScene):
        step = scene.level.steps[scene.index]
        options = getattr(getattr(step, "choice", None), "options", None) or []
        safe = {
            f"option-{number}"
            for number, option in enumerate(options, start=1)
            if str(option.result) == "safe"
        }
    for preferred in ("more", *sorted(safe), "retry", "next", "continue", "done", "check"):
        if preferred in ids:
            return preferred
    playable = [widget_id for widget_id in ids if widget_id not in CHROME]
    return playable[0] if playable else None


def press(session: Session, widget_id: str) -> None:
    """Focus a widget and press Enter through the loop, then let timers run out."""
    import pygame

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
    for _ in range(PRESSES_PER_LEVEL):
        top = session.app.top
        if isinstance(top, CompleteScene):
            return True
        if not isinstance(top, LevelScene):
            return False
        widget_id = choose(session)
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
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"peak_rss_mb": peak_kb / 1024, "levels_played": played, "levels_finished": finished}


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else None)))
