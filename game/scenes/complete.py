"""Level complete: the badge, stars for the older bands, and who to tell."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scenes.base import Scene
from game.ui.widgets import (
    GAP,
    PADDING,
    Button,
    Widget,
    button_height,
    button_width,
    draw_panel,
    icon_button_width,
)

if TYPE_CHECKING:
    from game.content.models import Level
    from game.context import Context


MEDAL = 150
"""The size of the badge medal at the top of the screen."""


class CompleteScene(Scene):
    """Celebrates without pressure: no streaks, no countdowns. Replay or back to the map."""

    def __init__(self, ctx: Context, level: Level, stars: int | None, badge: str | None) -> None:
        super().__init__(ctx)
        self.level = level
        self.stars = stars
        self.badge = badge
        self.background = str(level.band)

    def title(self) -> str:
        return self.ctx._("Well done!")

    def message(self) -> str:
        _ = self.ctx._
        parts = [
            _("You finished “{title}”.").format(
                title=self.ctx.i18n.level(self.level.id, self.level.title)
            )
        ]
        if self.stars is not None:
            parts.append(
                self.ctx.i18n.ngettext(
                    "You earned {count} star.", "You earned {count} stars.", self.stars
                ).format(count=self.stars)
            )
        parts.append(_("Remember: you can always talk to a grown-up you trust."))
        return " ".join(parts)

    def _column(self) -> pygame.Rect:
        area = self.content_rect()
        if self.big_text():
            return area
        return pygame.Rect(area.left + 260, area.top, area.width - 260, area.height)

    def big_text(self) -> bool:
        """With big text Sango steps aside and the words get the whole width."""
        return self.ctx.settings.text_scale >= 150

    def build(self) -> list[Widget]:
        _ = self.ctx._
        column = self._column()
        entries = [
            ("map", _("Back to the map"), "home", self.to_map, "primary"),
            ("again", _("Play again"), "try-again", self.again, "normal"),
        ]
        if self.band_complete():
            entries.insert(
                0, ("certificate", _("See your certificate"), "star", self.certificate, "primary")
            )
            entries[1] = ("map", _("Back to the map"), "home", self.to_map, "normal")
        widgets: list[Widget] = []
        x, y = column.left, 0
        for widget_id, text, icon, action, style in entries:
            width = min(column.width, button_width(self.ctx, text, icon=True))
            height = button_height(self.ctx, text, width, icon=True)
            if x + width > column.right:
                x = column.left
                y += height + GAP
            widgets.append(
                Button(
                    widget_id,
                    pygame.Rect(x, y, width, height),
                    text,
                    action,
                    text=text,
                    icon=icon,
                    style=style,
                )
            )
            x += width + GAP
        buttons_height = max(widget.rect.bottom for widget in widgets)
        room = column.height - buttons_height - GAP
        # Big text: first the medal row gives way, then the message keeps only what matters most.
        text_width = column.width - 2 * PADDING
        self.shown_message, self.medal_row = self.short_message(), 0
        for medal_row in (MEDAL + GAP, 0):
            fitted = next(
                (
                    message
                    for message in (self.message(), self.short_message())
                    if medal_row
                    + self.ctx.text.block_height(message, "body", text_width)
                    + 2 * PADDING
                    <= room
                ),
                None,
            )
            if fitted is not None:
                self.shown_message, self.medal_row = fitted, medal_row
                break
        text_height = self.ctx.text.block_height(self.shown_message, "body", text_width)
        self.panel = pygame.Rect(
            column.left, column.top + self.medal_row, column.width, text_height + 2 * PADDING
        )
        if self.panel.bottom + GAP + buttons_height > column.bottom and self._into_bar(widgets):
            return widgets
        for widget in widgets:
            widget.rect.move_ip(0, self.panel.bottom + GAP)
        return widgets

    def _into_bar(self, widgets: list[Widget]) -> bool:
        """Big text with no room under the message: the buttons go into the bottom bar's row,
        the last ones showing their icon only if need be (their words are still spoken)."""
        buttons = [widget for widget in widgets if isinstance(widget, Button)]
        for plain in range(len(buttons)):
            for button in buttons[len(buttons) - plain :]:
                button.text, button.rect.width = "", icon_button_width(self.ctx)
            slot = self.bar_room(sum(b.rect.width + GAP for b in buttons) - GAP)
            if slot is not None:
                x = slot.right - sum(b.rect.width + GAP for b in buttons) + GAP
                for button in buttons:
                    button.rect = pygame.Rect(x, slot.top, button.rect.width, slot.height)
                    x = button.rect.right + GAP
                return True
        return False

    def short_message(self) -> str:
        """What the screen says when big text leaves room for one sentence."""
        return self.ctx._("Remember: you can always talk to a grown-up you trust.")

    def band_complete(self) -> bool:
        """Whether this level finished the whole band for the player."""
        from game.scenes.progress import band_tally

        return self.ctx.player is not None and band_tally(self.ctx, str(self.level.band)).complete

    def certificate(self) -> None:
        """Show the band certificate (saved for printing at the same time)."""
        from game.scenes.certificate import CertificateScene

        self.ctx.scenes.push(CertificateScene(self.ctx, str(self.level.band)))

    def to_map(self) -> None:
        """Back to the band's map."""
        from game.scenes.map import MapScene

        if not self.ctx.scenes.pop_to(MapScene):
            self.ctx.scenes.replace(MapScene(self.ctx, str(self.level.band)))

    def back(self) -> None:
        self.to_map()

    def again(self) -> None:
        """Play the same level from the start."""
        from game.scenes.level import LevelScene

        self.ctx.scenes.replace(LevelScene(self.ctx, self.level))

    def draw_content(self, surface: pygame.Surface) -> None:
        area = self.content_rect()
        theme = self.ctx.theme
        if not self.big_text():
            height = min(360, area.height)
            sango = self.ctx.art.image("sango", "proud", (int(height * 0.8), height))
            spot = sango.get_rect(midbottom=(area.left + 120, area.bottom))
            surface.blit(sango, self.place(spot))
        column = self._column()
        medal_rect = pygame.Rect(column.left, column.top, MEDAL, MEDAL)
        if self.badge and self.medal_row:
            from game.steps.badge_view import draw_medal

            draw_medal(
                surface,
                self.ctx,
                self.ctx.catalogue.badge(self.badge),
                self.badge,
                self.place(medal_rect),
            )
        if self.stars is not None and self.medal_row:
            size = 64
            for position in range(3):
                name = "star" if position < self.stars else "star-empty"
                icon = self.ctx.art.image("icons", name, (size, size), tint=theme.ink)
                spot = pygame.Rect(
                    medal_rect.right + GAP + position * (size + 8),
                    medal_rect.centery - size // 2,
                    size,
                    size,
                )
                surface.blit(icon, self.place(spot))
        draw_panel(surface, self.place(self.panel), self.ctx)
        align = "right" if self.ctx.i18n.rtl else "left"
        rendered = self.ctx.text.render(
            self.shown_message, "body", theme.ink, self.panel.width - 2 * PADDING, align
        )
        surface.blit(
            rendered,
            self.place(
                pygame.Rect(
                    self.panel.left + PADDING,
                    self.panel.top + PADDING,
                    rendered.get_width(),
                    rendered.get_height(),
                )
            ),
        )
