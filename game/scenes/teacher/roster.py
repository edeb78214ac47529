"""A class's players: see them, add one or many, and open a player's page."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.classroom.roster import BULK_LIMIT, add_player, add_players, parse_nicknames
from game.scenes.players import avatar_name
from game.scenes.teacher.common import AdultScene, Entry, group_name, player_name
from game.scenes.teacher.dialogs import TextEntryScene
from game.store.values import NICKNAME_MAX_LENGTH
from game.ui.pages import grid
from game.ui.widgets import GAP, PADDING, Tile, Widget

PICTURE_ONLY_COUNTS = (0, 5, 10, 15, 20, 25, 30)
PICTURE_MIN = 80
"""The smallest picture tile: a target of at least 64 px with room for the check mark."""


class RosterScene(AdultScene):
    """The players of a class as picture tiles; Add buttons in the bar."""

    def __init__(self, ctx, class_id: int | None) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.class_id = class_id

    def title(self) -> str:
        return self.ctx._("Players: {group}").format(group=group_name(self.ctx, self.class_id))

    def intro(self) -> str:
        players = self.ctx.store.class_members(self.class_id)
        if not players:
            return self.ctx._("No players yet. Add one, or add several at once.")
        return self.ctx._("Choose a player to see their progress, rename, move or erase them.")

    def build(self) -> list[Widget]:
        _ = self.ctx._
        area = self.body_rect()
        players = self.ctx.store.class_members(self.class_id)
        image = 72 if self.ctx.settings.text_scale < 150 else 56
        cell_height = image + 2 * PADDING + self.ctx.text.line_height("button") + 4
        columns = 4 if self.ctx.settings.text_scale < 150 else 2
        layout = grid(area, len(players), columns, cell_height)
        self.pages = layout.pages
        self.page = min(self.page, layout.pages - 1)
        start = self.page * layout.per_page
        widgets: list[Widget] = []
        shown = players[start : start + layout.per_page]
        for cell, player in zip(layout.cells, shown, strict=False):
            name = player_name(self.ctx, player)
            widgets.append(
                Tile(
                    f"player-{player.id}",
                    cell,
                    name,
                    self._opener(player.id),
                    image=self.ctx.art.image("avatars", player.avatar, (image, image)),
                    caption=name,
                )
            )
        bar = [
            Entry("add-player", _("Add a player"), self.add_one, "player", "primary"),
            Entry("add-many", _("Add several"), self.add_many, "player"),
        ]
        if layout.pages > 1:
            label = _("{label} ({page} of {pages})").format(
                label=_("More players"), page=self.page + 1, pages=self.pages
            )
            bar.insert(0, Entry("more", label, self.next_page, "next"))
        return widgets + self.bar_buttons(bar)

    def _opener(self, player_id: int) -> Callable[[], None]:
        def open_player() -> None:
            from game.scenes.teacher.player import PlayerScene

            self.ctx.scenes.push(PlayerScene(self.ctx, player_id))

        return open_player

    def add_one(self) -> None:
        self.ctx.scenes.push(AddPlayerScene(self.ctx, self.class_id))

    def add_many(self) -> None:
        self.ctx.scenes.push(BulkAddScene(self.ctx, self.class_id))


class AddPlayerScene(AdultScene):
    """Pick a picture; a nickname is optional. Never a real name."""

    def __init__(self, ctx, class_id: int | None) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.class_id = class_id
        self.avatar: str | None = None
        self.nickname = ""

    def title(self) -> str:
        return self.ctx._("Add a player to {group}").format(
            group=group_name(self.ctx, self.class_id)
        )

    def intro(self) -> str:
        return self.ctx._("Choose a picture. A nickname is optional: please do not use real names.")

    def min_body_height(self) -> int:
        return 2 * (PICTURE_MIN + GAP) + self.bar_height()

    def action_entries(self) -> list[Entry]:
        _ = self.ctx._
        nickname_text = (
            _("Nickname: {nickname}").format(nickname=self.nickname)
            if self.nickname
            else _("Type a nickname (optional)")
        )
        entries = [Entry("nickname", nickname_text, self.type_nickname, "text-size")]
        if self.avatar is not None:  # shown once there is a picture to add
            entries.append(Entry("add", _("Add this player"), self.add, "check", "primary"))
        return entries

    def build(self) -> list[Widget]:
        _ = self.ctx._
        area = self.body_rect()
        avatars = self.ctx.art.names("avatars")
        actions = self.button_row(area, self.action_entries())
        shift = area.bottom - max(widget.rect.bottom for widget in actions)
        for widget in actions:
            widget.rect.y += shift
        top = min(widget.rect.top for widget in actions)
        pictures = pygame.Rect(area.left, area.top, area.width, top - GAP - area.top)
        columns = 8 if self.ctx.settings.text_scale < 150 else 5
        rows = -(-len(avatars) // columns)
        cell = max(PICTURE_MIN, min(140, (pictures.height - (rows - 1) * GAP) // max(1, rows)))
        layout = grid(pictures, len(avatars), columns, cell)
        self.pages = layout.pages
        self.page = min(self.page, self.pages - 1)
        start = self.page * layout.per_page
        widgets: list[Widget] = []
        for rect, avatar in zip(
            layout.cells, avatars[start : start + layout.per_page], strict=False
        ):
            size = max(32, min(rect.width, rect.height) - 2 * PADDING)
            tile = Tile(
                f"avatar-{avatar}",
                rect,
                avatar_name(self.ctx, avatar),
                self._picker(avatar),
                image=self.ctx.art.image("avatars", avatar, (size, size)),
            )
            if avatar == self.avatar:
                tile.marks = ["check"]
            widgets.append(tile)
        widgets += actions
        if self.pages > 1:
            widgets.append(self.more_button(_("More pictures")))
        return widgets

    def _picker(self, avatar: str) -> Callable[[], None]:
        def pick() -> None:
            self.avatar = avatar
            self.relayout()
            self.focus.focus("nickname")

        return pick

    def type_nickname(self) -> None:
        _ = self.ctx._

        def keep(text: str) -> None:
            self.nickname = " ".join(text.split())
            self.relayout()
            self.focus.focus("add" if self.avatar else "nickname")

        self.ctx.scenes.push(
            TextEntryScene(
                self.ctx,
                _("Nickname"),
                _("Type a nickname, not a real name, then press Enter. You can leave it empty."),
                keep,
                initial=self.nickname,
                limit=NICKNAME_MAX_LENGTH,
            )
        )

    def add(self) -> None:
        """Make the player in the class and go back to the list."""
        if self.avatar is None:
            return
        add_player(self.ctx.store, self.class_id, self.nickname or None, self.avatar)
        self.ctx.scenes.pop()


class BulkAddScene(AdultScene):
    """Add a whole class at once: a list of nicknames, or a number of picture-only players."""

    def __init__(self, ctx, class_id: int | None) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.class_id = class_id
        self.nicknames: list[str] = []
        self.picture_only = 0

    def title(self) -> str:
        return self.ctx._("Add several players to {group}").format(
            group=group_name(self.ctx, self.class_id)
        )

    def intro(self) -> str:
        _ = self.ctx._
        text = _(
            "Type nicknames separated by commas, or choose how many players with a picture only. "
            "Each player gets a different picture."
        )
        if self.nicknames:
            text += "\n" + _("Nicknames: {names}").format(names=", ".join(self.nicknames))
        return text

    def total(self) -> int:
        return min(BULK_LIMIT, len(self.nicknames) + self.picture_only)

    def entries(self) -> list[Entry]:
        _ = self.ctx._
        ngettext = self.ctx.i18n.ngettext
        total = self.total()
        entries = [
            Entry("type-nicknames", _("Type nicknames"), self.type_nicknames, "text-size"),
            Entry(
                "picture-only",
                _("Players with a picture only: {count}").format(count=self.picture_only),
                self.more_pictures,
                "player",
            ),
        ]
        if total:  # shown once there is someone to add
            entries.append(
                Entry(
                    "add",
                    ngettext("Add {count} player", "Add {count} players", total).format(
                        count=total
                    ),
                    self.add,
                    "check",
                    "primary",
                )
            )
        return entries

    def build(self) -> list[Widget]:
        return self.button_list(self.body_rect(), self.entries(), columns=1)

    def type_nicknames(self) -> None:
        _ = self.ctx._

        def keep(text: str) -> None:
            self.nicknames = parse_nicknames(text)
            self.relayout()
            self.focus.focus("add")

        self.ctx.scenes.push(
            TextEntryScene(
                self.ctx,
                _("Nicknames"),
                _("Nicknames separated by commas, for example: Star, Comet, Moon"),
                keep,
                initial=", ".join(self.nicknames),
                limit=BULK_LIMIT * (NICKNAME_MAX_LENGTH + 2),
            )
        )

    def more_pictures(self) -> None:
        """Step to the next number of picture-only players."""
        index = PICTURE_ONLY_COUNTS.index(self.picture_only)
        self.picture_only = PICTURE_ONLY_COUNTS[(index + 1) % len(PICTURE_ONLY_COUNTS)]
        self.relayout()

    def add(self) -> None:
        """Make the players and go back to the list."""
        names: list[str | None] = [*self.nicknames, *([None] * self.picture_only)]
        add_players(
            self.ctx.store, self.class_id, names[:BULK_LIMIT], self.ctx.art.names("avatars")
        )
        self.ctx.scenes.pop()
