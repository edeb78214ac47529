"""The view of the `say` step: a speech bubble, paged when long, and Next."""

from __future__ import annotations

import pygame

from game.steps.say import SayStep
from game.steps.view import Bubble, StepHost, StepView, next_button
from game.ui.widgets import GAP, Button, Widget, button_height, button_width

MIN_LINES = 2
"""The fewest lines a page of a bubble shows before its button moves into the bottom bar."""


def button_spot(
    host: StepHost, area: pygame.Rect, bubble: Bubble, label: str, room: int | None = None
) -> pygame.Rect:
    """Lay out `bubble` at the top of `area` (at most `room` px tall) and find where the button
    labelled `label` goes: under the bubble at the trailing side, as a rule.

    When a button under the bubble would leave it too little room (big text, a tall script),
    the button moves into the bottom bar's row, between Back and Settings, and the bubble takes
    the whole height. Returned laid out left to right.
    """
    ctx = host.ctx
    room = area.height if room is None else room
    width = min(area.width, button_width(ctx, label, icon=True))
    height = button_height(ctx, label, width, icon=True)
    above = room - height - GAP
    rect = bubble.layout(area, above)
    squeezed = rect.height > above or (len(bubble.pages) > 1 and len(bubble.pages[0]) < MIN_LINES)
    slot = host.bar_room(width) if squeezed else None
    if slot is None:
        return pygame.Rect(area.right - width, rect.bottom + GAP, width, height)
    bubble.layout(area, room)
    height = max(height, slot.height)
    return pygame.Rect(slot.right - width, slot.bottom - height, width, height)


def in_spot(button: Button, spot: pygame.Rect) -> Button:
    """The button moved to `spot` (from `button_spot`), keeping its own width at the spot's
    trailing side."""
    width = min(button.rect.width, spot.width)
    button.rect = pygame.Rect(spot.right - width, spot.top, width, spot.height)
    return button


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
