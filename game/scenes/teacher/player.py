"""One player's page: their progress on every level, and what an adult can do for them."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.classroom.names import STATUS_ICONS, status_label
from game.classroom.progress import class_levels, player_summaries, progress_grid
from game.classroom.roster import move_player
from game.scenes.base import CANVAS, EDGE
from game.scenes.teacher.common import AdultScene, Entry, group_name, player_name
from game.scenes.teacher.dialogs import ConfirmScene, NoticeScene, TextEntryScene
from game.store.values import NICKNAME_MAX_LENGTH
from game.ui.widgets import GAP, PADDING, Widget, draw_panel


class PlayerScene(AdultScene):
    """Progress level by level (icons and words), then Rename, Move, Certificate and Erase."""

    def __init__(self, ctx, player_id: int) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.player_id = player_id
        self.level_page = 0
        self.level_pages = 1
        self.pages_of_levels: list[list[tuple[object, object]]] = [[]]

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
        return 96

    def layout(self) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """The summary panel, the level list and the row of action buttons."""
        area = self.content_rect()
        text_width = area.width - self.picture_size() - 3 * PADDING
        summary_height = max(
            self.picture_size() + 2 * PADDING,
            self.ctx.text.block_height(self.summary_text(), "small", text_width) + 2 * 12,
        )
        summary = pygame.Rect(area.left, area.top, area.width, summary_height)
        actions_height = max(widget.rect.height for widget in self.action_row(area))
        actions = pygame.Rect(area.left, area.bottom - actions_height, area.width, actions_height)
        levels = pygame.Rect(
            area.left, summary.bottom + GAP, area.width, actions.top - GAP - summary.bottom - GAP
        )
        return summary, levels, actions

    def entries(self) -> list[Entry]:
        _ = self.ctx._
        entries = [
            Entry("rename", _("Rename"), self.rename, "text-size"),
            Entry("move", _("Move class"), self.move, "player"),
            Entry("certificate", _("Certificate"), self.certificate, "trophy"),
            Entry("erase", _("Erase"), self.erase, "cross"),
        ]
        return entries

    def action_row(self, area: pygame.Rect) -> list[Widget]:
        """The action buttons at the bottom of the area."""
        row = self.button_row(area, self.entries())
        shift = area.bottom - max(widget.rect.bottom for widget in row)
        for widget in row:
            widget.rect.y += shift
        return row

    def build(self) -> list[Widget]:
        if self.player is None:
            return []
        self.pages_of_levels = self.paginate_levels()
        self.level_pages = len(self.pages_of_levels)
        self.level_page = min(self.level_page, self.level_pages - 1)
        widgets = self.action_row(self.content_rect())
        if self.level_pages > 1:
            label = self.ctx._("More levels ({page} of {pages})").format(
                page=self.level_page + 1, pages=self.level_pages
            )
            widgets.append(
                self.bar_button("more-levels", label, self.more_levels, "next", CANVAS.width - EDGE)
            )
        return widgets

    def paginate_levels(self) -> list[list[tuple[object, object]]]:
        """The (level, cell) lines of the list, split into pages that fit."""
        player = self.player
        _summary, levels, _actions = self.layout()
        grid = self.grid()
        width = levels.width - self.ctx.text.size("small") - 12
        pages: list[list[tuple[object, object]]] = [[]]
        used = 0
        for level in grid.levels:
            cell = grid.cell(player.id, level.id)
            height = self.ctx.text.block_height(self.level_line(level, cell), "small", width) + 8
            if pages[-1] and used + height > levels.height:
                pages.append([])
                used = 0
            pages[-1].append((level, cell))
            used += height
        return pages

    def more_levels(self) -> None:
        self.level_page = (self.level_page + 1) % self.level_pages
        self.relayout()

    def draw_body(self, surface: pygame.Surface) -> None:
        player = self.player
        if player is None:
            return
        theme = self.ctx.theme
        summary, levels, _actions = self.layout()
        draw_panel(surface, self.place(summary), self.ctx)
        picture = self.picture_size()
        image = self.ctx.art.image("avatars", player.avatar, (picture, picture))
        spot = pygame.Rect(summary.left + PADDING, summary.top + PADDING, picture, picture)
        surface.blit(image, self.place(spot))
        text_left = summary.left + 2 * PADDING + picture
        self.draw_text(
            surface,
            self.summary_text(),
            pygame.Rect(text_left, summary.top + 12, summary.right - PADDING - text_left, 0),
            "small",
        )
        y = levels.top
        icon_size = self.ctx.text.size("small")
        for level, cell in self.pages_of_levels[self.level_page]:
            icon_rect = pygame.Rect(levels.left, y + 6, icon_size, icon_size)
            if cell.status == "not-started":
                pygame.draw.ellipse(surface, theme.ink, self.place(icon_rect).inflate(-6, -6), 3)
            else:
                icon = self.ctx.art.image(
                    "icons", STATUS_ICONS[cell.status], (icon_size, icon_size), tint=theme.ink
                )
                surface.blit(icon, self.place(icon_rect))
            y += 8 + self.draw_text(
                surface,
                self.level_line(level, cell),
                pygame.Rect(levels.left + icon_size + 12, y, levels.width - icon_size - 12, 0),
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


class MovePlayerScene(AdultScene):
    """Choose the class a player moves to."""

    def __init__(self, ctx, player_id: int) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.player_id = player_id

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
