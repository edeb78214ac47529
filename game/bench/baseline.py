"""The baseline: the same level screen as a plain pygame_gui loop that redraws 60 times a second.

This is how a pygame_gui game is usually written: a UIManager with a UILabel title, a UITextBox
for what the step says and a UIButton per button, each at the rectangle our scene uses, over
the same background, all redrawn every frame with `clock.tick(60)`. Our loop is compared with
it: idle CPU and frame time, ours / baseline.

Run as `python -m game.bench.baseline SECONDS` it shows that screen for SECONDS, for measuring
its CPU from outside.
"""

from __future__ import annotations

import html
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.bench.session import Session, frame_step, open_session, show_step

if TYPE_CHECKING:
    import pygame
    import pygame_gui

    from game.context import Context
    from game.scenes.level import LevelScene

BASELINE_FPS = 60
BASELINE_TEXT_SCALE = 200


def baseline_theme(ctx: Context) -> dict[str, Any]:
    """The game's pygame_gui theme, with the fonts our buttons, text and title use."""
    from game.ui.gui_theme import gui_theme

    theme = gui_theme(ctx)
    base = dict(theme["defaults"]["font"])

    def font(role: str, bold: bool) -> dict[str, str]:
        return {**base, "name": f"sango-{role}", "size": str(ctx.text.size(role))} | (
            {"bold": "1"} if bold else {}
        )

    theme["text_box"] = {"font": font("body", False)}
    theme["button"] = {
        "font": font("button", True),
        "misc": {"shape": "rounded_rectangle", "shape_corner_radius": "18", "border_width": "3"},
    }
    theme["label"] = {"font": font("heading", True)}
    return theme


@dataclass
class BaselineScreen:
    """The pygame_gui version of one scene, and the background it is drawn over."""

    manager: pygame_gui.UIManager
    background: pygame.Surface
    elements: int

    def frame(self, surface: pygame.Surface, seconds: float) -> None:
        """One frame as a full-redraw loop makes it: events, update, background, UI, flip."""
        import pygame

        for event in pygame.event.get():
            self.manager.process_events(event)
        self.manager.update(seconds)
        surface.blit(self.background, (0, 0))
        self.manager.draw_ui(surface)
        pygame.display.flip()


def build_baseline(ctx: Context, scene: LevelScene) -> BaselineScreen:
    """The same texts at the same places as `scene`, built from pygame_gui elements."""
    import pygame
    import pygame_gui
    from pygame_gui.elements import UIButton, UILabel, UITextBox

    from game.scenes.base import CANVAS, CANVAS_SIZE

    manager = pygame_gui.UIManager(
        CANVAS_SIZE, baseline_theme(ctx), enable_live_theme_updates=False
    )
    elements = 1
    UILabel(pygame.Rect(0, 0, CANVAS.width, scene.header_height()), scene.title(), manager)
    area = scene.step_area()
    step_tops = [w.rect.top for w in scene.widgets if area.contains(w.rect)]
    text_bottom = min(step_tops, default=area.bottom) - 12
    text_rect = pygame.Rect(area.left, area.top, area.width, max(120, text_bottom - area.top))
    UITextBox(html.escape(scene.view.narration()), text_rect, manager)
    elements += 1
    for widget in scene.widgets:
        UIButton(widget.rect, getattr(widget, "text", "") or widget.label, manager)
        elements += 1
    background = pygame.Surface(CANVAS_SIZE).convert()
    background.fill(ctx.theme.background)
    if scene.background:
        background.blit(ctx.art.image("backgrounds", scene.background, CANVAS_SIZE), (0, 0))
    return BaselineScreen(manager, background, elements)


@contextmanager
def baseline_session() -> Iterator[tuple[Session, BaselineScreen]]:
    """A headless game on the measured step, and its baseline twin."""
    with open_session(text_scale=BASELINE_TEXT_SCALE) as session:
        level, index, _ = frame_step(session.ctx)
        scene = show_step(session, level, index)
        yield session, build_baseline(session.ctx, scene)


def run_baseline(seconds: float) -> None:
    """Show the baseline screen at 60 frames a second for `seconds`."""
    import pygame

    with baseline_session() as (session, screen):
        clock = pygame.time.Clock()
        end = time.monotonic() + seconds
        print("baseline: running", flush=True)
        while time.monotonic() < end:
            elapsed = clock.tick(BASELINE_FPS) / 1000
            screen.frame(session.surface, elapsed)


if __name__ == "__main__":
    run_baseline(float(sys.argv[1]) if len(sys.argv) > 1 else 10.0)
