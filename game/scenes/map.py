"""Choosing an age band, and the map of its levels with each level's state."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.scenes.base import Scene
from game.scenes.progress import topic_medal
from game.ui.pages import grid
from game.ui.widgets import GAP, PADDING, Button, Tile, Widget, beside_tile_height, button_width

BANDS = ("under-9", "9-12", "13-18")


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
                from game.scenes.progress import band_tally

                tally = band_tally(self.ctx, band)
                detail = self.ctx._("{done} of {total} done").format(
                    done=tally.done, total=tally.total
                )
            words = cell.width - 2 * PADDING
            caption_height = self.ctx.text.block_height(name, "button", words)
            if detail:  # the words under the picture: the picture gives way to them
                caption_height += self.ctx.text.block_height(detail, "small", words) + 4
            image_height = max(
                60,
                min(
                    cell.height - caption_height - 3 * PADDING,
                    int((cell.width - 2 * PADDING) * 9 / 16),
                ),
            )
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
        image = 80
        scale = ctx.settings.text_scale
        columns = 3 if scale < 150 else (2 if scale < 175 else 1)
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
            picture = topic_medal(ctx, str(level.topics[0]), image, earned=True)
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
                    image=ctx.art.image("sango", "concerned", (int(image * 0.8), image)),
                    caption=_("Not ready yet"),
                    detail=_("Ask a grown-up"),
                    dimmed=True,
                    horizontal=True,
                )
            )
        cell_width = (area.width - (columns - 1) * GAP) // columns
        cell_height = beside_tile_height(
            ctx, cell_width, image, [(tile.caption, tile.detail) for tile in entries]
        )
        compact = scale >= 175
        strip, buttons = self._build_strip(area, compact)
        if not compact:
            area = pygame.Rect(
                area.left, strip.bottom + GAP, area.width, area.bottom - strip.bottom - GAP
            )
        reserve = self.bar_height() + GAP
        layout = grid(area, len(entries), columns, cell_height, reserve=0 if compact else reserve)
        if compact:
            # With big text the buttons share one row under the cards; the path is left out.
            layout = grid(
                pygame.Rect(area.left, area.top, area.width, area.height - reserve),
                len(entries),
                columns,
                cell_height,
            )
        self.page = min(self.page, layout.pages - 1)
        start = self.page * layout.per_page
        shown = entries[start : start + layout.per_page]
        for cell, tile in zip(layout.cells, shown, strict=False):
            tile.rect = cell
        row: list[Widget] = []
        if layout.pages > 1:
            text = _("More levels")
            width = button_width(ctx, text, icon=True)
            row.append(
                Button(
                    "more",
                    pygame.Rect(0, 0, width, self.bar_height()),
                    text,
                    lambda: self._turn(layout.pages),
                    text=text,
                    icon="next",
                )
            )
        if compact:
            row.extend(buttons)
            buttons = []
        x = area.left if compact else area.centerx - (row[0].rect.width if row else 0) // 2
        for button in row:
            button.rect.topleft = (x, area.bottom - button.rect.height)
            x += button.rect.width + GAP
        return buttons + list(shown) + row

    def _build_strip(self, area: pygame.Rect, compact: bool) -> tuple[pygame.Rect, list[Widget]]:
        """The progress strip: a path of stepping stones, My progress, and the certificate.

        When `compact`, only the buttons are made; the caller places them.
        """
        from game.scenes.progress import band_tally

        _ = self.ctx._
        height = self.bar_height()
        strip = pygame.Rect(area.left, area.top + GAP // 2, area.width, height)
        buttons: list[Widget] = []
        right = strip.right
        entries = [("my-progress", _("My progress"), "trophy", self._open_progress)]
        self.tally = band_tally(self.ctx, self.band)
        if self.tally.complete and self.ctx.player is not None:
            entries.insert(0, ("certificate", _("My certificate"), "star", self._open_certificate))
        placed: list[Widget] = []
        for widget_id, text, icon, action in reversed(entries):
            width = button_width(self.ctx, text, icon=True)
            placed.append(
                Button(
                    widget_id,
                    pygame.Rect(right - width, strip.top, width, height),
                    text,
                    action,
                    text=text,
                    icon=icon,
                    style="primary" if widget_id == "certificate" else "normal",
                )
            )
            right -= width + GAP
        buttons.extend(reversed(placed))
        self.path_rect = pygame.Rect(strip.left, strip.top, right - strip.left - GAP, height)
        if compact:
            self.path_rect = pygame.Rect(0, 0, 0, 0)
        return strip, buttons

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
        _ = self.ctx._
        words = _("{done} of {total} done").format(done=self.tally.done, total=self.tally.total)
        label = self.ctx.text.render(words, "small", theme.ink)
        stones_width = rect.width - label.get_width() - 3 * PADDING
        total = max(1, self.tally.total)
        stone = (
            max(14, min(44, (stones_width - (total - 1) * 10) // total)) if stones_width > 40 else 0
        )
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

    def _turn(self, pages: int) -> None:
        self.page = (self.page + 1) % pages
        self.relayout()

    def _starter(self, level_id: str) -> Callable[[], None]:
        def start() -> None:
            from game.scenes.level import LevelScene

            self.ctx.scenes.push(LevelScene(self.ctx, self.ctx.catalogue.get(level_id)))

        return start
