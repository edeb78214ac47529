"""The real game, headless, played by a restless child until the test kills it with SIGKILL.

It builds the game exactly as `sango` does (store, catalogue, scenes, App) and drives it with
mouse events posted to pygame's queue. After each answer has been saved (`record_answer` has
returned) *and* the frame showing its feedback has been drawn, it prints

    ACK <level id> <attempt> <step index> <result>

and, for a settings change, `TRY <value>` before and `SET <value>` once it shows on screen.
test_killed_game_keeps_progress.py checks that every ACK and SET is in the file after the kill.

Usage: `python play_until_killed.py DATA_DIR SEED` plays once. `python play_until_killed.py serve`
imports the game once, then for each `PLAY DATA_DIR SEED` line on stdin forks a fresh process
that plays (printing `CHILD <pid>` first) and prints `DEAD <pid> <wait status>` when it is gone:
the same real game, killed many times without paying for Python's imports each time.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pkgutil
import random
import sys
import time

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

import game.app  # noqa: E402
from game.app import App, LaunchOptions, create_context, first_scene, open_window  # noqa: E402
from game.scenes.complete import CompleteScene  # noqa: E402
from game.scenes.level import LevelScene  # noqa: E402
from game.scenes.map import MapScene  # noqa: E402

CHROME = frozenset({"back", "replay", "settings", "help"})
"""Bottom-bar buttons: the restless child sticks to the story."""
TEXT_SCALES = (100, 125, 150)
LIFETIME = 120.0
"""Seconds after which a game nobody killed stops by itself (the test died, say)."""


def say(line: str) -> None:
    print(line, flush=True)


def main(data_dir: str, seed: int) -> int:
    # No speech engine: a killed game must not leave eSpeak children behind in the test run.
    game.app.find_engine = lambda: None  # type: ignore[attr-defined]
    chance = random.Random(seed)
    options = LaunchOptions(
        data_dir=data_dir,
        player="Crash",
        overrides={"setup_done": True, "input_mode": "mouse", "reduced_motion": True},
    )
    pygame.init()
    app = App(create_context(options), open_window())
    ctx = app.ctx
    first_scene(ctx, options)
    if ctx.store.recovered_from is not None or not ctx.store.saves:
        say(f"TROUBLE {ctx.store.recovered_from} {ctx.store.read_only_reason}")
        return 1

    answered: list[str] = []
    record_answer = ctx.store.record_answer

    def acknowledged_record(
        player_id: int, level_id: str, attempt: int, step_index: int, result: str
    ) -> None:
        record_answer(player_id, level_id, attempt, step_index, result)
        answered.append(f"ACK {level_id} {attempt} {step_index} {result}")

    ctx.store.record_answer = acknowledged_record  # type: ignore[method-assign]
    say("READY")
    levels = list(ctx.catalogue.levels)
    give_up = time.monotonic() + LIFETIME
    while ctx.running and time.monotonic() < give_up:
        level = chance.choice(levels)
        ctx.scenes.reset(MapScene(ctx, str(level.band)))
        ctx.scenes.push(LevelScene(ctx, level))
        for _ in range(400):
            top = ctx.scenes.top
            if not isinstance(top, LevelScene):
                break
            story = [widget for widget in top.widgets if widget.id not in CHROME]
            if not story:
                app.step(wait=False)
                time.sleep(0.01)
                continue
            if chance.random() < 0.02:
                scale = chance.choice(TEXT_SCALES)
                say(f"TRY {scale}")
                ctx.update_settings(text_scale=scale)
                answered.append(f"SET {scale}")
            target = chance.choice(story).rect.center
            for kind, extra in (
                (pygame.MOUSEMOTION, {"rel": (0, 0), "buttons": (0, 0, 0)}),
                (pygame.MOUSEBUTTONDOWN, {"button": 1}),
                (pygame.MOUSEBUTTONUP, {"button": 1}),
            ):
                pygame.event.post(pygame.event.Event(kind, pos=target, **extra))
            frames = app.frames
            app.step(wait=False)
            if answered and app.frames > frames:
                for line in answered:
                    say(line)
                answered.clear()
            if isinstance(ctx.scenes.top, CompleteScene) or not ctx.running:
                break
    return 0


def import_the_game() -> None:
    """Import every game module once, so each forked game starts at once."""
    import game as package

    for module in pkgutil.walk_packages(package.__path__, "game."):
        if not module.name.endswith("__main__"):
            with contextlib.suppress(Exception):
                importlib.import_module(module.name)


def serve() -> int:
    """Fork one game per PLAY line, one at a time, and report how each one ended."""
    import_the_game()
    for request in sys.stdin:
        command, data_dir, seed = request.split()
        assert command == "PLAY", request
        sys.stdout.flush()
        child = os.fork()
        if child == 0:
            code = 1
            try:
                code = main(data_dir, int(seed))
            finally:
                os._exit(code)
        say(f"CHILD {child}")
        _, status = os.waitpid(child, 0)
        say(f"DEAD {child} {status}")
    return 0


if __name__ == "__main__":
    sys.exit(serve() if sys.argv[1:] == ["serve"] else main(sys.argv[1], int(sys.argv[2])))
