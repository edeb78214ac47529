"""The view of the `badge` step: a medal, the badge's name and what it means."""

from __future__ import annotations

import pygame

from game.steps.badge import BadgeStep
from game.steps.view import Bubble, StepView, next_button
from game.ui.widgets import GAP, PADDING, Widget, button_height


class BadgeView(StepView):
    """A badge earned: a coloured medal with a white picture, its name and what it means."""

    step: BadgeStep

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
        self.medal_size = max(
            80,
            min(
                200,
                area.height
                - button_h
                - GAP * 3
                - self.ctx.text.block_height(f"{name}\n{text}", "body", area.width - 2 * PADDING),
            ),
        )
        self.bubble = Bubble(self.ctx, text, self.ctx._("New badge: {name}").format(name=name))
        top = area.top + self.medal_size + GAP
        rect = self.bubble.layout(
            pygame.Rect(area.left, top, area.width, area.height), area.bottom - top - button_h - GAP
        )
        self.area = area
        self.ctx.audio.play("badge")
        return [next_button(self.ctx, area, rect.bottom, self.host.advance)]

    def draw(self, surface: pygame.Surface) -> None:
        draw_medal(
            surface,
            self.ctx,
            self.badge(),
            self.step.badge,
            self.host.place(
                pygame.Rect(self.area.left, self.area.top, self.area.width, self.medal_size)
            ),
        )
        self.bubble.draw(surface, self.host.place)

    def narration(self) -> str:
        return f"{self.bubble.speaker}. {self.bubble.text}"


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
