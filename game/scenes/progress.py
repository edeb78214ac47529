"""What a player has done: per band and per topic, in pictures a six-year-old understands."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.scenes.base import Scene
from game.ui.pages import grid
from game.ui.topics import TOPIC_COLOURS, TOPIC_GLYPHS, topic_name
from game.ui.widgets import (
    GAP,
    PADDING,
    Button,
    Tile,
    Widget,
    beside_tile_height,
    button_width,
)

if TYPE_CHECKING:
    from game.content.models import Level
    from game.context import Context


@dataclass(frozen=True)
class Tally:
    """How many of some levels are done."""

    done: int
    total: int

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done == self.total


def playable_levels(ctx: Context, band: str) -> list[Level]:
    """The band's levels this player may play (an adult may have turned some topics off)."""
    from game.classroom.controls import visible_levels

    return visible_levels(ctx, ctx.catalogue.by_band(band))


def band_tally(ctx: Context, band: str) -> Tally:
    """Levels of a band the current player has completed."""
    levels = playable_levels(ctx, band)
    progress = ctx.store.progress(ctx.player.id) if ctx.player else {}
    done = sum(
        1 for level in levels if level.id in progress and progress[level.id].status == "completed"
    )
    return Tally(done, len(levels))


def topic_tallies(ctx: Context, band: str) -> dict[str, Tally]:
    """Per topic of a band: levels completed out of the levels about that topic."""
    progress = ctx.store.progress(ctx.player.id) if ctx.player else {}
    counts: dict[str, list[int]] = {}
    for level in playable_levels(ctx, band):
        for topic in level.topics:
            entry = counts.setdefault(str(topic), [0, 0])
            entry[1] += 1
            if level.id in progress and progress[level.id].status == "completed":
                entry[0] += 1
    order = list(TOPIC_GLYPHS)
    return {topic: Tally(*counts[topic]) for topic in sorted(counts, key=order.index)}


def topic_medal(ctx: Context, topic: str, size: int, earned: bool) -> pygame.Surface:
    """A round medal with the topic's glyph: coloured when earned, grey ring when not yet."""
    surface = pygame.Surface((size, size), pygame.SRCALPHA)
    centre = (size // 2, size // 2)
    radius = size // 2 - 2
    if earned:
        pygame.draw.circle(surface, (255, 214, 90), centre, radius)
        pygame.draw.circle(
            surface, TOPIC_COLOURS.get(topic, (60, 80, 150)), centre, int(radius * 0.84)
        )
        glyph = ctx.art.image("badges", TOPIC_GLYPHS.get(topic, "star"), (int(radius * 1.1),) * 2)
    else:
        pygame.draw.circle(surface, (236, 232, 224), centre, radius)
        pygame.draw.circle(surface, (120, 120, 120), centre, radius, width=4)
        glyph = ctx.art.image(
            "badges",
            TOPIC_GLYPHS.get(topic, "star"),
            (int(radius * 1.1),) * 2,
            tint=(120, 120, 120),
        )
    surface.blit(glyph, glyph.get_rect(center=centre))
    return surface


Fit = tuple[int, int, int]
"""How cards fit an area: cards on a page, columns, card height."""
MEDAL = 80
"""The size of a topic medal on a card."""
READABLE = 6
"""Cards share a row only while their words have room for this many letter heights a line."""


def card_height(ctx: Context, cards: Sequence[Tile], width: int, image: int, marks: int) -> int:
    """The height of side-by-side cards `width` wide that fits the words of all of them."""
    return beside_tile_height(
        ctx, width, image, [(card.caption, card.detail) for card in cards], marks
    )


def fit_cards(
    ctx: Context,
    cards: Sequence[Tile],
    area: pygame.Rect,
    most: int,
    image: int,
    marks: int,
    more_row: int = 0,
) -> Fit | None:
    """The columns (at most `most`) that show the most cards on a page in `area`, the fewest
    of them when as many fit (wider cards wrap less); None when not even one card fits.
    With `more_row`, a row of that height is kept under the cards for a More button
    whenever they take more than a page."""
    best: Fit | None = None
    for columns in range(most, 0, -1):
        width = (area.width - (columns - 1) * GAP) // columns
        if columns > 1 and width - 3 * PADDING - image < READABLE * ctx.text.size("button"):
            continue  # words broken into a word or two a line read badly
        card = card_height(ctx, cards, width, image, marks)
        rows = (area.height + GAP) // (card + GAP)
        if rows * columns < len(cards) and more_row:
            rows = (area.height - more_row) // (card + GAP)
        if rows >= 1 and (best is None or rows * columns >= best[0]):
            best = (rows * columns, columns, card)
    return best


def show_page(cards: Sequence[Tile], area: pygame.Rect, fit: Fit, page: int) -> list[Tile]:
    """The cards of one page, put in their cells in `area`."""
    per_page, columns, card = fit
    layout = grid(area, min(len(cards), per_page), columns, card)
    shown = list(cards[page * per_page : (page + 1) * per_page])
    for cell, tile in zip(layout.cells, shown, strict=False):
        tile.rect = cell
    return shown


class ProgressScene(Scene):
    """My progress: one medal per topic of the band, bright when all its levels are done."""

    def __init__(self, ctx: Context, band: str) -> None:
        super().__init__(ctx)
        self.band = band
        self.background = band
        self.page = 0

    def title(self) -> str:
        return self.ctx._("My progress")

    def build(self) -> list[Widget]:
        _ = self.ctx._
        area = self.content_rect()
        tallies = topic_tallies(self.ctx, self.band)
        entries: list[Tile] = []
        for topic, tally in tallies.items():
            name = topic_name(self.ctx, topic)
            detail = _("{done} of {total} done").format(done=tally.done, total=tally.total)
            marks = ["check"] if tally.complete else []
            entries.append(
                Tile(
                    f"topic-{topic}",
                    pygame.Rect(0, 0, 0, 0),
                    f"{name}: {detail}",
                    None,
                    image=topic_medal(self.ctx, topic, MEDAL, tally.complete),
                    caption=name,
                    detail=detail,
                    marks=marks,
                    horizontal=True,
                )
            )
        text = _("More")
        more_width = button_width(self.ctx, text, icon=True)
        height = self.bar_height()
        most = 3 if self.ctx.settings.text_scale < 150 else 2
        # More under the cards, or beside them when that shows more cards on a page.
        below = fit_cards(self.ctx, entries, area, most, MEDAL, 1, more_row=height)
        column = pygame.Rect(area.left, area.top, area.width - more_width - GAP, area.height)
        beside = fit_cards(self.ctx, entries, column, most, MEDAL, 1) or (
            1,
            1,
            min(column.height, card_height(self.ctx, entries, column.width, MEDAL, 1)),
        )
        if below is not None and below[0] >= beside[0]:
            fit, cards, more = below, area, pygame.Rect(0, 0, more_width, height)
            more.midbottom = area.midbottom
        else:
            fit, cards = beside, column
            more = pygame.Rect(column.right + GAP, area.bottom - height, more_width, height)
        pages = max(1, -(-len(entries) // fit[0]))
        self.page = min(self.page, pages - 1)
        widgets: list[Widget] = list(show_page(entries, cards, fit, self.page))
        if pages > 1:
            widgets.append(Button("more", more, text, self._turner(pages), text=text, icon="next"))
        return widgets

    def _turner(self, pages: int) -> Callable[[], None]:
        def turn() -> None:
            self.page = (self.page + 1) % pages
            self.relayout()

        return turn
