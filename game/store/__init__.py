"""Everything the game remembers, in one SQLite file in the per-user data folder.

`Store.open(data_dir)` gives the store; `report_rows` and `write_csv` make the adult's report.
Nothing here draws or imports pygame.
"""

from __future__ import annotations

from game.store.database import Clock, Store, normalize_nickname
from game.store.errors import ClassNameTaken, LevelNotStarted, UnknownClass, UnknownPlayer
from game.store.migrations import LATEST_VERSION, MIGRATIONS, Migration, NewerSchema, migrate
from game.store.opening import DATABASE_NAME
from game.store.report import CSV_HEADER, ReportRow, ReportStatus, report_rows, write_csv
from game.store.values import (
    CLASS_NAME_MAX_LENGTH,
    NICKNAME_MAX_LENGTH,
    RESULTS,
    GateRecord,
    LevelProgress,
    Player,
    Result,
    SchoolClass,
    Status,
)

__all__ = [
    "CLASS_NAME_MAX_LENGTH",
    "CSV_HEADER",
    "DATABASE_NAME",
    "GateRecord",
    "LATEST_VERSION",
    "MIGRATIONS",
    "NICKNAME_MAX_LENGTH",
    "RESULTS",
    "ClassNameTaken",
    "Clock",
    "LevelNotStarted",
    "LevelProgress",
    "Migration",
    "NewerSchema",
    "Player",
    "ReportRow",
    "ReportStatus",
    "Result",
    "SchoolClass",
    "Status",
    "Store",
    "UnknownClass",
    "UnknownPlayer",
    "migrate",
    "normalize_nickname",
    "report_rows",
    "write_csv",
]
