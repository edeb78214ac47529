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
    short: str | None = None
    """Fewer words to show when the text does not fit with big text (`text` is still what
    is read aloud)."""


class AdultScene(Scene):
    """A screen of the adult area: calm and plain, Back in the bar, no child Settings or Help."""

    background = None
    show_settings = False
    show_help = False

    def __init__(self, ctx) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.page = 0
        self.pages = 1

    def title(self) -> str:
        return self.ctx._("Adult area")

    def relayout(self) -> None:
        """Lay out as every scene does, then put the bottom bar's buttons in reading order:
        Back first, then any buttons a screen adds to the bar (More, Add...)."""
        super().relayout()
        bar_top = CANVAS.height - EDGE - self.bar_height()
        body = [widget for widget in self.widgets if widget.rect.top < bar_top]
        bar = [widget for widget in self.widgets if widget.rect.top >= bar_top]
        rtl = self.ctx.i18n.rtl
        bar.sort(key=lambda widget: -widget.rect.right if rtl else widget.rect.left)
        self.widgets = body + bar
        focused = self.focus.focused
        self.focus.set_items(self.widgets, focused.id if focused else None)

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

    def min_body_height(self) -> int:
        """The room the screen's own controls need below the explanation; with big text the
        explanation gives way to them (it is still read aloud by Hear again)."""
        return 2 * self.bar_height() + GAP

    def narration(self) -> str:
        return self.intro()

    def intro_rect(self) -> pygame.Rect | None:
        text = self.intro()
        if not text:
            return None
        area = self.content_rect()
        height = self.ctx.text.block_height(text, "small", area.width - 2 * PADDING)
        rect = pygame.Rect(area.left, area.top, area.width, height + 2 * INTRO_PADDING)
        if area.bottom - (rect.bottom + GAP) < self.min_body_height():
            return None
        return rect

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
        shown = [entry.text for entry in entries]
        while True:
            width = (area.width - (columns - 1) * GAP) // max(1, columns)
            height = max(
                button_height(self.ctx, text, width, icon=entry.icon is not None)
                for text, entry in zip(shown, entries, strict=True)
            )
            if height <= area.height:
                break
            if columns > 1:
                columns -= 1  # wider buttons need fewer lines
            elif shown != (shorter := [entry.short or entry.text for entry in entries]):
                shown = shorter  # then the buttons say less (and still read it all out)
            else:
                break
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
                text=text,
                icon=entry.icon,
                style=entry.style,
                align="left",
                selected=entry.selected,
            )
            for cell, entry, text in zip(
                layout.cells,
                entries[start : start + layout.per_page],
                shown[start : start + layout.per_page],
                strict=False,
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

    def tab_bar(
        self, area: pygame.Rect, tabs: Sequence[Entry], extras: Sequence[Entry] = ()
    ) -> list[Widget]:
        """Tabs (one selected) and extra buttons in one row at the top of the area. When they
        do not fit in one row, the tabs become one button that steps to the next tab."""
        entries = [*tabs, *extras]
        width = (area.width - (len(entries) - 1) * GAP) // max(1, len(entries))
        if all(
            button_width(self.ctx, entry.text, icon=entry.icon is not None) <= width
            for entry in entries
        ):
            return self.button_row(area, entries)
        current = next((index for index, tab in enumerate(tabs) if tab.selected), 0)
        following = tabs[(current + 1) % len(tabs)]
        stepper = Button(
            "next-tab",
            pygame.Rect(area.left, area.top, area.width, 0),
            self.ctx._("Showing {name}. Next: {following}").format(
                name=tabs[current].text, following=following.text
            ),
            following.action,
            text=tabs[current].text,
            icon="next",
            selected=True,
        )
        stepper.rect.height = button_height(self.ctx, stepper.text, area.width, icon=True)
        return [
            stepper,
            *(self.button_row(area.move(0, stepper.rect.height + GAP), extras) if extras else []),
        ]

    def _words_fit(self, entry: Entry, width: int) -> bool:
        room = width - 2 * PADDING - 8
        if entry.icon is not None:
            room -= self.ctx.text.size("button") + 12 + PADDING // 2
        return all(self.ctx.text.measure(word, "button")[0] <= room for word in entry.text.split())

    def more_button(self, text: str | None = None, right: int | None = None) -> Button:
        """The button that shows the next page, in the bottom bar on the trailing side."""
        _ = self.ctx._
        label = _("{label} ({page} of {pages})").format(
            label=text or _("More"), page=self.page + 1, pages=self.pages
        )
        return self.bar_buttons([Entry("more", label, self.next_page, "next")], right)[0]

    def next_page(self) -> None:
        """Show the next page, wrapping to the first."""
        self.page = (self.page + 1) % max(1, self.pages)
        self.relayout()

    def leading_bar_right(self, narrow: bool = False) -> int:
        """Where the bar's leading buttons (Back, Hear again) end; when `narrow`, with Hear
        again showing its icon only (as wide as the bar is tall)."""
        leading = [w for w in Scene.build_chrome(self) if w.id in ("back", "replay")]
        if narrow:
            x = EDGE
            for widget in leading:
                x += (widget.rect.height if widget.id == "replay" else widget.rect.width) + GAP
            return x - GAP if leading else EDGE
        return max((w.rect.right for w in leading), default=EDGE)

    def bar_buttons(self, entries: Sequence[Entry], right: int | None = None) -> list[Button]:
        """Buttons in the bottom bar, side by side, ending at x = `right` (the canvas edge by
        default). When their words do not fit beside Back, the leftmost show their icon only
        (the words stay their spoken label). They are content, placed in the bar; `relayout`
        puts them after Back in the focus order."""
        height = self.bar_height()
        end = right if right is not None else CANVAS.width - EDGE
        room = end - self.leading_bar_right() - GAP
        if self.ctx.narrator.available:
            # Hear again gives up its words (the bar does that for content in its row)
            # before these buttons give up theirs.
            room = max(room, end - self.leading_bar_right(narrow=True) - GAP)
        widths = [button_width(self.ctx, entry.text, icon=True) for entry in entries]
        worded = [True] * len(entries)
        for index in range(len(entries)):
            if sum(widths) + GAP * (len(entries) - 1) <= room:
                break
            widths[index], worded[index] = height, False
        buttons: list[Button] = []
        x = end
        for entry, width, words in reversed(list(zip(entries, widths, worded, strict=True))):
            rect = pygame.Rect(x - width, CANVAS.height - EDGE - height, width, height)
            buttons.append(
                Button(
                    entry.id,
                    rect,
                    entry.text,
                    entry.action,
                    text=entry.text if words else "",
                    icon=entry.icon,
                    style=entry.style,
                )
            )
            x = rect.left - GAP
        return list(reversed(buttons))

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
