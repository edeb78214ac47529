"""Render every adult screen headless to PNG, for docs/teachers.md and for looking at.

Run: `uv run python -m tests.teacher.render_screens [OUT_DIR] [--text-scale PCT]`
(default OUT_DIR: docs/images, files named teacher-*.png).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from tests.driver import GameDriver, make_driver  # noqa: E402

NICKNAMES = ["Star", "Comet", "Moon", "River", "Sky", "Maple", None, None]


def sample_class(game: GameDriver) -> int:
    """A class of eight with some progress: done, started and untouched levels."""
    from game.classroom.controls import load_controls, save_controls
    from game.classroom.roster import add_players

    store = game.ctx.store
    owls = store.create_class("Class 4B")
    store.create_class("Sunflowers")
    players = add_players(store, owls.id, NICKNAMES, game.ctx.art.names("avatars"))
    save_controls(
        store, owls.id, load_controls(store, owls.id).toggled_sensitive("9-12", "grooming")
    )
    levels = game.ctx.catalogue.levels
    for index, player in enumerate(players):
        for number, level in enumerate(levels):
            if (index + number) % 3 == 2:
                continue
            attempt = store.start_level(player.id, level.id, str(level.band))
            for step in range(3 + (index + number) % 3):
                result = "unsafe" if (index * 7 + number + step) % 5 == 0 else "safe"
                store.record_answer(player.id, level.id, attempt, step, result)
            if (index + number) % 3 == 0:
                badge = next((s.badge for s in level.steps if getattr(s, "badge", None)), None)
                store.complete_level(
                    player.id, level.id, 3 if level.band != "under-9" else None, badge
                )
    store.create_player("Pip", "panda")
    return owls.id


def screens(game: GameDriver, class_id: int) -> list[tuple[str, Callable[[], None]]]:
    """(name, how to get there) for every screen, each starting from the title screen."""
    from game.scenes.teacher.controls import ClassSettingsScene, ControlsScene, Section
    from game.scenes.teacher.dashboard import ProgressGridScene, TopicOverviewScene
    from game.scenes.teacher.data import DataScene
    from game.scenes.teacher.gate import AdultGateScene
    from game.scenes.teacher.home import AdultHomeScene
    from game.scenes.teacher.hub import ClassHubScene
    from game.scenes.teacher.lessons import LessonScene, LessonsScene, Part
    from game.scenes.teacher.player import PlayerScene
    from game.scenes.teacher.remember import RememberScene
    from game.scenes.teacher.reports import ReportScene
    from game.scenes.teacher.roster import AddPlayerScene, BulkAddScene, RosterScene

    ctx = game.ctx
    first = ctx.store.class_members(class_id)[0]
    level = ctx.catalogue.get("grooming-secrets") or ctx.catalogue.levels[0]

    def push(scene_factory: Callable[[], object]) -> Callable[[], None]:
        return lambda: ctx.scenes.push(scene_factory())

    def gate() -> None:
        scene = AdultGateScene(ctx)
        ctx.scenes.push(scene)
        for digit in "24":
            scene.add_digit(digit)

    def controls(section: Section) -> Callable[[], None]:
        def show() -> None:
            scene = ControlsScene(ctx, class_id)
            scene.section = section
            ctx.scenes.push(scene)

        return show

    def lesson(part: Part) -> Callable[[], None]:
        def show() -> None:
            scene = LessonScene(ctx, level)
            ctx.scenes.push(scene)
            if part is Part.STEPS:
                scene._show(Part.STEPS)()

        return show

    return [
        ("title", lambda: None),
        ("gate", gate),
        ("home", push(lambda: AdultHomeScene(ctx))),
        ("class", push(lambda: ClassHubScene(ctx, class_id))),
        ("roster", push(lambda: RosterScene(ctx, class_id))),
        ("add-player", push(lambda: AddPlayerScene(ctx, class_id))),
        ("bulk-add", push(lambda: BulkAddScene(ctx, class_id))),
        ("player", push(lambda: PlayerScene(ctx, first.id))),
        ("progress", push(lambda: ProgressGridScene(ctx, class_id))),
        ("topics", push(lambda: TopicOverviewScene(ctx, class_id))),
        ("controls", controls(Section.TOPICS)),
        ("sensitive", controls(Section.SENSITIVE)),
        ("levels", controls(Section.LEVELS)),
        ("class-settings", push(lambda: ClassSettingsScene(ctx, class_id))),
        ("report", push(lambda: ReportScene(ctx, class_id))),
        ("lessons", push(lambda: LessonsScene(ctx))),
        ("lesson-notes", lesson(Part.NOTES)),
        ("lesson-steps", lesson(Part.STEPS)),
        ("data", push(lambda: DataScene(ctx))),
        ("remembers", push(lambda: RememberScene(ctx))),
    ]


def render_all(out_dir: Path, text_scale: int = 100, high_contrast: bool = False) -> list[Path]:
    """Render every screen to `out_dir/teacher-<name>.png`."""
    from game.scenes.title import TitleScene

    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="sango-shots-") as data:
        game = make_driver(
            Path(data),
            overrides={
                "setup_done": True,
                "text_scale": text_scale,
                "high_contrast": high_contrast,
            },
        )
        try:
            class_id = sample_class(game)
            for name, show in screens(game, class_id):
                game.ctx.scenes.reset(TitleScene(game.ctx))
                show()
                game.frame()
                path = out_dir / f"teacher-{name}.png"
                game.screenshot(path)
                written.append(path)
        finally:
            game.close()
    return written


if __name__ == "__main__":
    arguments = sys.argv[1:]
    scale = 100
    if "--text-scale" in arguments:
        position = arguments.index("--text-scale")
        scale = int(arguments[position + 1])
        del arguments[position : position + 2]
    contrast = "--high-contrast" in arguments
    arguments = [argument for argument in arguments if argument != "--high-contrast"]
    target = Path(arguments[0]) if arguments else Path("docs/images")
    for written in render_all(target, scale, contrast):
        print(written)
