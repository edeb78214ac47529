"""Get help: reachable from every screen. A trusted adult first, and a real helpline if one
is set."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.scenes.base import CANVAS, EDGE, Scene
from game.ui.widgets import GAP, Button, Widget, button_width, draw_panel

ICON = 96
"""The size of the help picture beside the words."""


class HelpScene(Scene):
    """An overlay that tells the child where help is. It never invents a number."""

    transparent = True
    can_go_back = False
    show_help = False
    show_settings = False
    show_replay = False
    """Its own "Hear again" sits in the panel: the bottom bar's would lie over the panel."""

    def big_text(self) -> bool:
        """With big text the panel takes nearly the whole screen and the picture steps aside."""
        return self.ctx.settings.text_scale >= 150

    def panel_rect(self) -> pygame.Rect:
        if self.big_text():
            return CANVAS.inflate(-2 * EDGE, -2 * EDGE)
        return pygame.Rect(EDGE * 3, EDGE * 2, CANVAS.width - EDGE * 6, CANVAS.height - EDGE * 4)

    def icon_size(self) -> int:
        return 0 if self.big_text() else ICON

    def lines(self) -> list[tuple[str, str]]:
        """The help text as (role, text) pairs, in reading order."""
        _ = self.ctx._
        lines = [
            ("heading", _("You can always get help")),
            ("body", _("Talk to a grown-up you trust: a parent, a teacher or a carer.")),
            ("body", _("You will not be in trouble for telling.")),
            (
                "body",
                _(
                    "If something online makes you feel scared, sad or worried, it is never your fault."  # noqa: E501
                ),
            ),
        ]
        country = self.ctx.settings.helpline_country
        helplines = self.ctx.catalogue.helplines_for(country) if country else []
        if helplines:
            for line in helplines:
                text = _("You can call {name}: {number}").format(
                    name=self.ctx.i18n.helpline(line.name), number=line.number
                )
                if line.note:
                    text += f" ({self.ctx.i18n.helpline(line.note)})"
                lines.append(("body", text))
        else:
            lines.append(
                (
                    "small",
                    _("A grown-up can choose your country in Settings to show a helpline here."),
                )
            )
        return lines

    def __init__(self, ctx) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.page = 0
        self.pages: list[list[tuple[str, str]]] = []

    def text_area(self) -> pygame.Rect:
        panel = self.panel_rect()
        left = panel.left + EDGE + (self.icon_size() + EDGE if self.icon_size() else 0)
        bottom = panel.bottom - EDGE - self.bar_height() - GAP
        return pygame.Rect(
            left, panel.top + EDGE, panel.right - EDGE - left, bottom - panel.top - EDGE
        )

    def paginate(self) -> list[list[tuple[str, str]]]:
        """Split the help text into pages that fit the panel at the current text size."""
        area = self.text_area()
        pages: list[list[tuple[str, str]]] = [[]]
        used = 0
        for role, text in self.lines():
            height = self.ctx.text.block_height(text, role, area.width) + GAP // 2
            if pages[-1] and used + height > area.height:
                pages.append([])
                used = 0
            pages[-1].append((role, text))
            used += height
        return pages

    def build(self) -> list[Widget]:
        _ = self.ctx._
        self.pages = self.paginate()
        self.page = min(self.page, len(self.pages) - 1)
        panel = self.panel_rect()
        # (id, words, icon, action, style) in reading order: Hear again on the leading side,
        # then More and Close on the trailing side.
        entries: list[tuple[str, str, str, Callable[[], None], str]] = []
        if self.ctx.narrator.available:
            entries.append(("replay", _("Hear again"), "replay", self.replay, "normal"))
        if len(self.pages) > 1:
            entries.append(("more", _("More"), "next", self.next_page, "normal"))
        entries.append(("close", _("Close"), "cross", self.close, "primary"))
        height = self.bar_height()
        y = panel.bottom - EDGE - height
        buttons = [
            Button(
                widget_id,
                pygame.Rect(0, y, button_width(self.ctx, text, icon=True), height),
                text,
                action,
                text=text,
                icon=icon,
                style=style,
            )
            for widget_id, text, icon, action, style in entries
        ]
        # When the words do not all fit in the row, Hear again and then More show their icon
        # only (their words are still spoken); Close keeps its words.
        room = panel.width - 2 * EDGE
        for button in buttons[:-1]:
            if sum(b.rect.width for b in buttons) + GAP * (len(buttons) - 1) <= room:
                break
            button.text = ""
            button.rect.width = button.rect.height
        x = panel.right - EDGE
        for button in reversed(buttons):
            if button.id == "replay":
                button.rect.left = panel.left + EDGE
            else:
                button.rect.right = x
                x = button.rect.left - GAP
        return list(buttons)

    def next_page(self) -> None:
        """Show the next page of help, wrapping to the first."""
        self.page = (self.page + 1) % len(self.pages)
        self.dirty = True

    def close(self) -> None:
        self.ctx.scenes.pop()

    def back(self) -> None:
        self.close()

    def draw_content(self, surface: pygame.Surface) -> None:
        panel = self.panel_rect()
        draw_panel(surface, panel, self.ctx)
        theme = self.ctx.theme
        icon_size = self.icon_size()
        if icon_size:
            icon = self.ctx.art.image("icons", "help", (icon_size, icon_size), tint=theme.ink)
            spot = pygame.Rect(panel.left + EDGE, panel.top + EDGE, icon_size, icon_size)
            surface.blit(icon, self.place(spot))
        area = self.text_area()
        left, width, y = area.left, area.width, area.top
        align = "right" if self.ctx.i18n.rtl else "left"
        for role, text in self.pages[self.page]:
            rendered = self.ctx.text.render(text, role, theme.ink, width, align)
            surface.blit(rendered, self.place(pygame.Rect(left, y, width, rendered.get_height())))
            y += rendered.get_height() + GAP // 2
