"""`sango play --level FILE --watch`: the level reloads each time its file is saved.

The watcher looks at the file's modification time about twice a second, on the game loop's own
timers (it gives the loop a deadline, so an idle game still sleeps). A saved file that checks
out replaces the level on screen, on the same step: the step with the same label, else the same
step number. A file with errors never reaches the screen: the old version stays, and a notice
names the first problem as file:line:col, until the file is fixed. Without --watch none of this
exists: the App has no watcher.

Its notices speak to the author, in English like `sango validate`, not to a child.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.authoring.levels import catalogue_with, load_level_file, looks_like_file
from game.content.problems import Problem

if TYPE_CHECKING:
    from game.app import LaunchOptions
    from game.content.models import Level
    from game.context import Context
    from game.scenes.level import LevelScene

POLL_SECONDS = 0.5
RELOADED_SECONDS = 2.5
"""How long "Reloaded" stays on screen. A problem stays until it is fixed."""
NOTICE_MARGIN = 12


class LevelNotReady(Exception):
    """The level named on the command line cannot be played; the message says why."""


@dataclass(frozen=True)
class Notice:
    """What the watcher shows on top of the game."""

    icon: str
    words: str
    until: float | None
    """When it goes away; None: when the file is fixed."""


def open_for_authoring(
    ctx: Context, options: LaunchOptions, reference: str, watch: bool
) -> LevelWatcher | None:
    """Make the level named by `--level` (an id, or a level file) the one the game starts in.

    A file is checked as `sango validate` checks it and added to the catalogue (its pictures
    and voice files are found next to it). With `watch`, returns the watcher to give the App.

    Raises:
        LevelNotReady: The file does not exist or has errors, or no level has that id.
    """
    path: Path
    if looks_like_file(reference) or Path(reference).is_file():
        path = Path(reference)
        if not path.is_file():
            raise LevelNotReady(f"sango: {reference}: no such level file")
        level, problems = load_level_file(path, ctx.catalogue)
        if level is None:
            shown = "\n".join(str(problem) for problem in problems if problem.is_error)
            raise LevelNotReady(f"{shown}\nsango: fix {reference} first (`sango validate` helps)")
        ctx.catalogue = catalogue_with(ctx.catalogue, level, path)
        options.level = level.id
    else:
        level = ctx.catalogue.get(reference)
        if level is None:
            raise LevelNotReady(
                f"sango: there is no level with id '{reference}'. Run `sango validate` to list "
                "problems."
            )
        path = ctx.catalogue.path_of(reference)
    return LevelWatcher(ctx, path, level.id) if watch else None


def _stamp(path: Path) -> tuple[int, int] | None:
    """When the file was last written, and its size; None while it is missing."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


class LevelWatcher:
    """Reloads one level file when it changes, keeping the player's place."""

    def __init__(self, ctx: Context, path: Path, level_id: str) -> None:
        self.ctx = ctx
        self.path = path
        self.level_id = level_id
        self.reloads = 0
        """How many saved versions have been put on screen."""
        self.notice: Notice | None = None
        self._stamp = _stamp(path)
        self._next_look = ctx.clock() + POLL_SECONDS
        self._waiting: Level | None = None
        """A good version saved while another screen (help, settings) was on top."""

    # The game loop's side ------------------------------------------------------------------
    def deadline(self) -> float:
        """When the watcher next needs the loop: the next look at the file, or a notice going."""
        if self.notice is not None and self.notice.until is not None:
            return min(self._next_look, self.notice.until)
        return self._next_look

    def update(self, now: float) -> bool:
        """Look at the file when it is time; True if the screen changed."""
        changed = False
        if self.notice is not None and self.notice.until is not None and now >= self.notice.until:
            self.notice = None
            changed = True
        if self._waiting is not None and self._show(self._waiting, now):
            changed = True
        if now < self._next_look:
            return changed
        self._next_look = now + POLL_SECONDS
        stamp = _stamp(self.path)
        if stamp == self._stamp:
            return changed
        self._stamp = stamp
        self.reload(now)
        return True

    def draw(self, surface: pygame.Surface) -> None:
        """The notice, if any, at the top of the screen, over everything."""
        if self.notice is None:
            return
        from game.scenes.base import CANVAS
        from game.ui.captions import draw_notice

        draw_notice(
            surface,
            self.ctx,
            self.notice.icon,
            self.notice.words,
            (CANVAS.centerx, NOTICE_MARGIN),
            "midtop",
        )

    # Reloading -----------------------------------------------------------------------------
    def reload(self, now: float) -> None:
        """Read the file again: show the new version, or say what is wrong with it."""
        if not self.path.is_file():
            self.notice = Notice(
                "cross", f"{self.path}: the file is gone; showing the last version", None
            )
            return
        level, problems = load_level_file(self.path, self.ctx.catalogue)
        if level is None:
            self.notice = Notice("cross", _problem_words(problems), None)
            return
        self.ctx.catalogue = catalogue_with(self.ctx.catalogue, level, self.path)
        self._waiting = level
        self._show(level, now)

    def _show(self, level: Level, now: float) -> bool:
        """Put the new version on screen where the old one is playing; False to wait (another
        screen is on top of the level)."""
        from game.scenes.complete import CompleteScene
        from game.scenes.level import LevelScene

        scenes = self.ctx.scenes
        for scene in scenes.scenes:
            if isinstance(scene, CompleteScene) and scene.level.id in (self.level_id, level.id):
                scene.level = level  # "Play again" plays the new version
        top = scenes.top
        playing = [
            scene
            for scene in scenes.scenes
            if isinstance(scene, LevelScene) and scene.level.id in (self.level_id, level.id)
        ]
        if playing and top is not playing[-1]:
            return False
        if playing:
            scenes.replace(_same_place(self.ctx, playing[-1], level))
        self._waiting = None
        self.level_id = level.id
        self.reloads += 1
        self.notice = Notice("check", f"Reloaded {self.path.name}", now + RELOADED_SECONDS)
        return True


def _same_place(ctx: Context, old: LevelScene, level: Level) -> LevelScene:
    """The new version of the level on the step the player was on: the step with the same
    label, else the same step number (the last step if the level got shorter)."""
    from game.scenes.level import LevelScene

    label = old.level.steps[old.index].label
    index = level.step_index(label) if label is not None else None
    if index is None:
        index = min(old.index, len(level.steps) - 1)
    scene = LevelScene(ctx, level, start=index)
    scene.safe, scene.unsafe, scene.badges = old.safe, old.unsafe, list(old.badges)
    scene.attempt = old.attempt or scene.attempt
    return scene


def _problem_words(problems: list[Problem]) -> str:
    """The first error as file:line:col, and how many more there are."""
    errors = [problem for problem in problems if problem.is_error] or problems
    first = errors[0]
    words = f"Not reloaded: {first}"
    if len(errors) > 1:
        words += f" (and {len(errors) - 1} more: run sango validate)"
    return words
