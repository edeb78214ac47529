"""One player's page: their progress on every level, and what an adult can do for them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pygame

from game.classroom.names import STATUS_ICONS, status_label
from game.classroom.progress import class_levels, player_summaries, progress_grid
from game.classroom.roster import move_player
from game.scenes.teacher.common import AdultScene, Entry, group_name, player_name
from game.scenes.teacher.dialogs import ConfirmScene, NoticeScene, TextEntryScene
from game.store.values import NICKNAME_MAX_LENGTH
from game.ui.widgets import GAP, PADDING, Widget, draw_panel

SUMMARY = "summary"
"""The first item of a player's page: the picture beside the totals (or their first line)."""
TEXT = "text"
"""A line of the totals (choices, badges) drawn without the picture."""
LEVEL = "level"
"""A line of a level's progress."""
ACTIONS = "actions"
"""Where the actions button goes in the list (big text)."""
LINE_GAP = 8
"""Space above each new paragraph of the list."""


@dataclass(frozen=True)
class Item:
    """What the list shows in one place: the summary panel, or one wrapped line of text."""

    kind: str
    text: str
    first: bool = True
    """The first line of its paragraph (a level's icon goes beside it)."""
    level: Any = None
    cell: Any = None
    height: int = 0
    """The height of the actions button (ACTIONS only)."""


class PlayerScene(AdultScene):
    """Progress level by level (icons and words), then Rename, Move, Certificate and Erase."""

    def __init__(self, ctx, player_id: int) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.player_id = player_id
        self.level_page = 0
        self.level_pages = 1
        self.pages_of_items: list[list[Item]] = [[]]

    @classmethod
    def audit_examples(cls, ctx) -> list[PlayerScene]:  # noqa: ANN001
        """A page for an example player (made if there is none), for `sango audit`."""
        return [cls(ctx, example_player(ctx).id)]

    @property
    def player(self):  # noqa: ANN201
        return self.ctx.store.player(self.player_id)

    @property
    def class_id(self) -> int | None:
        return self.ctx.store.class_of(self.player_id)

    def title(self) -> str:
        player = self.player
        return player_name(self.ctx, player) if player is not None else self.ctx._("Player")

    def grid(self):  # noqa: ANN201
        player = self.player
        levels = class_levels(self.ctx.store, self.ctx.catalogue, self.class_id)
        return progress_grid(self.ctx.store, levels, [player] if player else [])

    def summary_text(self) -> str:
        _ = self.ctx._
        grid = self.grid()
        if not grid.players:
            return ""
        [summary] = player_summaries(grid)
        badges = []
        for badge_id in summary.badges:
            badge = self.ctx.catalogue.badge(badge_id)
            badges.append(self.ctx.i18n.badge(badge.name) if badge is not None else badge_id)
        lines = [
            _("{group}. Levels done: {done} of {levels}. Started: {started}.").format(
                group=group_name(self.ctx, self.class_id),
                done=summary.done,
                levels=summary.levels,
                started=summary.started,
            ),
            _("Safe choices: {safe}. Unsafe choices: {unsafe}.").format(
                safe=summary.safe, unsafe=summary.unsafe
            ),
            _("Badges: {badges}").format(badges=", ".join(badges) if badges else _("none yet")),
        ]
        return "\n".join(lines)

    def picture_size(self) -> int:
        return 96 if self.ctx.settings.text_scale < 150 else 64

    def summary_height(self, text: str, width: int) -> int:
        """The panel with the picture and the first line of the summary."""
        text_width = width - self.picture_size() - 3 * PADDING
        return max(
            self.picture_size() + 2 * PADDING,
            self.ctx.text.block_height(text, "small", text_width) + 2 * 12,
        )

    def list_rect(self) -> pygame.Rect:
        """Where the summary and the levels go: above the action buttons, or (big text, when
        the actions are one button) the whole area, the button taking its turn in the list."""
        area = self.content_rect()
        row = self.action_row(area)
        if self.actions_in_list(row):
            return area
        top = min(widget.rect.top for widget in row)
        return pygame.Rect(area.left, area.top, area.width, top - GAP - area.top)

    def entries(self) -> list[Entry]:
        _ = self.ctx._
        return [
            Entry("rename", _("Rename"), self.rename, "text-size"),
            Entry("move", _("Move class"), self.move, "player"),
            Entry("certificate", _("Certificate"), self.certificate, "trophy"),
            Entry("erase", _("Erase"), self.erase, "cross"),
        ]

    def action_row(self, area: pygame.Rect) -> list[Widget]:
        """The action buttons at the bottom of the area; with big text, one button that opens
        them on a screen of their own."""
        row = self.button_row(area, self.entries())
        if len({widget.rect.top for widget in row}) > 1:
            _ = self.ctx._
            row = self.button_row(
                area,
                [Entry("actions", _("Rename, move, certificate, erase"), self.actions, "next")],
            )
        shift = area.bottom - max(widget.rect.bottom for widget in row)
        for widget in row:
            widget.rect.y += shift
        return row

    @staticmethod
    def actions_in_list(row: list[Widget]) -> bool:
        """Whether the actions are one button that goes in the list after the summary (big
        text), rather than a row of their own under it."""
        return len(row) == 1 and row[0].id == "actions"

    def build(self) -> list[Widget]:
        if self.player is None:
            return []
        area = self.content_rect()
        row = self.action_row(area)
        self.pages_of_items = self.paginate()
        self.level_pages = len(self.pages_of_items)
        self.level_page = min(self.level_page, self.level_pages - 1)
        widgets: list[Widget] = []
        if self.actions_in_list(row):
            for item, y in self.placed(self.pages_of_items[self.level_page]):
                if item.kind == ACTIONS:
                    row[0].rect.top = y
                    widgets.append(row[0])
        else:
            widgets = row
        if self.level_pages > 1:
            label = self.ctx._("More levels ({page} of {pages})").format(
                page=self.level_page + 1, pages=self.level_pages
            )
            widgets += self.bar_buttons([Entry("more-levels", label, self.more_levels, "next")])
        return widgets

    @property
    def pages_of_levels(self) -> list[list[tuple[object, object]]]:
        """The (level, cell) lines that start on each page."""
        return [
            [(item.level, item.cell) for item in page if item.kind == LEVEL and item.first]
            for page in self.pages_of_items
        ]

    def item_height(self, item: Item, page_top: bool) -> int:
        """The room an item takes in the list, with the gap above it unless it starts a page."""
        if item.kind == SUMMARY:
            return self.summary_height(item.text, self.list_rect().width) + GAP
        if item.kind == ACTIONS:
            return (0 if page_top else GAP // 2) + item.height + GAP
        gap = LINE_GAP if item.first and not page_top else 0
        return gap + self.ctx.text.line_height("small")

    def placed(self, page: list[Item]) -> list[tuple[Item, int]]:
        """Each item of a page with the y where it starts (after its gap)."""
        y = self.list_rect().top
        out: list[tuple[Item, int]] = []
        for index, item in enumerate(page):
            height = self.item_height(item, index == 0)
            gap = 0
            if index and item.kind == ACTIONS:
                gap = GAP // 2
            elif index and item.first and item.kind != SUMMARY:
                gap = LINE_GAP
            out.append((item, y + gap))
            y += height
        return out

    def paginate(self) -> list[list[Item]]:
        """The summary, then the levels' lines, split into pages that fit. The summary is a
        panel with the picture while that takes at most half the room; with bigger text the
        picture goes beside its first line only, or, when even that does not fit, away. A long
        paragraph goes on over a page break; with big text the actions button comes right
        after the first line of totals."""
        player = self.player
        area = self.list_rect()
        grid = self.grid()
        text = self.ctx.text
        width = area.width - text.size("small") - 12
        summary = self.summary_text()
        first, *rest = summary.split("\n")
        items: list[Item] = []
        if self.summary_height(summary, area.width) <= area.height // 2:
            items.append(Item(SUMMARY, summary))
            rest = []
        elif self.summary_height(first, area.width) <= area.height // 2:
            items.append(Item(SUMMARY, first))
        else:
            rest = [first, *rest]
        for paragraph in rest:
            for number, part in enumerate(text.wrap(paragraph, "small", area.width)):
                items.append(Item(TEXT, part, number == 0))
        row = self.action_row(self.content_rect())
        if self.actions_in_list(row):
            # After the first line of totals, so the actions are on the first page.
            after = next(
                (index for index, item in enumerate(items) if index and item.first), len(items)
            )
            items.insert(after, Item(ACTIONS, row[0].label, height=row[0].rect.height))
        for level in grid.levels:
            cell = grid.cell(player.id, level.id)
            for number, part in enumerate(text.wrap(self.level_line(level, cell), "small", width)):
                items.append(Item(LEVEL, part, number == 0, level, cell))
        pages: list[list[Item]] = [[]]
        used = 0
        for item in items:
            height = self.item_height(item, not pages[-1])
            if pages[-1] and used + height > area.height:
                pages.append([])
                height = self.item_height(item, True)
                used = 0
            pages[-1].append(item)
            used += height
        return pages

    def actions(self) -> None:
        """What an adult can do for this player, on a screen of its own (big text)."""
        self.ctx.scenes.push(PlayerActionsScene(self.ctx, self))

    def more_levels(self) -> None:
        self.level_page = (self.level_page + 1) % self.level_pages
        self.relayout()

    def draw_body(self, surface: pygame.Surface) -> None:
        player = self.player
        if player is None:
            return
        area = self.list_rect()
        icon_size = self.ctx.text.size("small")
        for item, y in self.placed(self.pages_of_items[self.level_page]):
            if item.kind == SUMMARY:
                height = self.summary_height(item.text, area.width)
                summary = pygame.Rect(area.left, y, area.width, height)
                self._draw_summary(surface, player, summary, item.text)
            elif item.kind == TEXT:
                self.draw_text(
                    surface, item.text, pygame.Rect(area.left, y, area.width, 0), "small"
                )
            elif item.kind == LEVEL:
                if item.first:
                    self._draw_status(surface, item.cell.status, (area.left, y + 6), icon_size)
                spot = pygame.Rect(area.left + icon_size + 12, y, area.width - icon_size - 12, 0)
                self.draw_text(surface, item.text, spot, "small")

    def _draw_status(
        self, surface: pygame.Surface, status: str, at: tuple[int, int], size: int
    ) -> None:
        """A level's state as an icon (an empty ring when not started)."""
        theme = self.ctx.theme
        spot = self.place(pygame.Rect(*at, size, size))
        if status == "not-started":
            pygame.draw.ellipse(surface, theme.ink, spot.inflate(-6, -6), 3)
            return
        icon = self.ctx.art.image("icons", STATUS_ICONS[status], (size, size), tint=theme.ink)
        surface.blit(icon, spot)

    def _draw_summary(
        self,
        surface: pygame.Surface,
        player,  # noqa: ANN001
        rect: pygame.Rect,
        text: str,
    ) -> None:
        draw_panel(surface, self.place(rect), self.ctx)
        picture = self.picture_size()
        image = self.ctx.art.image("avatars", player.avatar, (picture, picture))
        spot = pygame.Rect(rect.left + PADDING, rect.top + PADDING, picture, picture)
        surface.blit(image, self.place(spot))
        text_left = rect.left + 2 * PADDING + picture
        self.draw_text(
            surface,
            text,
            pygame.Rect(text_left, rect.top + 12, rect.right - PADDING - text_left, 0),
            "small",
        )

    def level_line(self, level, cell) -> str:  # noqa: ANN001
        """One level's line: its title, its state in words, and the choices made."""
        _ = self.ctx._
        title = self.ctx.i18n.level(level.id, level.title)
        line = _("{title}: {status}.").format(title=title, status=status_label(_, cell.status))
        if cell.status != "not-started":
            line += " " + _("{safe} safe, {unsafe} unsafe choices.").format(
                safe=cell.safe, unsafe=cell.unsafe
            )
        if cell.stars:
            line += " " + self.ctx.i18n.ngettext(
                "{count} star.", "{count} stars.", cell.stars
            ).format(count=cell.stars)
        return line

    # Actions ------------------------------------------------------------------------------
    def rename(self) -> None:
        _ = self.ctx._
        player = self.player
        if player is None:
            return

        def rename_to(text: str) -> None:
            self.ctx.store.rename_player(self.player_id, text or None)
            self.relayout()

        self.ctx.scenes.push(
            TextEntryScene(
                self.ctx,
                _("Rename"),
                _(
                    "Type a nickname, not a real name, then press Enter. Leave it empty to use "
                    "the picture's name."
                ),
                rename_to,
                initial=player.nickname or "",
                limit=NICKNAME_MAX_LENGTH,
            )
        )

    def move(self) -> None:
        self.ctx.scenes.push(MovePlayerScene(self.ctx, self.player_id))

    def certificate(self) -> None:
        from game.scenes.teacher.reports import print_certificates

        player = self.player
        if player is not None:
            print_certificates(self.ctx, [player])

    def erase(self) -> None:
        _ = self.ctx._
        player = self.player
        if player is None:
            return

        def erase_player() -> None:
            if self.ctx.player is not None and self.ctx.player.id == self.player_id:
                self.ctx.select_player(None)
            self.ctx.store.delete_player(self.player_id)
            self.ctx.scenes.pop()
            self.ctx.scenes.push(
                NoticeScene(
                    self.ctx,
                    _("Player erased"),
                    _("{name} and everything Sango remembered about them are erased.").format(
                        name=player_name(self.ctx, player)
                    ),
                )
            )

        self.ctx.scenes.push(
            ConfirmScene(
                self.ctx,
                _("Erase {name}?").format(name=player_name(self.ctx, player)),
                _(
                    "This erases the player, their progress, answers, badges and settings from "
                    "this computer. It cannot be undone."
                ),
                _("Yes, erase"),
                erase_player,
            )
        )


class PlayerActionsScene(AdultScene):
    """Rename, move, certificate and erase as a list, when big text leaves no room for them
    beside the player's progress."""

    def __init__(self, ctx, player_scene: PlayerScene) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.player_scene = player_scene

    @classmethod
    def audit_examples(cls, ctx) -> list[PlayerActionsScene]:  # noqa: ANN001
        return [cls(ctx, PlayerScene(ctx, example_player(ctx).id))]

    def title(self) -> str:
        return self.player_scene.title()

    def build(self) -> list[Widget]:
        return self.button_list(self.body_rect(), self._entries(), columns=1)

    def _entries(self) -> list[Entry]:
        return [
            Entry(entry.id, entry.text, self._then(entry.action), entry.icon)
            for entry in self.player_scene.entries()
        ]

    def _then(self, action: Callable[[], None] | None) -> Callable[[], None]:
        def act() -> None:
            self.ctx.scenes.pop()
            if action is not None:
                action()

        return act


class MovePlayerScene(AdultScene):
    """Choose the class a player moves to."""

    def __init__(self, ctx, player_id: int) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.player_id = player_id

    @classmethod
    def audit_examples(cls, ctx) -> list[MovePlayerScene]:  # noqa: ANN001
        return [cls(ctx, example_player(ctx).id)]

    def title(self) -> str:
        player = self.ctx.store.player(self.player_id)
        name = player_name(self.ctx, player) if player else ""
        return self.ctx._("Move {name} to").format(name=name)

    def entries(self) -> list[Entry]:
        current = self.ctx.store.class_of(self.player_id)
        entries = [
            Entry(
                f"to-class-{school_class.id}",
                school_class.name,
                self._mover(school_class.id),
                "player",
                selected=school_class.id == current,
            )
            for school_class in self.ctx.store.classes()
        ]
        entries.append(
            Entry(
                "to-class-none",
                group_name(self.ctx, None),
                self._mover(None),
                "player",
                selected=current is None,
            )
        )
        return entries

    def build(self) -> list[Widget]:
        return self.button_list(self.body_rect(), self.entries(), columns=2)

    def _mover(self, class_id: int | None) -> Callable[[], None]:
        def move() -> None:
            move_player(self.ctx.store, self.player_id, class_id)
            self.ctx.scenes.pop()

        return move


def example_player(ctx):  # noqa: ANN001, ANN201
    """A player to show example screens with: the current one, the first, or a new one."""
    if ctx.player is not None:
        return ctx.player
    players = ctx.store.players()
    return players[0] if players else ctx.store.create_player("Star", "owl")
