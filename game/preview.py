"""`sango preview`: every step of a level rendered headless to numbered PNGs."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.content.models import Level
    from game.context import Context


def render_level(ctx: Context, level: Level, surface: pygame.Surface, out_dir: Path) -> list[Path]:
    """Save one PNG per step, plus one per answer of each question showing its feedback."""
    from game.scenes.level import LevelScene

    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for index, step in enumerate(level.steps):
        kind = type(step).__name__.removesuffix("Step").lower()
        scene = LevelScene(ctx, level, start=index)
        ctx.scenes.reset(scene)
        scene.draw(surface)
        path = out_dir / f"{index + 1:02d}-{kind}.png"
        pygame.image.save(surface, str(path))
        written.append(path)
        options = getattr(getattr(step, "choice", None), "options", None) or []
        for number in range(len(options)):
            scene = LevelScene(ctx, level, start=index)
            ctx.scenes.reset(scene)
            scene.focus.focus(f"option-{number + 1}")
            focused = scene.focus.focused
            if focused is not None:
                focused.activate()
            scene.draw(surface)
            path = out_dir / f"{index + 1:02d}-{kind}-answer-{number + 1}.png"
            pygame.image.save(surface, str(path))
            written.append(path)
    return written


def run_preview(
    reference: str, out_dir: Path, locale: str | None, text_scale: int, high_contrast: bool
) -> int:
    """Render a level given by id or file; returns the exit code."""
    from game.app import LaunchOptions, create_context
    from game.content.catalogue import load_level

    pygame.init()
    surface = pygame.display.set_mode((1280, 720))
    overrides: dict[str, object] = {"text_scale": text_scale, "high_contrast": high_contrast}
    if locale:
        overrides["locale"] = locale
    with tempfile.TemporaryDirectory(prefix="sango-preview-") as data_dir:
        ctx = create_context(LaunchOptions(data_dir=data_dir, overrides=overrides))
        level = ctx.catalogue.get(reference)
        if level is None:
            path = Path(reference)
            if not path.is_file():
                print(
                    f"sango preview: '{reference}' is neither a level id nor a level file.",
                    file=sys.stderr,
                )
                return 1
            level, problems = load_level(path)
            for problem in problems:
                print(problem, file=sys.stderr)
            if level is None:
                return 1
        written = render_level(ctx, level, surface, out_dir)
        ctx.store.close()
    for path in written:
        print(path)
    return 0
