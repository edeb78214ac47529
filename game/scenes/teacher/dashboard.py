"""A class's progress: the player x level grid, and a bar chart per topic.

States are shown with an icon and a word, never by colour alone; choices with the safe and
unsafe icons and a number.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.classroom.names import STATUS_ICONS, status_label, topic_label
from game.classroom.progress import ProgressGrid, class_grid, topic_summaries
from game.scenes.teacher.common import AdultScene, Entry, group_name, player_name
from game.ui.widgets import GAP, PADDING, Button, Widget, draw_panel

CELL_GAP = 8
ROW_GAP = 16
"""Between rows of players: their name buttons need 16 px between them."""


class ProgressGridScene(AdultScene):
    """Players down the side, levels across the top; pages of each when they do not fit."""

    def __init__(self, ctx, class_id: int | None) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.class_id = class_id
        self.player_page = 0
        self.level_page = 0
        self.rows = 1
        self.columns = 1

    def title(self) -> str:
        return self.ctx._("Progress: {group}").format(group=group_name(self.ctx, self.class_id))

    def grid(self) -> ProgressGrid:
        return class_grid(self.ctx.store, self.ctx.catalogue, self.class_id)

    # Geometry ---------------------------------------------------------------------------------
    def compact(self) -> bool:
        """With big text: no legend (each cell says its state in words) and one-line level
        titles, so at least two rows of players fit."""
        area = self.content_rect()
        full = (
            area.height
            - self.line()
            - 10
            - GAP // 2
            - (2 * self.line() + 6)
            - CELL_GAP
            - (2 * self.row_height() + ROW_GAP)
        )
        return full < 0

    def legend_height(self) -> int:
        return 0 if self.compact() else self.line() + 10

    def name_width(self) -> int:
        return round(240 * min(1.5, self.ctx.settings.text_scale / 100))

    def column_width(self) -> int:
        return round(230 * self.ctx.settings.text_scale / 100)

    def line(self) -> int:
        """One line of cell text: the font's own line, so two fit in a compact row."""
        return self.ctx.text.font("small").get_linesize()

    def header_row_height(self) -> int:
        return (1 if self.compact() else 2) * self.line() + 6

    def row_height(self) -> int:
        return max(72, 2 * self.line() + 14)

    def table_rect(self) -> pygame.Rect:
        area = self.content_rect()
        top = area.top + (self.legend_height() + GAP // 2 if self.legend_height() else 0)
        return pygame.Rect(area.left, top, area.width, area.bottom - top)

    def build(self) -> list[Widget]:
        grid = self.grid()
        table = self.table_rect()
        self.columns = max(1, (table.width - self.name_width()) // (self.column_width() + CELL_GAP))
        body = table.height - self.header_row_height() - CELL_GAP
        self.rows = max(1, (body + ROW_GAP) // (self.row_height() + ROW_GAP))
        self.player_pages = max(1, -(-len(grid.players) // self.rows))
        self.level_pages = max(1, -(-len(grid.levels) // self.columns))
        self.player_page = min(self.player_page, self.player_pages - 1)
        self.level_page = min(self.level_page, self.level_pages - 1)
        widgets: list[Widget] = []
        y = table.top + self.header_row_height() + CELL_GAP
        for player in self.shown_players(grid):
            name = player_name(self.ctx, player)
            done = sum(
                grid.cell(player.id, level.id).status == "completed" for level in grid.levels
            )
            label = self.ctx._("{name}: {done} of {levels} levels done").format(
                name=name, done=done, levels=len(grid.levels)
            )
            widgets.append(
                Button(
                    f"player-{player.id}",
                    pygame.Rect(table.left, y, self.name_width(), self.row_height()),
                    label,
                    self._opener(player.id),
                    text=name,
                    align="left",
                )
            )
            y += self.row_height() + ROW_GAP
        _ = self.ctx._
        bar: list[Entry] = [Entry("report", _("Print a report"), self.report, "trophy")]
        if self.player_pages > 1:
            bar.append(Entry("more-players", _("More players"), self.more_players, "player"))
        if self.level_pages > 1:
            bar.append(Entry("more-levels", _("More levels"), self.more_levels, "next"))
        return widgets + self.bar_buttons(bar)

    def report(self) -> None:
        """The class report, from the dashboard."""
        from game.scenes.teacher.reports import ReportScene

        self.ctx.scenes.push(ReportScene(self.ctx, self.class_id))

    def shown_players(self, grid: ProgressGrid):  # noqa: ANN201
        start = self.player_page * self.rows
        return grid.players[start : start + self.rows]

    def shown_levels(self, grid: ProgressGrid):  # noqa: ANN201
        start = self.level_page * self.columns
        return grid.levels[start : start + self.columns]

    def more_players(self) -> None:
        self.player_page = (self.player_page + 1) % self.player_pages
        self.relayout()

    def more_levels(self) -> None:
        self.level_page = (self.level_page + 1) % self.level_pages
        self.relayout()

    def _opener(self, player_id: int) -> Callable[[], None]:
        def open_player() -> None:
            from game.scenes.teacher.player import PlayerScene

            self.ctx.scenes.push(PlayerScene(self.ctx, player_id))

        return open_player

    # Drawing ----------------------------------------------------------------------------------
    def draw_body(self, surface: pygame.Surface) -> None:
        _ = self.ctx._
        grid = self.grid()
        if not self.compact():
            self._draw_legend(surface)
        table = self.table_rect()
        if not grid.players or not grid.levels:
            message = (
                _("No players in this group yet.")
                if not grid.players
                else _("No levels are turned on for this group.")
            )
            self.draw_text(surface, message, table.inflate(0, 0))
            return
        x = table.left + self.name_width() + CELL_GAP
        header = self.header_row_height()
        for level in self.shown_levels(grid):
            rect = pygame.Rect(x, table.top, self.column_width(), header)
            title = self.ctx.i18n.level(level.id, level.title)
            self._draw_clipped(surface, title, rect, "small")
            x += self.column_width() + CELL_GAP
        y = table.top + header + CELL_GAP
        for player in self.shown_players(grid):
            x = table.left + self.name_width() + CELL_GAP
            for level in self.shown_levels(grid):
                rect = pygame.Rect(x, y, self.column_width(), self.row_height())
                self._draw_cell(surface, rect, grid.cell(player.id, level.id))
                x += self.column_width() + CELL_GAP
            y += self.row_height() + ROW_GAP

    def _draw_legend(self, surface: pygame.Surface) -> None:
        _ = self.ctx._
        area = self.content_rect()
        theme = self.ctx.theme
        size = self.ctx.text.size("small")
        items = [
            ("check", status_label(_, "completed")),
            ("play", status_label(_, "in-progress")),
            (None, status_label(_, "not-started")),
            ("safe", _("safe choices")),
            ("unsafe", _("unsafe choices")),
        ]
        x = area.left
        for icon, word in items:
            rendered = self.ctx.text.render(word, "small", theme.ink)
            if x + size + 6 + rendered.get_width() > area.right:
                break
            self._icon(surface, icon, pygame.Rect(x, area.top + 4, size, size))
            surface.blit(
                rendered,
                self.place(
                    pygame.Rect(x + size + 6, area.top, rendered.get_width(), rendered.get_height())
                ),
            )
            x += size + 6 + rendered.get_width() + 28
        self._draw_page_status(surface)

    def _draw_page_status(self, surface: pygame.Surface) -> None:
        """Which players and levels the page shows, under the grid when there is room."""
        grid = self.grid()
        if self.player_pages == 1 and self.level_pages == 1:
            return
        first_player = self.player_page * self.rows + 1
        first_level = self.level_page * self.columns + 1
        text = self.ctx._(
            "Players {first} to {last} of {players}. Levels {first_level} to {last_level} of "
            "{levels}."
        ).format(
            first=first_player,
            last=min(len(grid.players), first_player + self.rows - 1),
            players=len(grid.players),
            first_level=first_level,
            last_level=min(len(grid.levels), first_level + self.columns - 1),
            levels=len(grid.levels),
        )
        table = self.table_rect()
        shown = len(self.shown_players(grid))
        top = (
            table.top + self.header_row_height() + CELL_GAP + shown * (self.row_height() + ROW_GAP)
        )
        height = self.ctx.text.block_height(text, "small", table.width)
        if top + height <= table.bottom:
            self.draw_text(
                surface,
                text,
                pygame.Rect(table.left, top, table.width, height),
                "small",
                self.ctx.theme.soft_ink,
            )

    def _icon(self, surface: pygame.Surface, icon: str | None, rect: pygame.Rect) -> None:
        theme = self.ctx.theme
        spot = self.place(rect)
        if icon is None:  # not started: an empty ring
            pygame.draw.ellipse(surface, theme.ink, spot.inflate(-6, -6), width=3)
            return
        surface.blit(self.ctx.art.image("icons", icon, rect.size, tint=theme.ink), spot)

    def _draw_cell(self, surface: pygame.Surface, rect: pygame.Rect, cell) -> None:  # noqa: ANN001
        _ = self.ctx._
        theme = self.ctx.theme
        pygame.draw.rect(surface, theme.panel, self.place(rect), border_radius=10)
        pygame.draw.rect(surface, theme.panel_edge, self.place(rect), width=2, border_radius=10)
        size = self.ctx.text.size("small")
        line = self.line()
        inner = rect.inflate(-2 * 10, -2 * 6)
        icon = None if cell.status == "not-started" else STATUS_ICONS[cell.status]
        self._icon(surface, icon, pygame.Rect(inner.left, inner.top + 4, size, size))
        word = self.ctx.text.render(status_label(_, cell.status), "small", theme.ink)
        surface.blit(
            word,
            self.place(
                pygame.Rect(inner.left + size + 8, inner.top, word.get_width(), word.get_height())
            ),
        )
        if cell.status == "not-started":
            return
        x = inner.left
        y = inner.top + line
        if self.compact():  # no legend on screen: the numbers say what they count
            words = _("{safe} safe, {unsafe} unsafe").format(safe=cell.safe, unsafe=cell.unsafe)
            rendered = self.ctx.text.render(words, "small", theme.ink)
            spot = pygame.Rect(x, y, rendered.get_width(), rendered.get_height())
            surface.blit(rendered, self.place(spot))
            return
        for icon_name, count in (("safe", cell.safe), ("unsafe", cell.unsafe)):
            self._icon(surface, icon_name, pygame.Rect(x, y + 4, size, size))
            number = self.ctx.text.render(str(count), "small", theme.ink)
            surface.blit(
                number,
                self.place(pygame.Rect(x + size + 6, y, number.get_width(), number.get_height())),
            )
            x += size + 6 + number.get_width() + 24

    def _draw_clipped(
        self, surface: pygame.Surface, text: str, rect: pygame.Rect, role: str
    ) -> None:
        """Text wrapped to the rectangle; lines that do not fit end with an ellipsis (the
        player's page and the lesson list show the whole title)."""
        lines = self.ctx.text.wrap(text, role, rect.width)
        fit = max(1, rect.height // self.line())
        if len(lines) > fit:
            lines = lines[:fit]
            lines[-1] = lines[-1].rstrip(" .,") + "…"
            while self.ctx.text.measure(lines[-1], role)[0] > rect.width and len(lines[-1]) > 2:
                lines[-1] = lines[-1][:-2] + "…"
        y = rect.top
        for line in lines:
            self.draw_text(surface, line, pygame.Rect(rect.left, y, rect.width, 0), role)
            y += self.line()


class TopicOverviewScene(AdultScene):
    """For each topic: how many of its levels the class has done, and how many of their choices
    were safe. Bars with words and numbers."""

    def __init__(self, ctx, class_id: int | None) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.class_id = class_id
        self.per_page = 1
        self.topic_pages: list[list] = [[]]
        self._summaries: list | None = None

    def title(self) -> str:
        return self.ctx._("Topics: {group}").format(group=group_name(self.ctx, self.class_id))

    def intro(self) -> str:
        return self.ctx._(
            "For each topic: the levels done by the class, and the share of safe choices."
        )

    def label_width(self) -> int:
        return round(300 * min(1.5, self.ctx.settings.text_scale / 100))

    def min_body_height(self) -> int:
        # The explanation gives way when two topics (the tallest) would not fit below it: it
        # would cost a page for every topic.
        tallest = sorted((self.row_height(summary) for summary in self.summaries()), reverse=True)
        return sum(tallest[:2]) + GAP * (len(tallest[:2]) - 1)

    def bar_line(self) -> int:
        return self.ctx.text.line_height("small") + 8

    def row_height(self, summary) -> int:  # noqa: ANN001
        """A topic's panel. Its name over its level count beside two bars with their words;
        with bigger text the name (and count) across the top, then each bar with its words
        beside it, or under it when they do not fit beside."""
        _ = self.ctx._
        form = self.form()
        if form == "beside":
            name = self.ctx.text.block_height(
                topic_label(_, summary.topic), "button", self.label_width() - PADDING
            )
            return max(2 * self.bar_line(), name + self.ctx.text.line_height("small")) + 16
        width = self.content_rect().width - 2 * PADDING
        name = self.ctx.text.block_height(self.stacked_label(summary), "button", width)
        if form == "across":
            return name + 2 * self.bar_line() + 24
        words = sum(
            self.ctx.text.block_height(text, "small", width) for text in self._bar_texts(summary)
        )
        return name + 2 * self.stacked_bar() + words + 24

    def stacked_bar(self) -> int:
        """A bar's height in the big-text layout, where its words are under it."""
        return 44

    def stacked_label(self, summary) -> str:  # noqa: ANN001
        """The topic and its level count on one line, for the big-text layouts."""
        _ = self.ctx._
        count = self.ctx.i18n.ngettext("{count} level", "{count} levels", summary.levels)
        return _("{topic} ({levels})").format(
            topic=topic_label(_, summary.topic), levels=count.format(count=summary.levels)
        )

    def words_width(self) -> int:
        """The widest of the bars' words, so every bar on the screen has the same length."""
        return max(
            (
                self.ctx.text.measure(text, "small")[0]
                for summary in self.summaries()
                for text in self._bar_texts(summary)
            ),
            default=0,
        )

    def bars_width(self) -> int:
        return self.content_rect().width - self.label_width() - GAP - PADDING

    def form(self) -> str:
        """How a topic's panel is laid out: "beside" (the name in a column beside the bars),
        "across" (the name across the top, the words beside the bars) or "stacked" (each bar's
        words under it), whichever is the first whose bars are at least 160 px long."""
        size = self.ctx.text.size("small")
        words = self.words_width()
        if self.bars_width() - size - 12 - words - 16 >= 160:
            return "beside"
        if self.content_rect().width - 2 * PADDING - size - 12 - words - 16 >= 160:
            return "across"
        return "stacked"

    def summaries(self):  # noqa: ANN201
        """The topics' summaries, worked out once per layout (the measuring asks often)."""
        if self._summaries is None:
            self._summaries = topic_summaries(
                class_grid(self.ctx.store, self.ctx.catalogue, self.class_id)
            )
        return self._summaries

    def relayout(self) -> None:
        self._summaries = None
        super().relayout()

    def paginate(self) -> list[list]:
        """The topics split into pages that fit."""
        area = self.body_rect()
        pages: list[list] = [[]]
        used = 0
        for summary in self.summaries():
            height = self.row_height(summary) + GAP
            if pages[-1] and used + height > area.height + GAP:
                pages.append([])
                used = 0
            pages[-1].append(summary)
            used += height
        return pages

    def build(self) -> list[Widget]:
        self.topic_pages = self.paginate()
        self.pages = len(self.topic_pages)
        self.page = min(self.page, self.pages - 1)
        self.per_page = max(len(page) for page in self.topic_pages)
        if self.pages > 1:
            return [self.more_button(self.ctx._("More topics"))]
        return []

    def draw_body(self, surface: pygame.Surface) -> None:
        _ = self.ctx._
        theme = self.ctx.theme
        area = self.body_rect()
        shown = self.topic_pages[self.page] if self.topic_pages else []
        if not shown:
            self.draw_text(surface, _("No levels are turned on for this group."), area)
            return
        label_width = self.label_width()
        line = self.bar_line()
        texts = [self._bar_texts(summary) for summary in shown]
        form = self.form()
        words = self.words_width()
        y = area.top
        for summary, (done_text, safe_text) in zip(shown, texts, strict=True):
            row = pygame.Rect(area.left, y, area.width, self.row_height(summary))
            draw_panel(surface, self.place(row), self.ctx)
            if form != "beside":
                self._draw_stacked(surface, row, summary, done_text, safe_text, form, words)
                y += row.height + GAP
                continue
            name_height = self.draw_text(
                surface,
                topic_label(_, summary.topic),
                pygame.Rect(row.left + PADDING, row.top + 8, label_width - PADDING, 0),
                "button",
            )
            count = self.ctx.i18n.ngettext(
                "{count} level", "{count} levels", summary.levels
            ).format(count=summary.levels)
            self.draw_text(
                surface,
                count,
                pygame.Rect(
                    row.left + PADDING, row.top + 8 + name_height, label_width - PADDING, 0
                ),
                "small",
                theme.soft_ink,
            )
            bars_left = row.left + label_width + GAP
            bars = pygame.Rect(bars_left, row.top + 8, row.right - PADDING - bars_left, line)
            self._draw_bar(
                surface, bars, "check", summary.done_share, done_text, theme.primary, words
            )
            self._draw_bar(
                surface,
                bars.move(0, line),
                "safe",
                summary.safe_share,
                safe_text,
                theme.safe,
                words,
            )
            y += row.height + GAP

    def _draw_stacked(
        self,
        surface: pygame.Surface,
        row: pygame.Rect,
        summary,  # noqa: ANN001
        done_text: str,
        safe_text: str,
        form: str,
        words_width: int,
    ) -> None:
        """Bigger text: the topic across the top, then each bar with its words beside it
        ("across") or under it ("stacked")."""
        theme = self.ctx.theme
        inner = row.inflate(-2 * PADDING, -16)
        y = inner.top
        y += self.draw_text(
            surface,
            self.stacked_label(summary),
            pygame.Rect(inner.left, y, inner.width, 0),
            "button",
        )
        for icon, share, text, colour in (
            ("check", summary.done_share, done_text, theme.primary),
            ("safe", summary.safe_share, safe_text, theme.safe),
        ):
            if form == "across":
                bar = pygame.Rect(inner.left, y, inner.width, self.bar_line())
                self._draw_bar(surface, bar, icon, share, text, colour, words_width)
                y = bar.bottom
                continue
            bar = pygame.Rect(inner.left, y, inner.width, self.stacked_bar())
            self._draw_bar(surface, bar, icon, share, "", colour, 0)
            y = bar.bottom
            y += self.draw_text(surface, text, pygame.Rect(inner.left, y, inner.width, 0), "small")

    def _bar_texts(self, summary) -> tuple[str, str]:  # noqa: ANN001
        """The two bars of a topic in words."""
        _ = self.ctx._
        done = _("Done: {done} of {possible} ({percent}%)").format(
            done=summary.done, possible=summary.possible, percent=round(100 * summary.done_share)
        )
        choices = summary.safe + summary.unsafe
        safe = (
            _("Safe choices: {safe} of {choices} ({percent}%)").format(
                safe=summary.safe, choices=choices, percent=round(100 * summary.safe_share)
            )
            if choices
            else _("No choices made yet")
        )
        return done, safe

    def _draw_bar(
        self,
        surface: pygame.Surface,
        rect: pygame.Rect,
        icon: str,
        share: float,
        text: str,
        colour: tuple[int, int, int],
        words_width: int,
    ) -> None:
        """An icon, a bar filled to `share`, and the same fact in words beside it."""
        theme = self.ctx.theme
        size = self.ctx.text.size("small")
        words = self.ctx.text.render(text, "small", theme.ink) if text else None
        if words is None:  # the words are drawn elsewhere (big text): the bar takes the row
            bar_width = rect.width - size - 8
        else:
            bar_width = max(60, rect.width - size - 12 - words_width - 16)
        bar = pygame.Rect(rect.left + size + 8, rect.top + 6, bar_width, rect.height - 16)
        surface.blit(
            self.ctx.art.image("icons", icon, (size, size), tint=theme.ink),
            self.place(pygame.Rect(rect.left, bar.centery - size // 2, size, size)),
        )
        pygame.draw.rect(surface, theme.background, self.place(bar), border_radius=6)
        filled = bar.copy()
        filled.width = round(bar.width * max(0.0, min(1.0, share)))
        if filled.width:
            pygame.draw.rect(surface, colour, self.place(filled), border_radius=6)
        pygame.draw.rect(surface, theme.ink, self.place(bar), width=2, border_radius=6)
        if words is not None:
            spot = pygame.Rect(bar.right + 12, rect.top, words.get_width(), words.get_height())
            surface.blit(words, self.place(spot))
