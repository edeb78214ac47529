"""A real game, headless, for measuring: the same Context, App and scenes `sango` runs."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pygame

    from game.app import App
    from game.content.models import Level
    from game.context import Context
    from game.scenes.level import LevelScene

BENCH_PLAYER = "Bench"
BENCH_LEVELS_DIR = Path(__file__).resolve().parent / "levels"
"""Levels the suite brings itself, for step types no shipped level uses yet."""
FRAME_STEP_KINDS = ("chat", "choice")
"""The step shown while frames are timed: a chat if the game can show one, else a question."""


def use_headless_drivers() -> None:
    """Draw to memory and play sound to nowhere, before pygame opens anything."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def child_environment(**extra: str) -> dict[str, str]:
    """The environment for a measured `sango` process: headless, quiet, plus `extra`."""
    environment = dict(os.environ)
    environment.update(
        SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1"
    )
    environment.update(extra)
    return environment


def sango_command() -> list[str]:
    """How to start the game as a school would: the `sango` script beside this Python."""
    script = Path(sys.executable).with_name("sango.exe" if os.name == "nt" else "sango")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "game"]


class SteppedClock:
    """A clock the suite moves by hand, so timed steps (typing pauses) settle at once."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@dataclass
class Session:
    """One headless game: its context, loop and canvas."""

    ctx: Context
    app: App
    surface: pygame.Surface
    clock: SteppedClock

    def settle(self, limit: float = 60.0) -> None:
        """Let time pass until no timer is pending (messages have arrived), drawing as it goes."""
        waited = 0.0
        while waited < limit and self.app.top.deadline() is not None:
            self.clock.now += 0.25
            waited += 0.25
            self.app.tick()
            if self.app.needs_draw():
                self.app.draw()

    def frame(self) -> None:
        """Redraw everything visible and show it, as the loop does after a change."""
        import pygame

        for scene in self.ctx.scenes.visible():
            scene.dirty = True
        self.app.draw()
        pygame.display.flip()


@contextmanager
def open_session(**overrides: Any) -> Iterator[Session]:
    """A game on a fresh data folder with the given settings; closed afterwards."""
    import pygame

    from game.app import App, LaunchOptions, create_context, first_scene
    from game.scenes.base import CANVAS_SIZE

    use_headless_drivers()
    pygame.init()
    surface = pygame.display.set_mode(CANVAS_SIZE)
    clock = SteppedClock()
    with tempfile.TemporaryDirectory(prefix="sango-bench-") as data_dir:
        options = LaunchOptions(data_dir=data_dir, overrides=dict(overrides))
        ctx = create_context(options, clock=clock)
        first_scene(ctx, options)
        session = Session(ctx, App(ctx, surface), surface, clock)
        try:
            yield session
        finally:
            ctx.close()
            pygame.quit()


def frame_step(ctx: Context) -> tuple[Level, int, str]:
    """The level and step to time frames on: the first chat step, else the first question."""
    import game.steps.views  # noqa: F401 - registers the views the game can show
    from game.content.catalogue import load_level
    from game.steps.registry import STEP_TYPES

    levels = list(ctx.catalogue.levels)
    for kind in FRAME_STEP_KINDS:
        if STEP_TYPES.get(kind) is None or STEP_TYPES[kind].view is None:
            continue
        candidates = levels + [
            level
            for level, _ in (load_level(path) for path in sorted(BENCH_LEVELS_DIR.glob("*.yaml")))
            if level is not None
        ]
        for level in candidates:
            for index, step in enumerate(level.steps):
                if step.type_key == kind:
                    return level, index, kind
    raise LookupError("no level has a chat or choice step to measure")


def show_step(session: Session, level: Level, index: int) -> LevelScene:
    """Start as the bench player on the level's map, then open the level at one step."""
    from game.scenes.level import LevelScene
    from game.scenes.shortcuts import start_shortcut

    ctx = session.ctx
    if ctx.catalogue.get(level.id) is level:
        start_shortcut(ctx, BENCH_PLAYER, level.id)
    else:
        start_shortcut(ctx, BENCH_PLAYER, None)
    scene = LevelScene(ctx, level, start=index)
    if len(ctx.scenes) > 1 and isinstance(ctx.scenes.top, LevelScene):
        ctx.scenes.replace(scene)
    else:
        ctx.scenes.push(scene)
    session.app.tick()
    session.app.draw()
    session.settle()
    return scene
