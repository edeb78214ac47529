"""Everything the game remembers, in one SQLite file in the per-user data folder.

`Store.open(data_dir)` gives the store; `report_rows` and `write_csv` make the adult's report.
Nothing here draws or imports pygame.
"""

from __future__ import annotations

from game.store.database import Clock, Store, normalize_nickname
from game.store.errors import LevelNotStarted, UnknownPlayer
from game.store.migrations import LATEST_VERSION, MIGRATIONS, Migration, NewerSchema, migrate
from game.store.opening import DATABASE_NAME
from game.store.report import CSV_HEADER, ReportRow, ReportStatus, report_rows, write_csv
from game.store.values import (
    NICKNAME_MAX_LENGTH,
    RESULTS,
    LevelProgress,
    Player,
    Result,
    Status,
)

__all__ = [
    "CSV_HEADER",
    "DATABASE_NAME",
    "LATEST_VERSION",
    "MIGRATIONS",
    "NICKNAME_MAX_LENGTH",
    "RESULTS",
    "Clock",
    "LevelNotStarted",
    "LevelProgress",
    "Migration",
    "NewerSchema",
    "Player",
    "ReportRow",
    "ReportStatus",
    "Result",
    "Status",
    "Store",
    "UnknownPlayer",
    "migrate",
    "normalize_nickname",
    "report_rows",
    "write_csv",
]
