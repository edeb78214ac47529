"""Opening the save file safely: checks, recovery from damage, and the in-memory fallback.

A damaged file is never deleted: it is renamed to `sango.db.broken-<timestamp>` (its `-wal` and
`-shm` companions alongside), so an adult can hand it to someone who can rescue it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from game.store.migrations import LATEST_VERSION, NewerSchema, migrate, schema_version

DATABASE_NAME = "sango.db"

_SQLITE_HEADER = b"SQLite format 3\x00"
_BUSY_TIMEOUT_MS = 5000
_COMPANIONS = ("-wal", "-shm", "-journal")
_DAMAGE_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_STORAGE_CODES = {
    sqlite3.SQLITE_FULL,
    sqlite3.SQLITE_IOERR,
    sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_PERM,
    sqlite3.SQLITE_CORRUPT,
    sqlite3.SQLITE_NOTADB,
}

log = logging.getLogger(__name__)


class DamagedFile(Exception):
    """The file is not a healthy SQLite database."""


@dataclass(frozen=True, slots=True)
class Opened:
    """The outcome of opening: a migrated connection and what an adult should be told."""

    connection: sqlite3.Connection
    path: Path | None
    recovered_from: Path | None
    read_only_reason: str | None


def open_data_dir(data_dir: Path) -> Opened:
    """Open or create `data_dir/sango.db`, recovering from damage, never raising for bad files.

    Args:
        data_dir: The per-user data folder; created with its parents if missing.

    Returns:
        A connection to the file, or to a fresh in-memory database with a reason when the folder
        cannot be written or the file belongs to a newer Sango.
    """
    path = data_dir / DATABASE_NAME
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        _probe_writable(data_dir)
    except OSError as error:
        return _fallback(
            f"Sango cannot save in the folder {data_dir} ({error.strerror or error}). "
            "The game works, but progress is forgotten when it closes."
        )

    recovered_from: Path | None = None
    for _ in range(2):  # the second round opens the fresh file made after moving one aside
        try:
            connection = connect_file(path)
        except DamagedFile as damage:
            log.warning("save file %s is damaged (%s); moving it aside", path, damage)
            try:
                recovered_from = move_aside(path)
            except OSError as error:
                return _fallback(
                    f"The saved progress in {path} is damaged and could not be moved aside "
                    f"({error.strerror or error}). The game works, but does not save."
                )
            continue
        except NewerSchema:
            return _fallback(
                f"The saved progress in {path} was made by a newer version of Sango. "
                "This version leaves it untouched and does not save."
            )
        except (sqlite3.Error, OSError) as error:
            return _fallback(
                f"Sango cannot open its save file {path} ({error}). "
                "The game works, but progress is forgotten when it closes."
            )
        return Opened(connection, path, recovered_from, None)
    return _fallback(
        f"Sango could not make a new save file in {data_dir}. "
        "The game works, but progress is forgotten when it closes."
    )


def connect_file(path: Path) -> sqlite3.Connection:
    """Connect to a save file, check it whole, switch on WAL and bring the schema up to date.

    Raises:
        DamagedFile: The file is not SQLite, or is truncated or otherwise corrupt.
        NewerSchema: The file comes from a newer Sango.
        sqlite3.Error: Anything else, such as a read-only file.
    """
    _check_header(path)
    connection = sqlite3.connect(path, isolation_level=None, timeout=_BUSY_TIMEOUT_MS / 1000)
    try:
        configure(connection)
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise DamagedFile("; ".join(str(problem) for problem in problems[:5]))
        found = schema_version(connection)
        if found > LATEST_VERSION:
            raise NewerSchema(found, LATEST_VERSION)  # before WAL, which rewrites the header
        # WAL with synchronous=FULL: each commit is fsynced, so an acknowledged write survives
        # a power cut as well as a killed process. WAL may be refused (some network drives);
        # the rollback journal is then just as safe, only slower.
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        migrate(connection)
    except sqlite3.DatabaseError as error:
        connection.close()
        if is_damage(error):
            raise DamagedFile(str(error)) from error
        raise
    except BaseException:
        connection.close()
        raise
    return connection


def connect_memory() -> sqlite3.Connection:
    """A fresh in-memory database with the current schema."""
    connection = sqlite3.connect(":memory:", isolation_level=None)
    configure(connection)
    migrate(connection)
    return connection


def configure(connection: sqlite3.Connection) -> None:
    """The per-connection settings every store connection needs."""
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS:d}")
    # Erased players must really be gone from the file, not linger in free pages.
    connection.execute("PRAGMA secure_delete = ON")


def move_aside(path: Path) -> Path:
    """Rename a damaged save file (and its companions) to `<name>.broken-<timestamp>`."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    number = 1
    while any(Path(f"{target}{suffix}").exists() for suffix in ("", *_COMPANIONS)):
        number += 1
        target = path.with_name(f"{path.name}.broken-{stamp}-{number}")
    os.replace(path, target)
    for suffix in _COMPANIONS:
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            # A stale WAL beside a fresh database would be replayed into it: move it too.
            os.replace(companion, Path(f"{target}{suffix}"))
    return target


def is_damage(error: sqlite3.Error) -> bool:
    """Whether SQLite says the file itself is corrupt or not a database."""
    return _primary_code(error) in _DAMAGE_CODES


def is_storage_failure(error: sqlite3.Error) -> bool:
    """Whether a write failed because of the disk or file (full, read-only, gone, damaged)."""
    return _primary_code(error) in _STORAGE_CODES


def _primary_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _check_header(path: Path) -> None:
    """Raise DamagedFile when a non-empty file does not start like SQLite."""
    try:
        with path.open("rb") as file:
            header = file.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        return
    if header and header != _SQLITE_HEADER:
        raise DamagedFile("the file does not start with the SQLite header")


def _probe_writable(data_dir: Path) -> None:
    """Raise OSError unless a file can be created in the folder."""
    with tempfile.TemporaryFile(dir=data_dir, prefix=".sango-probe-"):
        pass


def _fallback(reason: str) -> Opened:
    log.warning("%s", reason)
    return Opened(connect_memory(), None, None, reason)


def copy_to_memory(connection: sqlite3.Connection) -> sqlite3.Connection:
    """A memory copy of what the connection holds, or a fresh memory database if unreadable."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        connection.backup(memory)
        configure(memory)
        migrate(memory)
    except sqlite3.Error:
        memory.close()
        return connect_memory()
    return memory


def close_quietly(connection: sqlite3.Connection) -> None:
    """Close a connection that may already be broken."""
    with contextlib.suppress(sqlite3.Error):
        connection.close()
