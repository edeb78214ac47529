"""The level player: Sango on one side, the current step on the other; results saved at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scenes.base import Scene
from game.steps.views import view_for
from game.ui.widgets import GAP, Widget

if TYPE_CHECKING:
    from game.content.models import Level
    from game.context import Context
    from game.steps.view import StepView


def stars_for(safe: int, unsafe: int) -> int:
    """Stars for the older bands: 3 with no unsafe answer, 2 when safe ones are at least as many."""
    if unsafe == 0:
        return 3
    return 2 if unsafe <= safe else 1


class LevelScene(Scene):
    """Plays one level step by step. Back leaves the level; progress so far is already saved."""

    def __init__(self, ctx: Context, level: Level, start: int = 0) -> None:
        super().__init__(ctx)
        self.level = level
        self.background = str(level.band)
        self.index = max(0, min(start, len(level.steps) - 1))
        self.safe = 0
        self.unsafe = 0
        self.badges: list[str] = []
        self.attempt = 0
        if ctx.player is not None:
            self.attempt = ctx.store.start_level(ctx.player.id, level.id, str(level.band))
        self.view: StepView = self._make_view()
        self.finished = False

    # StepHost ----------------------------------------------------------------------------
    def t(self, text: str) -> str:
        """A string of this level in the player's language."""
        return self.ctx.i18n.level(self.level.id, text)

    def record(self, result: str) -> None:
        """Count an answer and save it in one transaction before the feedback shows."""
        if result == "safe":
            self.safe += 1
        elif result == "unsafe":
            self.unsafe += 1
        if self.ctx.player is not None:
            self.ctx.store.record_answer(
                self.ctx.player.id, self.level.id, self.attempt, self.index, result
            )

    def earn_badge(self, badge_id: str) -> None:
        """Remember a badge shown in this level."""
        if badge_id not in self.badges:
            self.badges.append(badge_id)

    def advance(self, goto: str | None = None) -> None:
        """Show the next step, the step with label `goto`, or finish the level."""
        if goto:
            target = self.level.step_index(goto)
            self.index = target if target is not None else self.index + 1
        else:
            self.index += 1
        if self.index >= len(self.level.steps):
            self.finish()
            return
        self.view = self._make_view()
        self.relayout()

    def _make_view(self) -> StepView:
        step = self.level.steps[self.index]
        return view_for(step)(step, self)

    def finish(self) -> None:
        """Save the result and show the level-complete screen."""
        from game.scenes.complete import CompleteScene

        if self.finished:
            return
        self.finished = True
        stars = None if str(self.level.band) == "under-9" else stars_for(self.safe, self.unsafe)
        badge = self.badges[-1] if self.badges else None
        if self.ctx.player is not None:
            self.ctx.store.complete_level(self.ctx.player.id, self.level.id, stars, badge)
        self.ctx.audio.play("complete")
        self.ctx.scenes.replace(CompleteScene(self.ctx, self.level, stars, badge))

    # Layout ------------------------------------------------------------------------------
    def title(self) -> str:
        return self.t(self.level.title)

    def narration(self) -> str:
        """The step on screen, read aloud as a whole (all its pages, its choices)."""
        return self.view.narration()

    def sango_width(self) -> int:
        """Sango gives way to the text as the text grows."""
        scale = self.ctx.settings.text_scale
        return 300 if scale <= 125 else (220 if scale <= 150 else 160)

    def step_area(self) -> pygame.Rect:
        area = self.content_rect()
        width = self.sango_width()
        top = area.top + GAP // 2
        return pygame.Rect(area.left + width + GAP, top, area.width - width - GAP, area.bottom - top)

    def build(self) -> list[Widget]:
        return self.view.build(self.step_area())

    def update(self, now: float) -> bool:
        return self.view.update(now)

    def deadline(self) -> float | None:
        return self.view.deadline()

    def handle_event(self, event: pygame.event.Event) -> bool:
        return self.view.handle_event(event)

    def draw_content(self, surface: pygame.Surface) -> None:
        area = self.content_rect()
        width = self.sango_width()
        self._draw_progress(surface, pygame.Rect(area.left, area.top, width, 24))
        height = min(int(width * 1.25), area.height - 40)
        sango = self.ctx.art.image("sango", self.view.mood(), (int(height * 0.8), height))
        spot = sango.get_rect(midbottom=(area.left + width // 2, area.bottom))
        surface.blit(sango, self.place(spot))
        self.view.draw(surface)

    def _draw_progress(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        total = len(self.level.steps)
        if total <= 1:
            return
        gap = 4
        dot = max(6, min(18, (rect.width - (total - 1) * gap) // total))
        theme = self.ctx.theme
        for position in range(total):
            x = rect.left + position * (dot + gap)
            spot = self.place(pygame.Rect(x, rect.top + 4, dot, dot))
            if position <= self.index:
                pygame.draw.rect(surface, theme.primary, spot, border_radius=dot // 2)
            else:
                pygame.draw.rect(surface, theme.soft_ink, spot, width=2, border_radius=dot // 2)
