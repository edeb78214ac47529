"""What a player has done: per band and per topic, in pictures a six-year-old understands."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.scenes.base import Scene
from game.ui.pages import grid
from game.ui.topics import TOPIC_COLOURS, TOPIC_GLYPHS, topic_name
from game.ui.widgets import GAP, Button, Tile, Widget, beside_tile_height, button_width

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
        scale = self.ctx.settings.text_scale
        columns = 3 if scale < 150 else (2 if scale < 175 else 1)
        medal = 80
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
                    image=topic_medal(self.ctx, topic, medal, tally.complete),
                    caption=name,
                    detail=detail,
                    marks=marks,
                    horizontal=True,
                )
            )
        cell_width = (area.width - (columns - 1) * GAP) // columns
        cell_height = beside_tile_height(
            self.ctx, cell_width, medal, [(tile.caption, tile.detail) for tile in entries], marks=1
        )
        layout = grid(area, len(entries), columns, cell_height, reserve=self.bar_height() + GAP)
        self.page = min(self.page, layout.pages - 1)
        shown = entries[self.page * layout.per_page : (self.page + 1) * layout.per_page]
        for cell, tile in zip(layout.cells, shown, strict=False):
            tile.rect = cell
        widgets: list[Widget] = list(shown)
        if layout.pages > 1:
            text = _("More")
            width = button_width(self.ctx, text, icon=True)
            height = self.bar_height()
            rect = pygame.Rect(area.centerx - width // 2, area.bottom - height, width, height)
            widgets.append(
                Button("more", rect, text, self._turner(layout.pages), text=text, icon="next")
            )
        return widgets

    def _turner(self, pages: int) -> Callable[[], None]:
        def turn() -> None:
            self.page = (self.page + 1) % pages
            self.relayout()

        return turn
