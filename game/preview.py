"""`sango preview`: a level as every child will see it, drawn headless to numbered PNGs.

Each step is played by a careful child (game/authoring/autoplay.py), and every state worth a
look is saved: the first screen, each page of a long text, every answer's feedback, the
mini-games part-way and at the end, and the feedback a first mistake gets. The level-complete
screen comes last. A contact sheet shows them all on one page, numbered by step.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.paths import assets_dir

if TYPE_CHECKING:
    from game.content.catalogue import Catalogue
    from game.content.models import Level
    from game.context import Context

SHEETS_FOLDER = "contact-sheets"
THUMBNAIL = (320, 180)
COLUMNS = 4
SHEET_GAP = 16
LABEL_SIZE = 18
HEADING_SIZE = 26
SHEET_BACKGROUND = (250, 248, 242)
SHEET_INK = (30, 30, 40)
SHEET_SOFT_INK = (90, 90, 100)


@dataclass(frozen=True)
class Shot:
    """One saved picture of a level.

    Attributes:
        path: The PNG file.
        step: The step's number (1-based), or 0 for the level-complete screen.
        kind: The step type (say, choice, sort...), or "complete".
        moment: What is shown: "" for the step's first screen, else e.g. "answer-2", "placed".
    """

    path: Path
    step: int
    kind: str
    moment: str

    @property
    def caption(self) -> str:
        """The words under the picture on a contact sheet, e.g. "3 sort: placed"."""
        if self.kind == "complete":
            return "end: level complete"
        return f"{self.step} {self.kind}" + (f": {self.moment}" if self.moment else "")


@dataclass(frozen=True)
class Look:
    """How the level is shown: the language, the text size and the contrast."""

    locale: str = "en"
    text_scale: int = 100
    high_contrast: bool = False

    @property
    def name(self) -> str:
        """A short name for folders, e.g. "ar-200" or "en-100-high"."""
        name = f"{self.locale}-{self.text_scale}"
        return name + ("-high" if self.high_contrast else "")


def render_level(ctx: Context, level: Level, surface: pygame.Surface, out_dir: Path) -> list[Path]:
    """Save the PNGs of every step of a level (see `render_shots`); returns their paths."""
    return [shot.path for shot in render_shots(ctx, level, surface, out_dir)]


def render_shots(ctx: Context, level: Level, surface: pygame.Surface, out_dir: Path) -> list[Shot]:
    """Play each step of the level on `ctx` and save a PNG of each state worth a look.

    Files are named by step number, type and moment: 01-say.png, 02-choice-answer-1.png,
    04-sort-placed.png, ... and last NN-complete.png. Nothing is recorded: the level is played
    with no player.
    """
    from game.authoring.autoplay import moments
    from game.scenes.complete import CompleteScene
    from game.scenes.level import LevelScene

    out_dir.mkdir(parents=True, exist_ok=True)
    shots: list[Shot] = []
    player, ctx.player = ctx.player, None
    try:
        for index, step in enumerate(level.steps):

            def make_scene(start: int = index) -> LevelScene:
                scene = LevelScene(ctx, level, start=start)
                ctx.scenes.reset(scene)
                return scene

            for moment, _scene in moments(make_scene):
                name = f"{index + 1:02d}-{step.type_key}" + (f"-{moment}" if moment else "")
                path = out_dir / f"{name}.png"
                shots.append(_save(ctx, surface, path, index + 1, step.type_key, moment))
        stars = None if str(level.band) == "under-9" else 3
        badge = next((s.badge for s in reversed(level.steps) if s.type_key == "badge"), None)
        complete = CompleteScene(ctx, level, stars, badge)
        ctx.scenes.reset(complete)
        name = f"{len(level.steps) + 1:02d}-complete.png"
        shots.append(_save(ctx, surface, out_dir / name, 0, "complete", ""))
    finally:
        ctx.player = player
    return shots


def _save(
    ctx: Context, surface: pygame.Surface, path: Path, step: int, kind: str, moment: str
) -> Shot:
    """Draw what is on the scene stack and save it."""
    for visible in ctx.scenes.visible():
        visible.draw(surface)
    pygame.image.save(surface, str(path))
    return Shot(path, step, kind, moment)


def contact_sheet(shots: Sequence[Shot], path: Path, heading: str) -> Path:
    """One image of every shot, small, in rows of four, each captioned with its step number."""
    pygame.font.init()
    fonts = assets_dir() / "fonts"
    label_font = pygame.font.Font(str(fonts / "NotoSans-Regular.ttf"), LABEL_SIZE)
    heading_font = pygame.font.Font(str(fonts / "NotoSans-Bold.ttf"), HEADING_SIZE)
    cell_w, cell_h = THUMBNAIL[0], THUMBNAIL[1] + LABEL_SIZE + 12
    rows = max(1, -(-len(shots) // COLUMNS))
    top = HEADING_SIZE + 2 * SHEET_GAP
    width = COLUMNS * cell_w + (COLUMNS + 1) * SHEET_GAP
    height = top + rows * cell_h + (rows + 1) * SHEET_GAP
    sheet = pygame.Surface((width, height))
    sheet.fill(SHEET_BACKGROUND)
    sheet.blit(heading_font.render(heading, True, SHEET_INK), (SHEET_GAP, SHEET_GAP))
    for number, shot in enumerate(shots):
        row, column = divmod(number, COLUMNS)
        x = SHEET_GAP + column * (cell_w + SHEET_GAP)
        y = top + SHEET_GAP + row * (cell_h + SHEET_GAP)
        picture = pygame.image.load(str(shot.path))
        sheet.blit(pygame.transform.smoothscale(picture, THUMBNAIL), (x, y))
        pygame.draw.rect(sheet, SHEET_SOFT_INK, (x - 1, y - 1, cell_w + 2, THUMBNAIL[1] + 2), 1)
        label = label_font.render(shot.caption, True, SHEET_INK)
        sheet.blit(label, (x, y + THUMBNAIL[1] + 6), (0, 0, cell_w, label.get_height()))
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(sheet, str(path))
    return path


# --- the command -------------------------------------------------------------------------


@dataclass(frozen=True)
class PreviewRequest:
    """What `sango preview` was asked for."""

    references: tuple[str, ...]
    out_dir: Path
    looks: tuple[Look, ...]
    every_level: bool = False
    sheets: bool = True
    levels_dir: Path | None = None
    """Where the game's levels are (the shipped ones by default)."""


def run_preview(request: PreviewRequest) -> int:
    """Render the levels asked for in every look; print what was written. Returns the exit code.

    Layout of `out_dir`: one level in one look puts its PNGs straight in `out_dir`; several
    levels (or --all) get a folder each, named by band and id; several looks get a folder each
    (e.g. ar-200/). Contact sheets go to `out_dir/contact-sheets/`.
    """
    from game.authoring.stage import quiet_context
    from game.content.catalogue import Catalogue

    started = time.monotonic()
    pygame.display.init()  # no sound: a preview is silent
    pygame.font.init()
    surface = pygame.display.set_mode((1280, 720))
    catalogue = Catalogue.load(request.levels_dir)
    levels, catalogue, problems = _levels_asked(request, catalogue)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not levels:
        return 1
    nested = request.every_level or len(levels) > 1
    written = 0
    for look in request.looks:
        ctx = quiet_context(
            catalogue,
            text_scale=look.text_scale,
            high_contrast=look.high_contrast,
            locale=look.locale,
        )
        base = request.out_dir / look.name if len(request.looks) > 1 else request.out_dir
        for level in levels:
            folder = base / str(level.band) / level.id if nested else base
            shots = render_shots(ctx, level, surface, folder)
            written += len(shots)
            for shot in shots:
                print(shot.path)
            if request.sheets:
                suffix = f"-{look.name}" if len(request.looks) > 1 else ""
                sheet = request.out_dir / SHEETS_FOLDER / f"{level.id}{suffix}.png"
                heading = f"{level.title}  ({level.id}, {level.band}; {look.name})"
                print(contact_sheet(shots, sheet, heading))
        ctx.close()
    seconds = time.monotonic() - started
    print(
        f"{written} pictures of {len(levels)} level{'s' if len(levels) != 1 else ''} in "
        f"{seconds:.1f} s",
        file=sys.stderr,
    )
    return 1 if problems and any(problem.is_error for problem in problems) else 0


def _levels_asked(
    request: PreviewRequest, catalogue: Catalogue
) -> tuple[list[Level], Catalogue, list]:
    """The levels named (ids or files), or every level; the catalogue with any files added."""
    from game.authoring.levels import catalogue_with, load_level_file
    from game.content.problems import Problem

    if request.every_level:
        broken = [problem for _, found in catalogue.broken for problem in found]
        return list(catalogue.levels), catalogue, broken
    levels: list[Level] = []
    problems: list[Problem] = []
    for reference in request.references:
        level = catalogue.get(reference)
        path = Path(reference)
        if path.is_file():
            level, found = load_level_file(path, catalogue)
            problems += found
            if level is not None:
                catalogue = catalogue_with(catalogue, level, path)
        elif level is None:
            problems.append(
                Problem(path, 0, 0, "is neither a level id nor a level file: check the spelling")
            )
            continue
        if level is not None:
            levels.append(level)
    if any(problem.is_error for problem in problems):
        return [], catalogue, problems
    return levels, catalogue, problems


def looks_for(
    locales: Iterable[str], scales: Iterable[int], high_contrast: bool
) -> tuple[Look, ...]:
    """Every combination of the languages and text sizes asked for."""
    return tuple(Look(locale, scale, high_contrast) for locale in locales for scale in scales)
