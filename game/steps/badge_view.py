"""The view of the `badge` step: a medal, the badge's name and what it means."""

from __future__ import annotations

import pygame

from game.steps.badge import BadgeStep
from game.steps.view import MIN_LINES, Bubble, StepView, in_spot, next_button
from game.ui.widgets import GAP, Widget, button_height, button_width


class BadgeView(StepView):
    """A badge earned: a coloured medal with a white picture, its name and what it means."""

    step: BadgeStep

    announced = False
    """Whether the badge sound has played (once, not on every relayout)."""

    def mood(self) -> str:
        return "proud"

    def badge(self):  # noqa: ANN201
        return self.ctx.catalogue.badge(self.step.badge)

    def build(self, area: pygame.Rect) -> list[Widget]:
        self.host.earn_badge(self.step.badge)
        label = self.ctx._("Next")
        button_h = button_height(self.ctx, label, area.width, icon=True)
        badge = self.badge()
        name = self.ctx.i18n.badge(badge.name) if badge else self.step.badge
        text = self.ctx.i18n.badge(badge.description) if badge else ""
        page = self.bubble.page if hasattr(self, "bubble") else 0
        # The medal stands beside the words, so big text never pushes Next off the screen;
        # when even so Next would leave the words too little room, it moves into the bar's row.
        spot: pygame.Rect | None = None
        for room in (area.height - button_h - GAP, area.height):
            self.medal_size = max(0, min(220, room, area.width // 3))
            words = pygame.Rect(
                area.left + self.medal_size + GAP,
                area.top,
                area.width - self.medal_size - GAP,
                area.height,
            )
            self.bubble = Bubble(self.ctx, text, self.ctx._("New badge: {name}").format(name=name))
            rect = self.bubble.layout(words, room)
            if rect.height > room:
                # Too big for a heading: the badge's name joins the words, which can page.
                self.bubble = Bubble(self.ctx, f"{self.bubble.speaker}\n{text}")
                rect = self.bubble.layout(words, room)
            squeezed = rect.height > room or (
                len(self.bubble.pages) > 1 and len(self.bubble.pages[0]) < MIN_LINES
            )
            if spot is not None or not squeezed:
                break
            spot = self.host.bar_room(button_width(self.ctx, label, icon=True))
            if spot is None:
                break
        if page:
            self.bubble.page = min(page, len(self.bubble.pages) - 1)
            rect = self.bubble.layout(words, room)
        block = max(rect.height, self.medal_size) + (GAP + button_h if spot is None else 0)
        offset = max(0, (area.height - block) // 2)
        rect.top += offset + max(0, (self.medal_size - rect.height) // 2)
        self.medal_rect = pygame.Rect(
            area.left, area.top + offset, self.medal_size, self.medal_size
        )
        if not self.announced:
            self.announced = True
            self.ctx.audio.play("badge")
        button = next_button(self.ctx, area, max(rect.bottom, self.medal_rect.bottom), self.next)
        return [button if spot is None else in_spot(button, spot)]

    def next(self) -> None:
        """Show the rest of the words, or go on."""
        if self.bubble.has_more:
            self.bubble.page += 1
            self.host.relayout()
        else:
            self.host.advance()

    def draw(self, surface: pygame.Surface) -> None:
        if self.medal_size >= 48:
            draw_medal(
                surface, self.ctx, self.badge(), self.step.badge, self.host.place(self.medal_rect)
            )
        self.bubble.draw(surface, self.host.place)

    def narration(self) -> str:
        if self.bubble.speaker:
            return f"{self.bubble.speaker}. {self.bubble.text}"
        return self.bubble.text


def draw_medal(surface: pygame.Surface, ctx, badge, badge_id: str, rect: pygame.Rect) -> None:  # noqa: ANN001
    """A medal centred in `rect`: ribbon, coloured disc, white glyph."""
    size = min(rect.width, rect.height)
    centre = rect.center
    colour = _hex_colour(badge.colour) if badge else ctx.theme.primary
    radius = size // 2 - 6
    ribbon = [
        (centre[0] - radius // 2, centre[1]),
        (centre[0] - radius, rect.bottom),
        (centre[0] - radius // 3, rect.bottom - radius // 3),
        (centre[0], rect.bottom),
        (centre[0] + radius // 3, rect.bottom - radius // 3),
        (centre[0] + radius, rect.bottom),
        (centre[0] + radius // 2, centre[1]),
    ]
    pygame.draw.polygon(surface, (214, 80, 80), ribbon)
    pygame.draw.circle(surface, (255, 214, 90), centre, radius)
    pygame.draw.circle(surface, colour, centre, int(radius * 0.84))
    glyph_size = int(radius * 1.1)
    icon = badge.icon if badge else "star"
    glyph = ctx.art.image("badges", icon, (glyph_size, glyph_size))
    surface.blit(glyph, glyph.get_rect(center=centre))


def _hex_colour(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))
