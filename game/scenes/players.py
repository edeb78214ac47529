"""Choosing a player, and making a new one from a picture and an optional nickname."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pygame_gui

from game.scenes.base import Scene
from game.ui.gui_theme import gui_manager
from game.ui.pages import grid
from game.ui.text_entry import EditsText
from game.ui.widgets import (
    GAP,
    PADDING,
    Button,
    Tile,
    Widget,
    button_height,
    button_width,
    draw_panel,
)

NICKNAME_LIMIT = 20
MIN_PICTURE = 48
"""The smallest player picture worth showing on a card."""


def avatar_name(ctx, avatar: str) -> str:  # noqa: ANN001
    """The spoken and shown name of an avatar picture, in the player's language."""
    _ = ctx._
    names = {
        "fox": _("Fox"),
        "owl": _("Owl"),
        "cat": _("Cat"),
        "turtle": _("Turtle"),
        "panda": _("Panda"),
        "rabbit": _("Rabbit"),
        "whale": _("Whale"),
        "lion": _("Lion"),
    }
    return names.get(avatar, avatar.replace("-", " ").capitalize())


class PlayersScene(Scene):
    """Who is playing? Big picture tiles; a tile to make a new player."""

    background = "title"

    def __init__(self, ctx) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.page = 0

    def title(self) -> str:
        return self.ctx._("Who is playing?")

    def build(self) -> list[Widget]:
        _ = self.ctx._
        ctx = self.ctx
        players = ctx.store.players()
        area = self.content_rect()
        # (id, name, picture kind, picture name, tinted, action)
        cards: list[tuple[str, str, str, str, bool, Callable[[], None]]] = [
            (
                f"player-{player.id}",
                player.nickname or avatar_name(ctx, player.avatar),
                "avatars",
                player.avatar,
                False,
                self._chooser(player),
            )
            for player in players
        ]
        cards.append(("new-player", _("New player"), "icons", "player", True, self.new_player))
        cards.append(
            ("remembers", _("What Sango remembers"), "icons", "help", True, self.remembers)
        )
        text = _("More players")
        more = pygame.Rect(0, 0, button_width(self.ctx, text, icon=True), self.bar_height())
        # More players under the cards, or beside them when that shows more cards on a page.
        below = self._plan([card[1] for card in cards], area, more.height + GAP)
        column = pygame.Rect(area.left, area.top, area.width - more.width - GAP, area.height)
        beside = self._plan([card[1] for card in cards], column, 0)
        if below is not None and (beside is None or below[0] >= beside[0]):
            (per_page, columns, cell_height, image), cards_area = below, area
            more.midbottom = area.midbottom
        else:
            (per_page, columns, cell_height, image), cards_area = (
                beside or (1, 1, area.height, 0),
                column,
            )
            more.bottomright = area.bottomright
        entries: list[tuple[str, str, pygame.Surface | None, Callable[[], None]]] = [
            (
                widget_id,
                name,
                ctx.art.image(kind, picture, (image, image), tint=ctx.theme.ink if tint else None)
                if image
                else None,
                action,
            )
            for widget_id, name, kind, picture, tint, action in cards
        ]
        layout = grid(cards_area, min(len(entries), per_page), columns, cell_height)
        pages = max(1, -(-len(entries) // per_page))
        self.page = min(self.page, pages - 1)
        start = self.page * per_page
        widgets: list[Widget] = [
            Tile(widget_id, cell, name, action, image=picture, caption=name)
            for cell, (widget_id, name, picture, action) in zip(
                layout.cells, entries[start : start + per_page], strict=False
            )
        ]
        if pages > 1:
            widgets.append(
                Button("more", more, text, lambda: self._turn(pages), text=text, icon="next")
            )
        return widgets

    def _plan(
        self, names: list[str], area: pygame.Rect, more_row: int
    ) -> tuple[int, int, int, int] | None:
        """How the cards fit `area` (cards on a page, columns, card height, picture size),
        with a row `more_row` high kept under them when they take more than a page; None when
        not even one fits. Fewer, wider cards as the words grow; the pictures give way to the
        longest name, and go when even a small one would not fit beside it."""
        text = self.ctx.text
        scale = self.ctx.settings.text_scale
        best: tuple[int, int, int, int] | None = None
        for columns in range(4 if scale <= 125 else (3 if scale <= 150 else 2), 0, -1):
            words = (area.width - (columns - 1) * GAP) // columns - 2 * PADDING
            longest = max(text.block_height(name, "button", words) for name in names)
            least = longest + 2 * PADDING
            room = area.height
            while True:
                image = min(110, room - least - PADDING // 2)
                if image < MIN_PICTURE:
                    image = 0
                cell = least + (image + PADDING // 2 if image else 0)
                rows = (room + GAP) // (cell + GAP)
                if rows * columns >= len(names) or room < area.height or not more_row:
                    break
                room -= more_row  # more than a page: keep the More row free
            if rows >= 1 and (best is None or rows * columns > best[0]):
                best = (rows * columns, columns, cell, image)
        return best

    def _turn(self, pages: int) -> None:
        self.page = (self.page + 1) % pages
        self.relayout()

    def _chooser(self, player) -> Callable[[], None]:  # noqa: ANN001
        def choose() -> None:
            from game.scenes.map import BandScene

            self.ctx.select_player(player)
            self.ctx.scenes.push(BandScene(self.ctx))

        return choose

    def new_player(self) -> None:
        """Make a new player."""
        self.ctx.scenes.push(NewPlayerScene(self.ctx))

    def remembers(self) -> None:
        """Tell the child, in simple words, what the game keeps about them."""
        from game.scenes.teacher.remember import RememberScene

        self.ctx.scenes.push(RememberScene(self.ctx))


class NewPlayerScene(EditsText, Scene):
    """Pick a picture; a nickname is optional. No real names are asked for."""

    background = "title"

    def __init__(self, ctx) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.avatar: str | None = None
        self.gui = gui_manager(ctx)
        self.entry: pygame_gui.elements.UITextEntryLine | None = None
        self.editing = False
        self.typed = ""
        self._swallow: int | None = None
        self.page = 0
        self.naming = False
        """In two-step mode: the picture is chosen and the nickname screen shows."""
        self._hint: tuple[str, pygame.Rect] | None = None

    def title(self) -> str:
        return self.ctx._("Make your player")

    def two_steps(self) -> bool:
        """With big text, the picture and the nickname get a screen each, so both stay big."""
        return self.ctx.settings.text_scale >= 150

    def build(self) -> list[Widget]:
        area = self.content_rect()
        if self.two_steps():
            if self.naming:
                # Below "Change picture", but never lower than the row's own height allows.
                top = min(area.top + 170 + GAP, area.bottom - self._name_row_height(area) + GAP)
                return self._build_name_row(area, max(area.top, top), with_change=True)
            self._remove_entry()
            return self._build_pictures(area)
        lower = self._name_row_height(area)
        widgets = self._build_pictures(
            pygame.Rect(area.left, area.top, area.width, area.height - lower)
        )
        return widgets + self._build_name_row(area, area.bottom - lower, with_change=False)

    def _name_row_height(self, area: pygame.Rect) -> int:
        hint_height = self.ctx.text.block_height(self._hint_text(), "small", area.width)
        return hint_height + GAP // 2 + self._entry_height() + GAP

    def _hint_text(self) -> str:
        return self.ctx._("A nickname is optional. Never use your real name.")

    def _entry_height(self) -> int:
        done = self.ctx._("Done")
        entry = self.ctx.text.line_height("body") + 28
        return max(
            entry, button_height(self.ctx, done, button_width(self.ctx, done, icon=True), icon=True)
        )

    def _build_pictures(self, picture_area: pygame.Rect) -> list[Widget]:
        _ = self.ctx._
        avatars = self.ctx.art.names("avatars")
        columns = 8 if len(avatars) > 12 else (6 if len(avatars) > 4 else max(1, len(avatars)))
        rows = -(-len(avatars) // columns)
        cell_height = max(120, min(170, (picture_area.height - (rows - 1) * GAP) // max(1, rows)))
        layout = grid(picture_area, len(avatars), columns, cell_height)
        if layout.pages > 1:
            # Room for a "More pictures" tile: one cell fewer per page.
            layout = grid(picture_area, len(avatars) + layout.pages, columns, cell_height)
            per_page = layout.per_page - 1
        else:
            per_page = layout.per_page
        pages = -(-len(avatars) // per_page)
        self.page %= pages
        shown = avatars[self.page * per_page : (self.page + 1) * per_page]
        widgets: list[Widget] = []
        for cell, avatar in zip(layout.cells, shown, strict=False):
            size = min(cell.width, cell.height) - 2 * PADDING
            tile = Tile(
                f"avatar-{avatar}",
                cell,
                avatar_name(self.ctx, avatar),
                self._picker(avatar),
                image=self.ctx.art.image("avatars", avatar, (size, size)),
            )
            if avatar == self.avatar:
                tile.marks = ["check"]
            widgets.append(tile)
        if pages > 1:
            cell = layout.cells[len(shown)]
            size = min(cell.width, cell.height) - 2 * PADDING
            more = _("More pictures")
            fits = self.ctx.text.measure(more, "button")[0] <= cell.width - 2 * PADDING
            icon = self.ctx.art.image(
                "icons", "next", (size // 2, size // 2), tint=self.ctx.theme.ink
            )
            widgets.append(
                Tile("more", cell, more, self._turn_page, image=icon, caption=more if fits else "")
            )
        return widgets

    def _build_name_row(self, area: pygame.Rect, top: int, with_change: bool) -> list[Widget]:
        _ = self.ctx._
        hint = self._hint_text()
        hint_height = self.ctx.text.block_height(hint, "small", area.width)
        height = self._entry_height()
        done_text = _("Done")
        done_width = button_width(self.ctx, done_text, icon=True)
        y = top + hint_height + GAP // 2
        entry_rect = pygame.Rect(area.left, y, area.width - done_width - GAP, height)
        self._hint = (hint, pygame.Rect(area.left, top, area.width, hint_height))
        self._make_entry(entry_rect)
        widgets: list[Widget] = []
        if with_change:
            change = _("Change picture")
            width = button_width(self.ctx, change, icon=True)
            widgets.append(
                Button(
                    "change-picture",
                    pygame.Rect(
                        area.right - width,
                        area.top,
                        width,
                        button_height(self.ctx, change, width, True),
                    ),
                    change,
                    self._change_picture,
                    text=change,
                    icon="back",
                )
            )
        widgets.append(Widget("nickname", entry_rect, _("Nickname"), self.start_editing))
        done = Button(
            "done",
            pygame.Rect(area.right - done_width, y, done_width, height),
            done_text,
            self.done,
            text=done_text,
            icon="check",
            style="primary",
        )
        done.enabled = self.avatar is not None
        widgets.append(done)
        return widgets

    def _change_picture(self) -> None:
        self.naming = False
        self.relayout()

    def _remove_entry(self) -> None:
        if self.entry is not None:
            self.typed = self.entry.get_text()
            self.entry.kill()
            self.entry = None
        self._hint = None

    def _make_entry(self, rect: pygame.Rect) -> None:
        if self.entry is not None:
            self.typed = self.entry.get_text()
            self.entry.kill()
        self.gui = gui_manager(self.ctx)
        self.entry = pygame_gui.elements.UITextEntryLine(
            self.place(rect),
            manager=self.gui,
            initial_text=self.typed or None,
            placeholder_text=self.ctx._("Nickname"),
        )
        self.entry.set_text_length_limit(NICKNAME_LIMIT)
        self.gui.update(0.0)
        if self.editing:
            self.entry.focus()

    def _turn_page(self) -> None:
        self.page += 1
        self.relayout()
        self.focus.first()

    def _picker(self, avatar: str) -> Callable[[], None]:
        def pick() -> None:
            self.avatar = avatar
            self.naming = self.two_steps()
            self.relayout()
            self.focus.focus("done")

        return pick

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.swallowed(event):
            return True
        if not self.editing:
            return False
        if event.type == pygame.KEYDOWN and event.key in (
            pygame.K_RETURN,
            pygame.K_KP_ENTER,
            pygame.K_TAB,
            pygame.K_ESCAPE,
        ):
            self.stop_editing()
            self._swallow = event.key
            self.focus.focus("done" if self.avatar else "nickname")
            return True
        return self.type_into_entry(event)

    def done(self) -> None:
        """Create the player and go on to choosing an age band."""
        from game.scenes.map import BandScene

        if self.avatar is None:
            return
        nickname = (self.entry.get_text() if self.entry else self.typed).strip() or None
        player = self.ctx.store.create_player(nickname, self.avatar)
        self.ctx.select_player(player)
        self.ctx.scenes.replace(BandScene(self.ctx))

    def draw_content(self, surface: pygame.Surface) -> None:
        if self.two_steps() and self.naming and self.avatar:
            area = self.content_rect()
            picture = self.ctx.art.image("avatars", self.avatar, (160, 160))
            surface.blit(picture, self.place(pygame.Rect(area.left, area.top, 160, 160)))
        if self._hint is None:
            return
        hint, rect = self._hint
        panel = rect.inflate(2 * PADDING, PADDING)  # clear of the rounded corners
        draw_panel(surface, self.place(panel), self.ctx)
        align = "right" if self.ctx.i18n.rtl else "left"
        rendered = self.ctx.text.render(hint, "small", self.ctx.theme.ink, rect.width, align)
        surface.blit(rendered, self.place(rect))

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        self.gui.draw_ui(surface)
