"""What the adult screens share: a plain background, an explanation at the top, lists of
buttons that page when they do not fit, and group names."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from game.scenes.base import CANVAS, EDGE, Scene
from game.ui.pages import grid
from game.ui.widgets import GAP, PADDING, Button, Widget, button_height, button_width, draw_panel

TOP_MARGIN = 16
"""Room between the title strip and the first control, for the focus ring."""
INTRO_PADDING = 10


@dataclass(frozen=True)
class Entry:
    """One button of a list: what it says, its icon, and what it does."""

    id: str
    text: str
    action: Callable[[], None] | None
    icon: str | None = None
    style: str = "normal"
    selected: bool = False


class AdultScene(Scene):
    """A screen of the adult area: calm and plain, Back in the bar, no child Settings or Help."""

    background = None
    show_settings = False
    show_help = False

    def __init__(self, ctx) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.page = 0
        self.pages = 1

    def content_rect(self) -> pygame.Rect:
        """The base area, a little below the title strip so focus rings never touch it."""
        area = super().content_rect()
        area.top += TOP_MARGIN
        area.height -= TOP_MARGIN
        return area

    # The explanation at the top ----------------------------------------------------------
    def intro(self) -> str:
        """A short explanation shown in a panel above the buttons ("" for none)."""
        return ""

    def intro_rect(self) -> pygame.Rect | None:
        text = self.intro()
        if not text:
            return None
        area = self.content_rect()
        height = self.ctx.text.block_height(text, "small", area.width - 2 * PADDING)
        return pygame.Rect(area.left, area.top, area.width, height + 2 * INTRO_PADDING)

    def body_rect(self) -> pygame.Rect:
        """The content area below the explanation."""
        area = self.content_rect()
        intro = self.intro_rect()
        if intro is None:
            return area
        top = intro.bottom + GAP
        return pygame.Rect(area.left, top, area.width, max(0, area.bottom - top))

    def draw_content(self, surface: pygame.Surface) -> None:
        intro = self.intro_rect()
        if intro is not None:
            draw_panel(surface, self.place(intro), self.ctx)
            inner = intro.inflate(-2 * PADDING, -2 * INTRO_PADDING)
            self.draw_text(surface, self.intro(), inner, "small")
        self.draw_body(surface)

    def draw_body(self, surface: pygame.Surface) -> None:
        """Extras a screen draws below its explanation."""

    def draw_text(
        self,
        surface: pygame.Surface,
        text: str,
        rect: pygame.Rect,
        role: str = "body",
        colour: tuple[int, int, int] | None = None,
    ) -> int:
        """Draw wrapped text at the top of `rect` (mirrored for right-to-left); its height."""
        align = "right" if self.ctx.i18n.rtl else "left"
        rendered = self.ctx.text.render(
            text, role, colour or self.ctx.theme.ink, max(40, rect.width), align
        )
        spot = pygame.Rect(rect.left, rect.top, rect.width, rendered.get_height())
        surface.blit(rendered, self.place(spot))
        return rendered.get_height()

    # Lists of buttons --------------------------------------------------------------------
    def button_list(
        self,
        area: pygame.Rect,
        entries: Sequence[Entry],
        columns: int = 2,
        more_text: str | None = None,
    ) -> list[Widget]:
        """Buttons for the entries in `columns` columns, a page at a time, with a More button
        when they do not all fit."""
        if not entries:
            return []
        if self.ctx.settings.text_scale >= 175:
            columns = 1
        width = (area.width - (columns - 1) * GAP) // max(1, columns)
        height = max(
            button_height(self.ctx, entry.text, width, icon=entry.icon is not None)
            for entry in entries
        )
        height = min(height, max(72, area.height))
        layout = grid(area, len(entries), columns, height)
        self.pages = layout.pages
        self.page = min(self.page, layout.pages - 1)
        start = self.page * layout.per_page
        widgets: list[Widget] = [
            Button(
                entry.id,
                cell,
                entry.text,
                entry.action,
                text=entry.text,
                icon=entry.icon,
                style=entry.style,
                align="left",
                selected=entry.selected,
            )
            for cell, entry in zip(
                layout.cells, entries[start : start + layout.per_page], strict=False
            )
        ]
        if layout.pages > 1:
            widgets.append(self.more_button(more_text))
        return widgets

    def button_row(self, area: pygame.Rect, entries: Sequence[Entry]) -> list[Widget]:
        """Buttons side by side from the top of the area (tabs, actions), as tall as the longest
        label needs; they go onto more rows when a word would not fit on a button."""
        columns = max(1, len(entries))
        while columns > 1:
            width = (area.width - (columns - 1) * GAP) // columns
            if all(self._words_fit(entry, width) for entry in entries):
                break
            columns -= 1
        width = (area.width - (columns - 1) * GAP) // columns
        height = max(
            button_height(self.ctx, entry.text, width, icon=entry.icon is not None)
            for entry in entries
        )
        return [
            Button(
                entry.id,
                pygame.Rect(
                    area.left + (index % columns) * (width + GAP),
                    area.top + (index // columns) * (height + GAP),
                    width,
                    height,
                ),
                entry.text,
                entry.action,
                text=entry.text,
                icon=entry.icon,
                style=entry.style,
                selected=entry.selected,
            )
            for index, entry in enumerate(entries)
        ]

    def _words_fit(self, entry: Entry, width: int) -> bool:
        room = width - 2 * PADDING - 8
        if entry.icon is not None:
            room -= self.ctx.text.size("button") + 12 + PADDING // 2
        return all(self.ctx.text.measure(word, "button")[0] <= room for word in entry.text.split())

    def more_button(
        self, text: str | None = None, right: int | None = None, widget_id: str = "more"
    ) -> Button:
        """The button that shows the next page, in the bottom bar on the trailing side (it is
        part of the content, so it comes before Back in the focus order)."""
        _ = self.ctx._
        label = _("{label} ({page} of {pages})").format(
            label=text or _("More"), page=self.page + 1, pages=self.pages
        )
        return self.bar_button(
            widget_id, label, self.next_page, "next", right or CANVAS.width - EDGE
        )

    def next_page(self) -> None:
        """Show the next page, wrapping to the first."""
        self.page = (self.page + 1) % max(1, self.pages)
        self.relayout()

    def bar_button(
        self,
        widget_id: str,
        text: str,
        action: Callable[[], None],
        icon: str,
        right: int,
        style: str = "normal",
    ) -> Button:
        """A button in the bottom bar, ending at x = `right`."""
        height = self.bar_height()
        width = button_width(self.ctx, text, icon=True)
        rect = pygame.Rect(right - width, CANVAS.height - EDGE - height, width, height)
        return Button(widget_id, rect, text, action, text=text, icon=icon, style=style)

    def refresh_settings(self) -> None:
        """Load the settings in force again after an adult changed stored ones."""
        self.ctx.select_player(self.ctx.player)


def group_name(ctx, class_id: int | None) -> str:  # noqa: ANN001
    """A class's name, or the words for the players without a class."""
    if class_id is None:
        return ctx._("Players without a class")
    school_class = ctx.store.school_class(class_id)
    return school_class.name if school_class is not None else ctx._("Players without a class")


def player_name(ctx, player) -> str:  # noqa: ANN001
    """What the adult area calls a player: the nickname, or the picture's name."""
    from game.scenes.players import avatar_name

    return player.nickname or avatar_name(ctx, player.avatar)
