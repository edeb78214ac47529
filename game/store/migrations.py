"""The schema of the save file, as an ordered list of migrations.

The database's `PRAGMA user_version` is the number of the last migration applied to it. Opening a
store runs the pending migrations, all of them in one transaction: a crash half-way leaves the file
at its old version, never in between. Never edit a migration that has shipped; add a new one.
A migration that rebuilds a table follows SQLite's "12 steps" (create new, copy, drop, rename):
foreign keys are off while migrations run and `PRAGMA foreign_key_check` must pass before commit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: the statements that take version - 1 to `version`."""

    version: int
    summary: str
    statements: tuple[str, ...]


class NewerSchema(Exception):
    """The file was written by a newer Sango, whose schema this version does not know."""

    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"the save file has schema version {found}; this Sango knows up to {known}"
        )
        self.found = found
        self.known = known


# Timestamps are ISO 8601 text in UTC with microseconds ("2025-01-31T08:15:00.000000+00:00"),
# so they sort as text. Players hold no real names: a nickname (optional) and an avatar id.
_VERSION_1 = Migration(
    version=1,
    summary="players, settings, progress and answers",
    statements=(
        """
        CREATE TABLE players (
            id INTEGER PRIMARY KEY,
            nickname TEXT NULL CHECK (nickname IS NULL OR length(nickname) BETWEEN 1 AND 20),
            avatar TEXT NOT NULL CHECK (length(avatar) BETWEEN 1 AND 64),
            created_at TEXT NOT NULL
        )
        """,
        # player_id NULL holds the machine-wide defaults. NULLs never collide in a UNIQUE
        # constraint, so each kind of row gets its own partial unique index.
        """
        CREATE TABLE settings (
            player_id INTEGER NULL REFERENCES players (id) ON DELETE CASCADE,
            key TEXT NOT NULL CHECK (length(key) > 0),
            value TEXT NOT NULL
        )
        """,
        "CREATE UNIQUE INDEX settings_player_key ON settings (player_id, key)"
        " WHERE player_id IS NOT NULL",
        "CREATE UNIQUE INDEX settings_machine_key ON settings (key) WHERE player_id IS NULL",
        # safe/unsafe are the counts the report shows: those of the latest finished attempt, or
        # of the current attempt while the level was never finished. attempts counts starts.
        """
        CREATE TABLE progress (
            player_id INTEGER NOT NULL REFERENCES players (id) ON DELETE CASCADE,
            level_id TEXT NOT NULL CHECK (length(level_id) > 0),
            band TEXT NOT NULL CHECK (length(band) > 0),
            status TEXT NOT NULL CHECK (status IN ('in-progress', 'completed')),
            attempts INTEGER NOT NULL CHECK (attempts >= 1),
            safe INTEGER NOT NULL DEFAULT 0 CHECK (safe >= 0),
            unsafe INTEGER NOT NULL DEFAULT 0 CHECK (unsafe >= 0),
            stars INTEGER NULL CHECK (stars IS NULL OR stars >= 0),
            badge TEXT NULL CHECK (badge IS NULL OR length(badge) > 0),
            badge_earned_at TEXT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT NULL,
            PRIMARY KEY (player_id, level_id),
            CHECK ((status = 'completed') = (finished_at IS NOT NULL)),
            CHECK ((badge IS NULL) = (badge_earned_at IS NULL))
        )
        """,
        """
        CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            player_id INTEGER NOT NULL,
            level_id TEXT NOT NULL,
            attempt INTEGER NOT NULL CHECK (attempt >= 1),
            step_index INTEGER NOT NULL CHECK (step_index >= 0),
            result TEXT NOT NULL CHECK (result IN ('safe', 'unsafe', 'ok')),
            at TEXT NOT NULL,
            FOREIGN KEY (player_id, level_id)
                REFERENCES progress (player_id, level_id) ON DELETE CASCADE
        )
        """,
        "CREATE INDEX answers_by_attempt ON answers (player_id, level_id, attempt)",
    ),
)

# Classes group players for teachers. A player is in at most one class; deleting a class keeps
# its players (they become players without a class). class_settings with class_id NULL holds the
# adult's choices for players without a class. adult_gate holds the one adult PIN, only ever as
# a salted slow hash; failures and locked_until slow down guessing.
_VERSION_2 = Migration(
    version=2,
    summary="classes, class members, class settings and the adult gate",
    statements=(
        """
        CREATE TABLE classes (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
            created_at TEXT NOT NULL
        )
        """,
        "CREATE UNIQUE INDEX classes_by_name ON classes (name COLLATE NOCASE)",
        """
        CREATE TABLE class_members (
            player_id INTEGER PRIMARY KEY REFERENCES players (id) ON DELETE CASCADE,
            class_id INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE
        )
        """,
        "CREATE INDEX class_members_by_class ON class_members (class_id)",
        """
        CREATE TABLE class_settings (
            class_id INTEGER NULL REFERENCES classes (id) ON DELETE CASCADE,
            key TEXT NOT NULL CHECK (length(key) > 0),
            value TEXT NOT NULL
        )
        """,
        "CREATE UNIQUE INDEX class_settings_class_key ON class_settings (class_id, key)"
        " WHERE class_id IS NOT NULL",
        "CREATE UNIQUE INDEX class_settings_machine_key ON class_settings (key)"
        " WHERE class_id IS NULL",
        """
        CREATE TABLE adult_gate (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            algorithm TEXT NOT NULL CHECK (length(algorithm) > 0),
            salt BLOB NOT NULL,
            digest BLOB NOT NULL,
            failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
            locked_until TEXT NULL,
            set_at TEXT NOT NULL
        )
        """,
    ),
)

MIGRATIONS: tuple[Migration, ...] = (_VERSION_1, _VERSION_2)
"""Every migration, oldest first; versions run 1, 2, 3, ... without gaps."""

LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(connection: sqlite3.Connection) -> int:
    """The schema version stored in the file (0 for a new, empty file)."""
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the database up to the newest migration, in one transaction.

    Args:
        connection: An open connection in autocommit mode (`isolation_level=None`).
        migrations: The ordered migrations; the default is the game's schema.

    Returns:
        The schema version the database is at afterwards.

    Raises:
        NewerSchema: The file is newer than every migration known here; nothing is changed.
        sqlite3.Error: A migration failed; the transaction is rolled back and the file unchanged.
    """
    _check_order(migrations)
    latest = migrations[-1].version if migrations else 0
    found = schema_version(connection)
    if found > latest:
        raise NewerSchema(found, latest)
    if found == latest:
        return found

    foreign_keys = connection.execute("PRAGMA foreign_keys").fetchone()[0]
    connection.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction, so first
    try:
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another process may have migrated meanwhile.
            found = schema_version(connection)
            if found > latest:
                raise NewerSchema(found, latest)
            for migration in migrations:
                if migration.version <= found:
                    continue
                for statement in migration.statements:
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {migration.version:d}")
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise sqlite3.IntegrityError(f"foreign key check failed after migrating: {broken}")
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    finally:
        connection.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    return latest


def _check_order(migrations: Sequence[Migration]) -> None:
    """Raise ValueError unless the versions run 1, 2, 3, ... in order."""
    for expected, migration in enumerate(migrations, start=1):
        if migration.version != expected:
            raise ValueError(
                f"migration {migration.summary!r} has version {migration.version}; "
                f"expected {expected} (versions run 1, 2, 3, ... without gaps)"
            )
