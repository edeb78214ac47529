"""Choosing an age band, and the map of its levels with each level's state."""

from __future__ import annotations

from collections.abc import Callable
from functools import cmp_to_key

import pygame

from game.scenes.base import Scene
from game.scenes.progress import (
    Fit,
    band_tally,
    card_height,
    fit_cards,
    show_page,
    topic_medal,
)
from game.ui.pages import grid
from game.ui.widgets import GAP, PADDING, Button, Tile, Widget, button_width

BANDS = ("under-9", "9-12", "13-18")
IMAGE = 80
"""The size of the topic medal on a level card."""
PATH_CARDS = 3
"""The map keeps its path across the top while a page still shows this many cards."""
MIN_PICTURE = 60
"""The smallest band picture worth showing (its height)."""


def band_name(ctx, band: str) -> str:  # noqa: ANN001
    """How a band is shown to a child: by age."""
    _ = ctx._
    return {"under-9": _("Ages 5 to 8"), "9-12": _("Ages 9 to 12"), "13-18": _("Ages 13 to 18")}[
        band
    ]


class BandScene(Scene):
    """How old are you? Three big picture cards."""

    background = "title"

    def title(self) -> str:
        return self.ctx._("How old are you?")

    def build(self) -> list[Widget]:
        area = self.content_rect()
        layout = grid(area, len(BANDS), len(BANDS), area.height)
        widgets: list[Widget] = []
        for cell, band in zip(layout.cells, BANDS, strict=False):
            name = band_name(self.ctx, band)
            detail = ""
            if self.ctx.player is not None:
                tally = band_tally(self.ctx, band)
                detail = self.ctx._("{done} of {total} done").format(
                    done=tally.done, total=tally.total
                )
            words = cell.width - 2 * PADDING
            caption_height = self.ctx.text.block_height(name, "button", words) + 4
            if detail:  # the words under the picture: the picture gives way to them
                caption_height += self.ctx.text.block_height(detail, "small", words) + 4
            image_height = min(
                cell.height - caption_height - 3 * PADDING,
                int((cell.width - 2 * PADDING) * 9 / 16),
            )
            image = None
            if image_height >= MIN_PICTURE:  # too small to make out: big text goes without
                image = self.ctx.art.image(
                    "backgrounds", band, (int(image_height * 16 / 9), image_height)
                )
            widgets.append(
                Tile(
                    f"band-{band}",
                    cell,
                    f"{name}. {detail}",
                    self._opener(band),
                    image=image,
                    caption=name,
                    detail=detail,
                    marks=["check"] if detail and tally.complete else [],
                )
            )
        return widgets

    def _opener(self, band: str) -> Callable[[], None]:
        def open_band() -> None:
            self.ctx.scenes.push(MapScene(self.ctx, band))

        return open_band


class MapScene(Scene):
    """The levels of one band as cards: a check and stars when done, words as well as icons."""

    def __init__(self, ctx, band: str) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.band = band
        self.background = band
        self.page = 0

    def title(self) -> str:
        return band_name(self.ctx, self.band)

    def build(self) -> list[Widget]:
        _ = self.ctx._
        ctx = self.ctx
        area = self.content_rect()
        from game.classroom.controls import visible_levels

        levels = visible_levels(ctx, ctx.catalogue.by_band(self.band))
        progress = ctx.store.progress(ctx.player.id) if ctx.player else {}
        entries: list[Tile] = []
        for level in levels:
            state = progress.get(level.id)
            title = ctx.i18n.level(level.id, level.title)
            if state is not None and state.status == "completed":
                detail = _("Done")
                marks = ["check"]
                if state.stars:
                    detail = ctx.i18n.ngettext(
                        "Done, {count} star", "Done, {count} stars", state.stars
                    ).format(count=state.stars)
                    marks += ["star"] * state.stars
            elif state is not None:
                detail, marks = _("Started"), ["play"]
            else:
                detail, marks = _("New"), []
            picture = topic_medal(ctx, str(level.topics[0]), IMAGE, earned=True)
            entries.append(
                Tile(
                    f"level-{level.id}",
                    pygame.Rect(0, 0, 0, 0),
                    f"{title}. {detail}",
                    self._starter(level.id),
                    image=picture,
                    caption=title,
                    detail=detail,
                    marks=marks,
                    horizontal=True,
                )
            )
        for path, _problems in ctx.catalogue.broken_in_band(self.band):
            entries.append(
                Tile(
                    f"broken-{path.stem}",
                    pygame.Rect(0, 0, 0, 0),
                    _("This level is not ready yet"),
                    None,
                    image=ctx.art.image("sango", "concerned", (int(IMAGE * 0.8), IMAGE)),
                    caption=_("Not ready yet"),
                    detail=_("Ask a grown-up"),
                    dimmed=True,
                    horizontal=True,
                )
            )
        self.tally = band_tally(ctx, self.band)
        self.path_rect = pygame.Rect(0, 0, 0, 0)
        # The path and buttons across the top while a page still shows three cards (or as
        # many as without them); with big text they give way and the buttons go beside the
        # cards.
        cards = list(entries)  # with a certificate card when its button has no room
        beside = self._plan_beside(area, cards)
        if ctx.settings.text_scale < 175:
            path = self._plan_with_path(area, entries)
            if path is not None and path[2][0] >= min(PATH_CARDS, beside[2][0]):
                return self._build_with_path(path, entries)
        return self._build_beside(beside, cards)

    def _buttons(self) -> list[Button]:
        """My certificate (once the band is done) and My progress, not yet placed."""
        _ = self.ctx._
        entries = [("my-progress", _("My progress"), "trophy", self._open_progress)]
        if self.tally.complete and self.ctx.player is not None:
            entries.insert(0, ("certificate", _("My certificate"), "star", self._open_certificate))
        height = self.bar_height()
        return [
            Button(
                widget_id,
                pygame.Rect(0, 0, button_width(self.ctx, text, icon=True), height),
                text,
                action,
                text=text,
                icon=icon,
                style="primary" if widget_id == "certificate" else "normal",
            )
            for widget_id, text, icon, action in entries
        ]

    def _more_button(self, pages: int) -> Button:
        text = self.ctx._("More levels")
        return Button(
            "more",
            pygame.Rect(0, 0, button_width(self.ctx, text, icon=True), self.bar_height()),
            text,
            lambda: self._turn(pages),
            text=text,
            icon="next",
        )

    def _fit(
        self, entries: list[Tile], area: pygame.Rect, most: int, more_row: int = 0
    ) -> Fit | None:
        return fit_cards(self.ctx, entries, area, most, IMAGE, 4, more_row)

    def _show_page(self, entries: list[Tile], area: pygame.Rect, fit: Fit) -> list[Tile]:
        """The cards of the current page, put in their cells in `area`."""
        pages = max(1, -(-len(entries) // fit[0]))
        self.page = min(self.page, pages - 1)
        return show_page(entries, area, fit, self.page)

    def _plan_with_path(
        self, area: pygame.Rect, entries: list[Tile]
    ) -> tuple[pygame.Rect, pygame.Rect, Fit] | None:
        """The strip at the top and the cards' area below it, and how the cards fit there
        (None when not even one does)."""
        height = self.bar_height()
        strip = pygame.Rect(area.left, area.top + GAP // 2, area.width, height)
        cards = pygame.Rect(
            area.left, strip.bottom + GAP, area.width, area.bottom - strip.bottom - GAP
        )
        fit = self._fit(entries, cards, 3 if self.ctx.settings.text_scale < 150 else 2, height)
        return None if fit is None else (strip, cards, fit)

    def _build_with_path(
        self, plan: tuple[pygame.Rect, pygame.Rect, Fit], entries: list[Tile]
    ) -> list[Widget]:
        """The stepping-stone path and the buttons in a strip at the top, the cards below it
        in as many columns as their words allow, and More levels under the cards."""
        strip, cards, fit = plan
        buttons = self._buttons()
        right = strip.right
        for button in reversed(buttons):
            button.rect.topright = (right, strip.top)
            right = button.rect.left - GAP
        self.path_rect = pygame.Rect(strip.left, strip.top, right - strip.left, strip.height)
        if (
            self.path_rect.width
            < self.ctx.text.measure(self._path_words(), "small")[0] + 3 * PADDING
        ):
            self.path_rect = pygame.Rect(0, 0, 0, 0)  # no room even for its words: left out
        widgets: list[Widget] = [*buttons, *self._show_page(entries, cards, fit)]
        if fit[0] < len(entries):
            more = self._more_button(-(-len(entries) // fit[0]))
            more.rect.midbottom = (cards.centerx, cards.bottom)
            widgets.append(more)
        return widgets

    def _plan_beside(
        self, area: pygame.Rect, entries: list[Tile]
    ) -> tuple[list[Button], pygame.Rect, Fit]:
        """The buttons for the side, the cards' area beside them, and how the cards fit.

        The certificate becomes the first card when its button has no room at the side (it
        is added to `entries`)."""
        buttons = self._buttons()
        height = self.bar_height()
        width = max(button.rect.width for button in [*buttons, self._more_button(2)])
        if len(buttons) > 1 and 3 * height + 2 * GAP > area.height:
            certificate = buttons.pop(0)
            star = self.ctx.art.image("icons", "star", (IMAGE, IMAGE), tint=self.ctx.theme.ink)
            entries.insert(
                0,
                Tile(
                    certificate.id,
                    pygame.Rect(0, 0, 0, 0),
                    certificate.label,
                    certificate.on_select,
                    image=star,
                    caption=certificate.label,
                    horizontal=True,
                ),
            )
        for button in buttons:
            button.rect.width = width
        column = pygame.Rect(area.left, area.top, area.width - width - GAP, area.height)
        fit = self._fit(entries, column, 2) or (
            1,
            1,
            min(card_height(self.ctx, entries, column.width, IMAGE, 4), column.height),
        )
        return buttons, column, fit

    def _build_beside(
        self, plan: tuple[list[Button], pygame.Rect, Fit], entries: list[Tile]
    ) -> list[Widget]:
        """Big text: the cards on the leading side; beside them My progress at the top and
        More levels at the bottom. The path is left out (My progress tells the same)."""
        buttons, column, fit = plan
        shown = self._show_page(entries, column, fit)
        side: list[Widget] = []
        x, y = column.right + GAP, column.top
        for button in buttons:
            button.rect.topleft = (x, y)
            side.append(button)
            y = button.rect.bottom + GAP
        if fit[0] < len(entries):
            more = self._more_button(-(-len(entries) // fit[0]))
            more.rect.width = buttons[-1].rect.width
            more.rect.bottomleft = (x, column.bottom)
            side.append(more)
        return in_reading_order([*shown, *side])

    def _open_progress(self) -> None:
        from game.scenes.progress import ProgressScene

        self.ctx.scenes.push(ProgressScene(self.ctx, self.band))

    def _open_certificate(self) -> None:
        from game.scenes.certificate import CertificateScene

        self.ctx.scenes.push(CertificateScene(self.ctx, self.band))

    def draw_content(self, surface: pygame.Surface) -> None:
        """The stepping-stone path: one stone per level, a check on each one done."""
        from game.ui.widgets import draw_panel

        rect = self.path_rect
        if rect.width < 120:
            return
        theme = self.ctx.theme
        draw_panel(surface, self.place(rect), self.ctx)
        label = self.ctx.text.render(self._path_words(), "small", theme.ink)
        stones_width = rect.width - label.get_width() - 3 * PADDING
        total = max(1, self.tally.total)
        stone = min(44, (stones_width - (total - 1) * 10) // total)
        if stone < 14:  # too small to tell apart: the words alone say it
            stone = 0
        x = rect.left + PADDING
        y = rect.centery
        if stone:
            for number in range(total):
                centre = (x + stone // 2, y)
                spot = self.place(pygame.Rect(centre[0] - stone // 2, y - stone // 2, stone, stone))
                if number < self.tally.done:
                    pygame.draw.circle(surface, theme.safe, spot.center, stone // 2)
                    check = self.ctx.art.image(
                        "icons", "check", (stone - 8, stone - 8), tint=(255, 255, 255)
                    )
                    surface.blit(check, check.get_rect(center=spot.center))
                else:
                    pygame.draw.circle(surface, theme.soft_ink, spot.center, stone // 2, width=3)
                x += stone + 10
        label_rect = label.get_rect(midleft=(x + PADDING, y))
        surface.blit(label, self.place(label_rect))

    def _path_words(self) -> str:
        return self.ctx._("{done} of {total} done").format(
            done=self.tally.done, total=self.tally.total
        )

    def _turn(self, pages: int) -> None:
        self.page = (self.page + 1) % pages
        self.relayout()

    def _starter(self, level_id: str) -> Callable[[], None]:
        def start() -> None:
            from game.scenes.level import LevelScene

            self.ctx.scenes.push(LevelScene(self.ctx, self.ctx.catalogue.get(level_id)))

        return start


def in_reading_order(widgets: list[Widget]) -> list[Widget]:
    """Widgets laid out left to right, sorted as they are read: row by row from the top, and
    along a row from the leading side (two widgets share a row when they overlap by half the
    shorter one's height). Mirroring for right-to-left keeps the order right."""

    def same_row(first: pygame.Rect, second: pygame.Rect) -> bool:
        shared = min(first.bottom, second.bottom) - max(first.top, second.top)
        return shared >= min(first.height, second.height) // 2

    def compare(first: Widget, second: Widget) -> int:
        a, b = first.rect, second.rect
        if same_row(a, b):
            return (a.centerx > b.centerx) - (a.centerx < b.centerx)
        return (a.centery > b.centery) - (a.centery < b.centery)

    return sorted(widgets, key=cmp_to_key(compare))
