"""A class's progress, as the dashboard and the reports show it: a player x level grid, a
summary per topic and a summary per player. Pure data; nothing here draws."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from game.classroom.controls import load_controls

if TYPE_CHECKING:
    from game.content.catalogue import Catalogue
    from game.content.models import Level
    from game.store.database import Store
    from game.store.values import Player

CellStatus = Literal["not-started", "in-progress", "completed"]


@dataclass(frozen=True)
class Cell:
    """One player on one level: where they are, and their safe and unsafe choices.

    `safe` and `unsafe` follow the store: the latest finished attempt, or the current one.
    """

    status: CellStatus
    safe: int = 0
    unsafe: int = 0
    stars: int | None = None
    attempts: int = 0


NOT_STARTED = Cell("not-started")


@dataclass(frozen=True)
class ProgressGrid:
    """Every player of a class against every level the class can play."""

    players: tuple[Player, ...]
    levels: tuple[Level, ...]
    cells: dict[tuple[int, str], Cell]
    badges: dict[int, tuple[str, ...]]

    def cell(self, player_id: int, level_id: str) -> Cell:
        """How the player did on the level."""
        return self.cells.get((player_id, level_id), NOT_STARTED)


class TopicShares:
    """The two shares a topic is drawn with: levels done, and safe choices among all choices.
    Needs `done`, `possible`, `safe` and `unsafe`."""

    done: int
    possible: int
    safe: int
    unsafe: int

    @property
    def done_share(self) -> float:
        return self.done / self.possible if self.possible else 0.0

    @property
    def safe_share(self) -> float:
        choices = self.safe + self.unsafe
        return self.safe / choices if choices else 0.0


@dataclass(frozen=True)
class TopicSummary(TopicShares):
    """How a class did on one topic, over all its levels."""

    topic: str
    levels: int
    done: int
    """(player, level) pairs finished."""
    started: int
    """(player, level) pairs started but not finished."""
    possible: int
    """players x levels of this topic."""
    safe: int
    unsafe: int


@dataclass(frozen=True)
class PlayerSummary:
    """One player's progress over every level of the class."""

    player: Player
    done: int
    started: int
    levels: int
    safe: int
    unsafe: int
    stars: int
    badges: tuple[str, ...]


def class_levels(store: Store, catalogue: Catalogue, class_id: int | None) -> list[Level]:
    """The levels a class can play, in catalogue order."""
    controls = load_controls(store, class_id)
    return [level for level in catalogue.levels if controls.shows(level)]


def progress_grid(
    store: Store,
    levels: Sequence[Level],
    players: Sequence[Player],
) -> ProgressGrid:
    """The grid for these players and levels."""
    cells: dict[tuple[int, str], Cell] = {}
    badges: dict[int, tuple[str, ...]] = {}
    for player in players:
        records = store.progress(player.id)
        badges[player.id] = tuple(store.badges(player.id))
        for level in levels:
            record = records.get(level.id)
            if record is not None:
                cells[player.id, level.id] = Cell(
                    status=record.status,
                    safe=record.safe,
                    unsafe=record.unsafe,
                    stars=record.stars,
                    attempts=record.attempts,
                )
    return ProgressGrid(tuple(players), tuple(levels), cells, badges)


def class_grid(store: Store, catalogue: Catalogue, class_id: int | None) -> ProgressGrid:
    """The grid of a class (or of the players without a class) over its visible levels."""
    return progress_grid(
        store, class_levels(store, catalogue, class_id), store.class_members(class_id)
    )


def topic_summaries(grid: ProgressGrid) -> list[TopicSummary]:
    """A summary for every topic that has a level in the grid, in the order topics first
    appear."""
    order: list[str] = []
    for level in grid.levels:
        for topic in level.topics:
            if str(topic) not in order:
                order.append(str(topic))
    summaries = []
    for topic in order:
        levels = [level for level in grid.levels if topic in (str(t) for t in level.topics)]
        cells = [grid.cell(player.id, level.id) for player in grid.players for level in levels]
        summaries.append(
            TopicSummary(
                topic=topic,
                levels=len(levels),
                done=sum(cell.status == "completed" for cell in cells),
                started=sum(cell.status == "in-progress" for cell in cells),
                possible=len(cells),
                safe=sum(cell.safe for cell in cells),
                unsafe=sum(cell.unsafe for cell in cells),
            )
        )
    return summaries


def player_summaries(grid: ProgressGrid) -> list[PlayerSummary]:
    """A summary line for every player of the grid."""
    summaries = []
    for player in grid.players:
        cells = [grid.cell(player.id, level.id) for level in grid.levels]
        summaries.append(
            PlayerSummary(
                player=player,
                done=sum(cell.status == "completed" for cell in cells),
                started=sum(cell.status == "in-progress" for cell in cells),
                levels=len(cells),
                safe=sum(cell.safe for cell in cells),
                unsafe=sum(cell.unsafe for cell in cells),
                stars=sum(cell.stars or 0 for cell in cells),
                badges=grid.badges.get(player.id, ()),
            )
        )
    return summaries
