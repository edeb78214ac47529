"""Runs the audit: every screen, in every chosen language, text size and contrast, headless.

Each screen is drawn once with its text hidden (the canvas is then exactly what lies behind
the text) while the draw log notes where every text block lands; the checks run on that.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
import traceback
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.audio.narrator import Narrator
from game.audit import checks
from game.audit.checks import ContrastMeter, Finding
from game.audit.drawlog import DrawLog, RecordingCanvas, TextRun
from game.audit.screens import Visit, matching, visit_levels, visit_scenes
from game.scenes.base import CANVAS_SIZE
from game.store.database import Store

if TYPE_CHECKING:
    from game.context import Context

CHECKS = (
    "render",
    "coverage",
    "overflow",
    "clipped",
    "overlap",
    "contrast",
    "target-size",
    "target-spacing",
    "focus-visible",
    "scan-reach",
    "reading-order",
    "narration",
)
"""Every kind of problem the audit reports, in the order of the summary."""


@dataclass(frozen=True)
class Config:
    """One combination of settings a screen is audited in."""

    locale: str
    text_scale: int
    high_contrast: bool

    @property
    def label(self) -> str:
        return f"{self.locale} {self.text_scale}% {'high' if self.high_contrast else 'normal'}"


@dataclass
class AuditClock:
    """Time for the audit: it only moves when a scene's timers are run to their end."""

    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


class AuditNarrator(Narrator):
    """Lays screens out as if a voice were available (the "Hear again" button shows), and
    never speaks."""

    @property
    def available(self) -> bool:
        return True

    def say(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass
class Report:
    """What the audit found, merged over the settings each problem appeared in."""

    problems: dict[tuple[str, str, str], list[str]] = field(default_factory=dict)
    screens: int = 0
    renders: int = 0
    seconds: float = 0.0
    configs: int = 0

    @property
    def failed(self) -> bool:
        return bool(self.problems)

    def add(self, where: str, finding: Finding, config: Config) -> None:
        labels = self.problems.setdefault((finding.check, where, finding.message), [])
        if config.label not in labels:
            labels.append(config.label)

    def merge(self, other: Report) -> None:
        """Add another report's findings (from another process) to this one."""
        for key, labels in other.problems.items():
            mine = self.problems.setdefault(key, [])
            mine.extend(label for label in labels if label not in mine)
        self.screens = max(self.screens, other.screens)
        self.renders += other.renders
        self.configs += other.configs

    def counts(self) -> dict[str, int]:
        """Problems per check."""
        totals: dict[str, int] = defaultdict(int)
        for check, _, _ in self.problems:
            totals[check] += 1
        return {check: totals[check] for check in CHECKS if totals[check]}

    def lines(self) -> list[str]:
        """One line per problem, with where it is and in which settings."""
        out: list[str] = []
        for (check, where, message), labels in sorted(
            self.problems.items(), key=lambda item: (item[0][1], item[0][0], item[0][2])
        ):
            shown = ", ".join(labels[:4])
            if len(labels) > 4:
                shown += f" (+{len(labels) - 4} more)"
            out.append(f"{where}: [{check}] {message}  ({shown})")
        return out

    def summary(self) -> str:
        counts = ", ".join(f"{check} {count}" for check, count in self.counts().items())
        found = f"{len(self.problems)} problems ({counts})" if self.problems else "no problems"
        return (
            f"sango audit: {self.screens} screens, {self.renders} renders in {self.configs} "
            f"settings combinations, {self.seconds:.1f} s: {found}"
        )


@dataclass(frozen=True)
class Task:
    """One language at one text size, in one or both themes: the unit a worker process runs."""

    locale: str
    text_scale: int
    contrasts: tuple[bool, ...]
    levels_dir: Path | None = None
    shots_dir: Path | None = None
    only: tuple[str, ...] = ()
    """Audit only the screens whose names contain one of these words (all when empty)."""


def audit(
    locales: Iterable[str],
    text_scales: Iterable[int],
    contrasts: Iterable[bool],
    levels_dir: Path | None = None,
    shots_dir: Path | None = None,
    jobs: int = 1,
    only: Iterable[str] = (),
) -> Report:
    """Audit every combination, in `jobs` worker processes; returns the merged report.
    `only` keeps the screens whose names contain one of its words."""
    started = time.perf_counter()
    tasks = [
        Task(locale, scale, tuple(contrasts), levels_dir, shots_dir, tuple(only))
        for locale in locales
        for scale in text_scales
    ]
    report = Report()
    if jobs <= 1 or len(tasks) <= 1:
        _start_worker()
        for task in tasks:
            report.merge(run_task(task))
    else:
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(tasks)), initializer=_start_worker
        ) as pool:
            for part in pool.map(run_task, tasks):
                report.merge(part)
    report.seconds = time.perf_counter() - started
    return report


def _start_worker() -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    pygame.init()
    pygame.display.set_mode(CANVAS_SIZE)


def run_task(task: Task) -> Report:
    """Audit every screen for one task (pygame must be initialised with a display)."""
    auditor = Auditor(task.shots_dir, task.only)
    with tempfile.TemporaryDirectory(prefix="sango-audit-") as data_dir:
        ctx = auditor.context(Path(data_dir), task.locale, task.levels_dir)
        try:
            ctx.overrides.update(text_scale=task.text_scale, high_contrast=False)
            ctx.apply()
            auditor.audit_all(
                ctx, [Config(task.locale, task.text_scale, high) for high in task.contrasts]
            )
        finally:
            ctx.close()
            ctx.text.log = None
    return auditor.report


class Auditor:
    """Audits every screen of one context: each is laid out once, then drawn in each theme.

    The high-contrast theme changes colours only, never the layout, so the layout checks run
    once and the contrast check runs in each theme.
    """

    def __init__(self, shots_dir: Path | None = None, only: Iterable[str] = ()) -> None:
        self.shots_dir = shots_dir
        self.keep = matching(only) if only else None
        self.meter = ContrastMeter()
        self.report = Report()
        self.log = DrawLog()
        self.canvas = RecordingCanvas(CANVAS_SIZE, self.log)
        self.background = pygame.Surface(CANVAS_SIZE)

    # Setting up ------------------------------------------------------------------------------
    def context(self, data_dir: Path, locale: str, levels_dir: Path | None = None) -> Context:
        """A game context in a language, with a quiet narrator and a few players."""
        from game.app import LaunchOptions, create_context

        overrides = {"locale": locale, "setup_done": True, "narration": False}
        ctx = create_context(
            LaunchOptions(data_dir=str(data_dir), levels_dir=levels_dir, overrides=overrides),
            clock=AuditClock(),
        )
        ctx.narrator = AuditNarrator(ctx.audio)
        ctx.close()
        ctx.store = Store.in_memory()
        self._players(ctx)
        return ctx

    def _players(self, ctx: Context) -> None:
        """A player with some progress, and a few more, so lists and maps show real states."""
        avatars = ctx.art.names("avatars") or ["fox"]
        player = ctx.store.create_player("Sam", avatars[0])
        for number, name in enumerate(("Wonderful Lightning", "Io", None, "Amani", "Kai")):
            ctx.store.create_player(name, avatars[(number + 1) % len(avatars)])
        for level in ctx.catalogue.levels[:: max(1, len(ctx.catalogue.levels) // 3)]:
            attempt = ctx.store.start_level(player.id, level.id, str(level.band))
            ctx.store.record_answer(player.id, level.id, attempt, 0, "safe")
            ctx.store.complete_level(
                player.id, level.id, None if str(level.band) == "under-9" else 3, None
            )
        ctx.select_player(player)

    # Visiting --------------------------------------------------------------------------------
    def audit_all(self, ctx: Context, configs: list[Config]) -> None:
        """Every scene and every level step, in each of the configs (same language and size)."""
        self.report.configs += len(configs)
        seen: set[str] = set()
        problems: list[tuple[str, str]] = []

        def visit(screen: Visit) -> object:
            seen.add(screen.where)
            return self.visit(ctx, screen, configs)

        visit_scenes(ctx, visit, problems, self.keep)
        for where, why in problems:
            for config in configs:
                self.report.add(where, Finding("coverage", why), config)
        visit_levels(ctx, visit, keep=self.keep)
        self.report.screens = max(self.report.screens, len(seen))

    def visit(self, ctx: Context, screen: Visit, configs: list[Config]) -> object:
        """Check one screen in each config; findings go to the report. Returns a signature of
        what it showed (the explorer skips states it has seen)."""
        signature: object = ("failed", screen.where)
        for number, config in enumerate(configs):
            ctx.overrides["high_contrast"] = config.high_contrast
            self.report.renders += 1
            try:
                runs = self._render(ctx, screen)
                if number == 0:
                    signature = self._signature(screen, runs)
                findings = self._check(ctx, screen, runs, config, layout=number == 0)
            except Exception as error:  # noqa: BLE001 - a crash is a finding, not the end
                detail = traceback.format_exception_only(type(error), error)[-1].strip()
                findings = [Finding("render", f"drawing failed: {detail}")]
            for finding in findings:
                self.report.add(screen.where, finding, config)
            if findings and self.shots_dir is not None:
                self._shoot(ctx, screen, findings, config)
        ctx.overrides["high_contrast"] = False
        return signature

    def _render(self, ctx: Context, screen: Visit) -> list[TextRun]:
        """Draw the screen with its text hidden; the canvas is then what lies behind the text."""
        log = self.log
        log.clear()
        log.hide_text = True
        ctx.text.log = log
        for scene in ctx.scenes.visible():
            log.mark(scene, "content")
            scene.draw(self.canvas)
        pygame.Surface.blit(self.background, self.canvas, (0, 0))
        return [run for run in log.runs if run.scene is screen.scene]

    @staticmethod
    def _signature(screen: Visit, runs: list[TextRun]) -> object:
        return (
            type(screen.scene).__name__,
            tuple((w.id, w.label, tuple(w.rect)) for w in screen.scene.widgets),
            tuple((run.text, tuple(run.rect)) for run in runs),
        )

    def _check(
        self, ctx: Context, screen: Visit, runs: list[TextRun], config: Config, layout: bool
    ) -> list[Finding]:
        needed = checks.HIGH_CONTRAST_TEXT if config.high_contrast else checks.TEXT_CONTRAST
        findings = checks.text_contrast(self.meter, self.background, runs, needed)
        if not layout:
            return findings
        scene = screen.scene
        widgets = list(scene.widgets)
        focusables = list(scene.focus.items)
        spoken = [scene.narration()] if screen.step is not None else scene.spoken_text()
        return [
            *checks.text_layout(runs, widgets),
            *findings,
            *checks.targets(focusables),
            *checks.scan_order(widgets, focusables, ctx.i18n.rtl),
            *checks.narration(focusables, spoken),
        ]

    def _shoot(self, ctx: Context, screen: Visit, findings: list[Finding], config: Config) -> None:
        assert self.shots_dir is not None
        self.shots_dir.mkdir(parents=True, exist_ok=True)
        log = DrawLog()
        ctx.text.log = log
        canvas = pygame.Surface(CANVAS_SIZE)
        for scene in ctx.scenes.visible():
            log.mark(scene, "content")
            scene.draw(canvas)
        for finding in findings:
            for rect in finding.rects:
                pygame.draw.rect(canvas, (230, 0, 60), pygame.Rect(rect).inflate(4, 4), width=3)
        name = re.sub(r"[^A-Za-z0-9._-]+", "_", f"{config.label} {screen.where}")[:150]
        pygame.image.save(canvas, str(self.shots_dir / f"{name}.png"))
