"""The progress report for teachers and parents: one row per player and level, as CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Literal, TextIO

if TYPE_CHECKING:
    from game.store.database import Store
    from game.store.values import Player

ReportStatus = Literal["not-started", "in-progress", "completed"]

CSV_HEADER = ("player", "band", "level", "status", "safe", "unsafe", "finished_at")

# A cell starting with one of these is a formula to a spreadsheet; a nickname must never run.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class ReportRow:
    """How one player did on one level.

    `safe` and `unsafe` are the counts of the latest finished attempt, or of the current attempt
    if the level was never finished. `finished_at` is local time, ISO 8601 to the second, and
    empty if the level was never finished.
    """

    player_id: int
    player: str
    band: str
    level_id: str
    status: ReportStatus
    safe: int
    unsafe: int
    finished_at: str


def report_rows(
    store: Store,
    levels: Sequence[tuple[str, str]],
    *,
    tz: tzinfo | None = None,
    players: Sequence[Player] | None = None,
) -> list[ReportRow]:
    """One row per player and level, levels not started included.

    Players come oldest profile first; for each, the levels in the order given. Progress on
    levels not in `levels` (say, removed from the catalogue) is left out.

    Args:
        store: Where the progress is kept.
        levels: (level id, band) for every level to report on, in report order.
        tz: The time zone for `finished_at`; the machine's own when None.
        players: Only these players (say, one class); every player when None.
    """
    rows: list[ReportRow] = []
    for player in store.players() if players is None else players:
        progress = store.progress(player.id)
        for level_id, band in levels:
            record = progress.get(level_id)
            if record is None:
                rows.append(
                    ReportRow(
                        player.id, player.display_name, band, level_id, "not-started", 0, 0, ""
                    )
                )
                continue
            rows.append(
                ReportRow(
                    player_id=player.id,
                    player=player.display_name,
                    band=band,
                    level_id=level_id,
                    status=record.status,
                    safe=record.safe,
                    unsafe=record.unsafe,
                    finished_at=_local_time(record.finished_at, tz),
                )
            )
    return rows


def write_csv(rows: Iterable[ReportRow], stream: TextIO) -> None:
    """Write the rows as CSV with the header `player,band,level,status,safe,unsafe,finished_at`.

    Open a file for it with `newline=""` (as the csv module asks) and `encoding="utf-8-sig"` if
    it is meant for a spreadsheet. Text that a spreadsheet would run as a formula gets a leading
    apostrophe.
    """
    writer = csv.writer(stream)
    writer.writerow(CSV_HEADER)
    for row in rows:
        writer.writerow(
            (
                _cell(row.player),
                _cell(row.band),
                _cell(row.level_id),
                row.status,
                row.safe,
                row.unsafe,
                row.finished_at,
            )
        )


def _cell(text: str) -> str:
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _local_time(moment: datetime | None, tz: tzinfo | None) -> str:
    if moment is None:
        return ""
    local = moment.astimezone(tz).replace(microsecond=0, tzinfo=None)
    return local.isoformat()
