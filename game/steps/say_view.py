"""The view of the `say` step: a speech bubble, paged when long, and Next."""

from __future__ import annotations

import pygame

from game.steps.say import SayStep
from game.steps.view import Bubble, StepHost, StepView, button_spot, in_spot, next_button
from game.ui.widgets import Widget


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
        spot = button_spot(self.host, area, self.bubble, self.ctx._("Next"))
        return [in_spot(next_button(self.ctx, area, 0, self.next), spot)]

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
