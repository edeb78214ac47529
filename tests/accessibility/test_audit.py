"""`sango audit` finds what would stop a child reading or pressing, and names where it is."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.audit.checks import comes_before
from game.audit.runner import Auditor, Config
from game.audit.screens import Visit, put_on_stack
from game.paths import content_dir
from game.scenes.base import Scene
from game.ui.widgets import Button, Widget, draw_panel


class CarelessScene(Scene):
    """A screen with one of every mistake the audit looks for."""

    def title(self) -> str:
        return "A careless screen"

    def build(self) -> list[Widget]:
        return [
            Button("tiny", pygame.Rect(200, 200, 40, 40), "Tiny", None, text="", icon="play"),
            Button("close-a", pygame.Rect(300, 200, 200, 80), "Close A", None, text="A"),
            Button("close-b", pygame.Rect(505, 200, 200, 80), "Close B", None, text="B"),
            Button("upper", pygame.Rect(800, 120, 200, 80), "Upper", None, text="Up"),
            Button("silent", pygame.Rect(300, 320, 200, 80), "", None, text="?"),
            Button("lost", pygame.Rect(1400, 320, 200, 80), "Lost", None, text="Lost"),
        ]

    def draw_content(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        panel = pygame.Rect(40, 420, 700, 150)
        draw_panel(surface, panel, ctx)
        faint = ctx.text.render("Faint words", "body", (200, 200, 200))
        surface.blit(faint, (60, 440))
        under = ctx.text.render("Words under a button", "body", ctx.theme.ink)
        surface.blit(under, (310, 340))
        edge = ctx.text.render("Falling off the edge", "body", ctx.theme.ink)
        surface.blit(edge, (1100, 500))


@pytest.fixture
def auditor() -> Iterator[tuple[Auditor, object]]:
    pygame.init()
    pygame.display.set_mode((1280, 720))
    auditor = Auditor()
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        ctx = auditor.context(Path(folder), "en")
        yield auditor, ctx
        ctx.close()


def problems_of(auditor: Auditor, check: str) -> list[str]:
    return [message for (kind, _, message) in auditor.report.problems if kind == check]


def test_each_kind_of_mistake_is_found_and_named(auditor: tuple[Auditor, object]) -> None:
    checker, ctx = auditor
    scene = CarelessScene(ctx)
    put_on_stack(ctx, scene)
    checker.visit(ctx, Visit("careless screen", scene), [Config("en", 100, False)])
    assert any("“Faint words” has contrast" in m for m in problems_of(checker, "contrast"))
    assert any("tiny" in m and "40x40" in m for m in problems_of(checker, "target-size"))
    assert any(
        "close-a" in m and "close-b" in m and "5 px" in m
        for m in problems_of(checker, "target-spacing")
    )
    assert any("silent" in m for m in problems_of(checker, "narration"))
    assert any("lost" in m and "off the screen" in m for m in problems_of(checker, "scan-reach"))
    assert any("upper" in m for m in problems_of(checker, "reading-order"))
    assert any(
        "Words under a button" in m and "silent" in m for m in problems_of(checker, "overlap")
    )
    assert any("Falling off the edge" in m for m in problems_of(checker, "overflow"))
    where = {where for (_, where, _) in checker.report.problems}
    assert where == {"careless screen"}


def test_high_contrast_needs_seven_to_one(auditor: tuple[Auditor, object]) -> None:
    checker, ctx = auditor

    class GreyScene(Scene):
        def draw_content(self, surface: pygame.Surface) -> None:
            surface.fill((0, 0, 0), pygame.Rect(100, 100, 600, 100))
            text = self.ctx.text.render("Grey on black", "body", (120, 120, 120))
            surface.blit(text, (120, 120))

    scene = GreyScene(ctx)
    put_on_stack(ctx, scene)
    checker.visit(ctx, Visit("grey", scene), [Config("en", 100, False), Config("en", 100, True)])
    labels = checker.report.problems[
        next(key for key in checker.report.problems if key[0] == "contrast")
    ]
    assert labels == ["en 100% high"], "4.9:1 passes normally, not in high contrast"


def test_reading_order_follows_the_language_direction() -> None:
    left, right = pygame.Rect(100, 100, 200, 80), pygame.Rect(400, 100, 200, 80)
    below = pygame.Rect(100, 300, 200, 80)
    assert comes_before(left, right, rtl=False)
    assert comes_before(right, left, rtl=True)
    assert comes_before(right, below, rtl=False) and comes_before(left, below, rtl=True)


def test_the_audit_command_covers_every_scene_and_level_step(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from game.cli import main

    content = tmp_path / "content"
    shutil.copytree(content_dir(), content)
    for band in (content / "levels").iterdir():
        for level in sorted(band.glob("*.yaml"))[1:]:
            level.unlink()
    code = main(
        [
            "audit",
            "--locale",
            "en",
            "--text-scale",
            "100",
            "--contrast",
            "normal",
            "--jobs",
            "1",
            "--levels",
            str(content / "levels"),
        ]
    )
    out = capsys.readouterr().out.splitlines()
    summary = out[-1]
    assert summary.startswith("sango audit: ") and "1 settings combinations" in summary
    found = 0 if summary.endswith("no problems") else int(summary.split(": ")[-1].split()[0])
    assert code == (1 if found else 0)
    assert len(out) - 1 == found, "one line per problem, then the summary"
    screens = int(summary.split("sango audit: ")[1].split()[0])
    steps = sum(
        1
        for level in (content / "levels").rglob("*.yaml")
        for line in level.read_text(encoding="utf-8").splitlines()
        if line.startswith("  - ")
    )
    assert screens > steps + 10, "every step and every scene class was visited"


def test_unknown_options_are_explained(capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main

    assert main(["audit", "--text-scale", "90"]) == 2
    assert "--text-scale must be one of" in capsys.readouterr().err
    assert main(["audit", "--locale", "xx"]) == 2
    assert "no catalog for xx" in capsys.readouterr().err
