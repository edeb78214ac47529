"""The title screen: Sango waves hello; Play, and Quit (reachable by every input mode)."""

from __future__ import annotations

import pygame

from game.scenes.base import CANVAS, EDGE, Scene
from game.ui.widgets import GAP, Button, Widget, button_height


class TitleScene(Scene):
    """The first screen."""

    background = "title"
    can_go_back = False

    def _layout_column(self) -> pygame.Rect:
        return pygame.Rect(
            CANVAS.width // 2 - 40, 0, CANVAS.width // 2 + 40 - EDGE - 40, CANVAS.height
        )

    def build(self) -> list[Widget]:
        _ = self.ctx._
        column = self._layout_column()
        width = column.width
        y = (
            120
            + self.ctx.text.line_height("title")
            + self.ctx.text.block_height(_("Stay safe online, and have fun!"), "body", width)
            + 2 * GAP
        )
        buttons = (
            ("play", _("Play"), "play", self.play, "primary"),
            ("adults", _("Adults"), "lock", self.adults, "normal"),
            ("quit", _("Quit"), "quit", self.ctx.quit, "normal"),
        )
        heights = [button_height(self.ctx, text, width, icon=True) for _id, text, *_ in buttons]
        # Big text: the buttons move up over the greeting rather than off the screen.
        room_bottom = CANVAS.height - EDGE - self.bar_height() - GAP
        y = max(EDGE, min(y, room_bottom - sum(heights) - GAP * (len(buttons) - 1)))
        self._buttons_top = y
        widgets: list[Widget] = []
        for (widget_id, text, icon, action, style), height in zip(buttons, heights, strict=True):
            widgets.append(
                Button(
                    widget_id,
                    pygame.Rect(column.left, y, width, height),
                    text,
                    action,
                    text=text,
                    icon=icon,
                    style=style,
                )
            )
            y += height + GAP
        return widgets

    def play(self) -> None:
        """Go on to choosing (or making) a player."""
        from game.scenes.players import NewPlayerScene, PlayersScene

        if self.ctx.store.players():
            self.ctx.scenes.push(PlayersScene(self.ctx))
        else:
            self.ctx.scenes.push(NewPlayerScene(self.ctx))

    def adults(self) -> None:
        """The adult area, behind its PIN."""
        from game.scenes.teacher import open_adult_area

        open_adult_area(self.ctx)

    def back(self) -> None:
        """Back on the title screen does nothing: Quit is a button of its own."""

    def draw_content(self, surface: pygame.Surface) -> None:
        _ = self.ctx._
        theme = self.ctx.theme
        sango_height = min(520, CANVAS.height - 2 * EDGE - self.bar_height())
        sango = self.ctx.art.image("sango", "waving", (int(sango_height * 0.8), sango_height))
        surface.blit(
            sango,
            self.place(sango.get_rect(midbottom=(CANVAS.width // 4 + 20, CANVAS.height - 40))),
        )
        column = self._layout_column()
        name = self.ctx.text.render("Sango", "title", theme.ink)
        subtitle = self.ctx.text.render(
            _("Stay safe online, and have fun!"), "body", theme.ink, column.width
        )
        room = getattr(self, "_buttons_top", CANVAS.height) - GAP - 90
        if name.get_height() + subtitle.get_height() + 50 > room:
            subtitle = pygame.Surface((0, 0))  # big text: the buttons need the room
            if name.get_height() + 40 > room:
                return
        panel = pygame.Rect(
            column.left - 20, 90, column.width + 40, name.get_height() + subtitle.get_height() + 50
        )
        from game.ui.widgets import draw_panel

        draw_panel(surface, self.place(panel), self.ctx)
        x = column.left if not self.ctx.i18n.rtl else CANVAS.width - column.right
        surface.blit(
            name,
            (x if not self.ctx.i18n.rtl else CANVAS.width - column.left - name.get_width(), 110),
        )
        surface.blit(subtitle, (x, 110 + name.get_height() + 10))
