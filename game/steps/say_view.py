"""The view of the `say` step: a speech bubble, paged when long, and Next."""

from __future__ import annotations

import pygame

from game.steps.say import SayStep
from game.steps.view import Bubble, StepHost, StepView, next_button
from game.ui.widgets import GAP, Widget, button_height


class SayView(StepView):
    """A line from Sango or another character, paged if long, with Next."""

    step: SayStep

    def __init__(self, step: SayStep, host: StepHost) -> None:
        super().__init__(step, host)
        speaker = None
        if step.speaker and step.speaker.lower() != "sango":
            speaker = host.t(step.speaker)
        self.bubble = Bubble(host.ctx, host.t(step.say), speaker)
        self.bubble.tail = speaker is None

    def mood(self) -> str:
        return str(self.step.mood)

    def build(self, area: pygame.Rect) -> list[Widget]:
        label = self.ctx._("Next")
        button_h = button_height(self.ctx, label, area.width, icon=True)
        rect = self.bubble.layout(area, area.height - button_h - GAP)
        return [next_button(self.ctx, area, rect.bottom, self.next)]

    def next(self) -> None:
        """Show the next page of the line, or go on."""
        if self.bubble.has_more:
            self.bubble.page += 1
            self.host.relayout()
        else:
            self.host.advance(self.step.goto)

    def draw(self, surface: pygame.Surface) -> None:
        self.bubble.draw(surface, self.host.place)

    def narration(self) -> str:
        return self.bubble.text
