"""The Store: everything the game remembers, in one SQLite file.

Every write is one transaction, committed with WAL and `synchronous=FULL` before the method
returns: once a call has returned, a crash, a killed process or a power cut cannot lose it.
If the disk stops taking writes during play (full, removed, made read-only), the store copies
what it holds into memory, says why in `read_only_reason`, and the game plays on without saving.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar

from game.store.errors import ClassNameTaken, LevelNotStarted, UnknownClass, UnknownPlayer
from game.store.migrations import schema_version
from game.store.opening import (
    DATABASE_NAME,
    close_quietly,
    connect_memory,
    copy_to_memory,
    is_storage_failure,
    open_data_dir,
)
from game.store.values import (
    CLASS_NAME_MAX_LENGTH,
    NICKNAME_MAX_LENGTH,
    RESULTS,
    GateRecord,
    LevelProgress,
    Player,
    Result,
    SchoolClass,
)

Clock = Callable[[], datetime]
"""Tells the time as an aware datetime; tests pass their own to travel in time."""

T = TypeVar("T")

_AVATAR_MAX_LENGTH = 64
_EXPORT_FORMAT = "sango-export"


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Store:
    """Players, their settings and their progress, kept on this machine only.

    Make one with `Store.open(data_dir)` (or `Store.in_memory()` in tests) and hand it around
    through the Context. Not thread-safe: use it from the game loop's thread.

    Attributes:
        path: The database file, or None when nothing is saved to disk.
        recovered_from: Where a damaged save file was moved when it was found at opening, so the
            adult can be told; None when the file was fine.
        read_only_reason: Plain words for the adult saying why nothing is being saved, or None
            while saving works.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        *,
        path: Path | None = None,
        recovered_from: Path | None = None,
        read_only_reason: str | None = None,
        clock: Clock | None = None,
    ) -> None:
        """Wrap a connection that is already configured and migrated; prefer `Store.open`."""
        self._connection = connection
        self._clock: Clock = clock or _utc_now
        self.path = path
        self.recovered_from = recovered_from
        self.read_only_reason = read_only_reason

    # -- opening and closing ------------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path, *, clock: Clock | None = None) -> Store:
        """Open or create `data_dir/sango.db`; never raises for a bad file or folder.

        A damaged file is moved aside (see `recovered_from`) and a fresh one started. An
        unwritable folder, or a file from a newer Sango, gives an in-memory store with
        `read_only_reason` set.

        Args:
            data_dir: The per-user data folder; created with its parents if missing.
            clock: Tells the time; defaults to the system clock.
        """
        opened = open_data_dir(Path(data_dir))
        return cls(
            opened.connection,
            path=opened.path,
            recovered_from=opened.recovered_from,
            read_only_reason=opened.read_only_reason,
            clock=clock,
        )

    @classmethod
    def in_memory(cls, *, clock: Clock | None = None) -> Store:
        """A store that forgets everything when closed, for tests and previews."""
        return cls(connect_memory(), clock=clock)

    @property
    def saves(self) -> bool:
        """Whether writes reach the disk."""
        return self.path is not None and self.read_only_reason is None

    @property
    def data_dir(self) -> Path | None:
        """The folder holding the save file, if there is one."""
        return None if self.path is None else self.path.parent

    def close(self) -> None:
        """Close the database; every acknowledged write is already on disk."""
        if self.saves:
            with contextlib.suppress(sqlite3.Error):
                self._connection.execute("PRAGMA optimize")
        self._connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- players ------------------------------------------------------------------------------

    def create_player(self, nickname: str | None, avatar: str) -> Player:
        """Add a player profile.

        Args:
            nickname: Optional; trimmed, inner spaces collapsed, cut to 20 characters; an empty
                one becomes None. Two players may share one; `nickname_in_use` lets the
                players screen suggest another.
            avatar: The avatar's id, such as "fox".

        Raises:
            ValueError: The avatar is empty or longer than 64 characters.
        """
        clean = normalize_nickname(nickname)
        avatar = _check_avatar(avatar)
        created_at = self._now()

        def work(connection: sqlite3.Connection) -> int:
            cursor = connection.execute(
                "INSERT INTO players (nickname, avatar, created_at) VALUES (?, ?, ?)",
                (clean, avatar, created_at),
            )
            return int(cursor.lastrowid or 0)

        player_id = self._write(work)
        return Player(player_id, clean, avatar, _parse_time(created_at))

    def players(self) -> list[Player]:
        """Every player, oldest profile first."""
        rows = self._connection.execute(
            "SELECT id, nickname, avatar, created_at FROM players ORDER BY id"
        ).fetchall()
        return [_player(row) for row in rows]

    def player(self, player_id: int) -> Player | None:
        """The player with this id, or None."""
        row = self._connection.execute(
            "SELECT id, nickname, avatar, created_at FROM players WHERE id = ?", (player_id,)
        ).fetchone()
        return None if row is None else _player(row)

    def player_by_nickname(self, name: str) -> Player | None:
        """The player with this nickname, ignoring case and extra spaces, or None.

        If several players share it, the oldest profile.
        """
        return next(self._players_called(name), None)

    def nickname_in_use(self, name: str | None, *, other_than: int | None = None) -> bool:
        """Whether a player already has this nickname, ignoring case and extra spaces.

        Args:
            name: The nickname as typed.
            other_than: A player to leave out, such as the one being renamed.
        """
        return any(player.id != other_than for player in self._players_called(name))

    def rename_player(self, player_id: int, nickname: str | None) -> Player:
        """Give a player a new nickname (cleaned as in `create_player`), or none.

        Raises:
            UnknownPlayer: No player has this id.
        """
        clean = normalize_nickname(nickname)

        def work(connection: sqlite3.Connection) -> None:
            _ensure_player(connection, player_id)
            connection.execute("UPDATE players SET nickname = ? WHERE id = ?", (clean, player_id))

        self._write(work)
        renamed = self.player(player_id)
        assert renamed is not None
        return renamed

    def delete_player(self, player_id: int) -> None:
        """Erase a player and everything about them: settings, progress and answers.

        Raises:
            UnknownPlayer: No player has this id.
        """

        def work(connection: sqlite3.Connection) -> None:
            _ensure_player(connection, player_id)
            connection.execute("DELETE FROM players WHERE id = ?", (player_id,))

        self._write(work)
        self._forget_history()

    # -- settings -----------------------------------------------------------------------------

    def load_settings(self, player_id: int | None) -> dict[str, object]:
        """The settings saved for a player, or the machine-wide defaults for None.

        Only keys saved for exactly that owner are returned; see `effective_settings`.
        """
        rows = self._connection.execute(
            "SELECT key, value FROM settings WHERE player_id IS ? ORDER BY key", (player_id,)
        ).fetchall()
        return {key: json.loads(value) for key, value in rows}

    def effective_settings(self, player_id: int | None) -> dict[str, object]:
        """The machine-wide defaults overlaid with the player's own settings."""
        values = self.load_settings(None)
        if player_id is not None:
            values.update(self.load_settings(player_id))
        return values

    def save_settings(self, player_id: int | None, values: Mapping[str, object]) -> None:
        """Save the given keys for a player (or machine-wide for None), in one transaction.

        Keys not given keep their saved values. Values must be JSON: None, bool, int, float
        (finite), str, lists and dicts of those; tuples come back as lists.

        Raises:
            UnknownPlayer: No player has this id.
            TypeError: A key is not a string or a value is not JSON.
            ValueError: A key is empty or a number is not finite.
        """
        encoded = [(key, _encode_setting(key, value)) for key, value in values.items()]

        def work(connection: sqlite3.Connection) -> None:
            if player_id is not None:
                _ensure_player(connection, player_id)
            for key, value in encoded:
                connection.execute(
                    "DELETE FROM settings WHERE player_id IS ? AND key = ?", (player_id, key)
                )
                connection.execute(
                    "INSERT INTO settings (player_id, key, value) VALUES (?, ?, ?)",
                    (player_id, key, value),
                )

        self._write(work)

    # -- progress -----------------------------------------------------------------------------

    def start_level(self, player_id: int, level_id: str, band: str) -> int:
        """Record that a player starts (or restarts) a level.

        A level never finished starts a fresh attempt: its safe/unsafe counts go back to 0.
        A finished level stays "completed" and keeps the counts of its latest finished attempt
        until this replay finishes.

        Returns:
            The attempt number (1 for the first start), to pass to `record_answer`.

        Raises:
            UnknownPlayer: No player has this id.
            ValueError: The level id or band is empty.
        """
        level_id = _check_name(level_id, "level id")
        band = _check_name(band, "band")
        now = self._now()

        def work(connection: sqlite3.Connection) -> int:
            _ensure_player(connection, player_id)
            row = connection.execute(
                "SELECT attempts FROM progress WHERE player_id = ? AND level_id = ?",
                (player_id, level_id),
            ).fetchone()
            if row is None:
                connection.execute(
                    "INSERT INTO progress (player_id, level_id, band, status, attempts,"
                    " started_at) VALUES (?, ?, ?, 'in-progress', 1, ?)",
                    (player_id, level_id, band, now),
                )
                return 1
            connection.execute(
                "UPDATE progress SET attempts = attempts + 1, band = ?,"
                " safe = CASE status WHEN 'completed' THEN safe ELSE 0 END,"
                " unsafe = CASE status WHEN 'completed' THEN unsafe ELSE 0 END"
                " WHERE player_id = ? AND level_id = ?",
                (band, player_id, level_id),
            )
            return int(row[0]) + 1

        return self._write(work)

    def record_answer(
        self, player_id: int, level_id: str, attempt: int, step_index: int, result: Result
    ) -> None:
        """Record how a step was answered, and update the level's counts, in one transaction.

        An answer for an older attempt is kept in the history but changes no counts.

        Raises:
            LevelNotStarted: The player never started this level.
            ValueError: The result is not safe/unsafe/ok, or the attempt or step is out of range.
        """
        if result not in RESULTS:
            raise ValueError(f"result must be one of {', '.join(RESULTS)}, not {result!r}")
        if _not_count(step_index) or step_index < 0:
            raise ValueError(f"step index must be a whole number from 0, not {step_index!r}")
        if _not_count(attempt) or attempt < 1:
            raise ValueError(f"attempt must be a whole number from 1, not {attempt!r}")
        now = self._now()

        def work(connection: sqlite3.Connection) -> None:
            row = connection.execute(
                "SELECT attempts, status FROM progress WHERE player_id = ? AND level_id = ?",
                (player_id, level_id),
            ).fetchone()
            if row is None:
                raise LevelNotStarted(player_id, level_id)
            attempts, status = row
            if attempt > attempts:
                raise ValueError(
                    f"attempt {attempt} of level {level_id!r} was never started "
                    f"(latest is {attempts})"
                )
            connection.execute(
                "INSERT INTO answers (player_id, level_id, attempt, step_index, result, at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (player_id, level_id, attempt, step_index, result, now),
            )
            if status == "in-progress" and attempt == attempts:
                _count_attempt(connection, player_id, level_id, attempt)

        self._write(work)

    def complete_level(
        self, player_id: int, level_id: str, stars: int | None, badge: str | None
    ) -> None:
        """Record that the player finished the current attempt of a level.

        The level's counts become this attempt's, `finished_at` becomes now, `stars` keeps the
        best so far, and a badge, once earned, is kept.

        Raises:
            LevelNotStarted: The player never started this level.
            ValueError: Stars are negative or the badge is empty.
        """
        if stars is not None and (_not_count(stars) or stars < 0):
            raise ValueError(f"stars must be a whole number from 0 or None, not {stars!r}")
        if badge is not None:
            badge = _check_name(badge, "badge")
        now = self._now()

        def work(connection: sqlite3.Connection) -> None:
            row = connection.execute(
                "SELECT attempts, stars, badge, badge_earned_at FROM progress"
                " WHERE player_id = ? AND level_id = ?",
                (player_id, level_id),
            ).fetchone()
            if row is None:
                raise LevelNotStarted(player_id, level_id)
            attempts, old_stars, old_badge, earned_at = row
            best = (
                old_stars
                if stars is None or (old_stars is not None and old_stars > stars)
                else stars
            )
            new_badge = badge if badge is not None else old_badge
            if new_badge is not None and earned_at is None:
                earned_at = now
            connection.execute(
                "UPDATE progress SET status = 'completed', finished_at = ?, stars = ?,"
                " badge = ?, badge_earned_at = ? WHERE player_id = ? AND level_id = ?",
                (now, best, new_badge, earned_at, player_id, level_id),
            )
            _count_attempt(connection, player_id, level_id, attempts)

        self._write(work)

    def progress(self, player_id: int) -> dict[str, LevelProgress]:
        """The player's record for every level they started, by level id."""
        rows = self._connection.execute(
            "SELECT level_id, band, status, attempts, safe, unsafe, stars, badge,"
            " badge_earned_at, started_at, finished_at FROM progress WHERE player_id = ?"
            " ORDER BY started_at, level_id",
            (player_id,),
        ).fetchall()
        return {row[0]: _level_progress(row) for row in rows}

    def badges(self, player_id: int) -> list[str]:
        """The player's badges, in the order they were earned, each once."""
        rows = self._connection.execute(
            "SELECT badge FROM progress WHERE player_id = ? AND badge IS NOT NULL"
            " ORDER BY badge_earned_at, rowid",
            (player_id,),
        ).fetchall()
        return list(dict.fromkeys(row[0] for row in rows))

    def answers(self, player_id: int, level_id: str) -> list[tuple[int, int, Result]]:
        """Every answer recorded for a player's level as (attempt, step index, result)."""
        rows = self._connection.execute(
            "SELECT attempt, step_index, result FROM answers WHERE player_id = ? AND level_id = ?"
            " ORDER BY id",
            (player_id, level_id),
        ).fetchall()
        return [(int(attempt), int(step), result) for attempt, step, result in rows]

    # -- classes ------------------------------------------------------------------------------

    def create_class(self, name: str) -> SchoolClass:
        """Add a class.

        Args:
            name: Cleaned like a nickname, up to 40 characters; unique ignoring case.

        Raises:
            ValueError: The name is empty.
            ClassNameTaken: Another class already has this name.
        """
        clean = _class_name(name)
        created_at = self._now()

        def work(connection: sqlite3.Connection) -> int:
            _ensure_free_class_name(connection, clean, None)
            cursor = connection.execute(
                "INSERT INTO classes (name, created_at) VALUES (?, ?)", (clean, created_at)
            )
            return int(cursor.lastrowid or 0)

        class_id = self._write(work)
        return SchoolClass(class_id, clean, _parse_time(created_at))

    def classes(self) -> list[SchoolClass]:
        """Every class, by name (ignoring case)."""
        rows = self._connection.execute(
            "SELECT id, name, created_at FROM classes ORDER BY name COLLATE NOCASE, id"
        ).fetchall()
        return [_school_class(row) for row in rows]

    def school_class(self, class_id: int) -> SchoolClass | None:
        """The class with this id, or None."""
        row = self._connection.execute(
            "SELECT id, name, created_at FROM classes WHERE id = ?", (class_id,)
        ).fetchone()
        return None if row is None else _school_class(row)

    def class_by_name(self, name: str) -> SchoolClass | None:
        """The class with this name, ignoring case and extra spaces, or None."""
        clean = normalize_nickname(name)
        if clean is None:
            return None
        row = self._connection.execute(
            "SELECT id, name, created_at FROM classes WHERE name = ? COLLATE NOCASE", (clean,)
        ).fetchone()
        return None if row is None else _school_class(row)

    def rename_class(self, class_id: int, name: str) -> SchoolClass:
        """Give a class a new name.

        Raises:
            UnknownClass: No class has this id.
            ValueError: The name is empty.
            ClassNameTaken: Another class already has this name.
        """
        clean = _class_name(name)

        def work(connection: sqlite3.Connection) -> None:
            _ensure_class(connection, class_id)
            _ensure_free_class_name(connection, clean, class_id)
            connection.execute("UPDATE classes SET name = ? WHERE id = ?", (clean, class_id))

        self._write(work)
        renamed = self.school_class(class_id)
        assert renamed is not None
        return renamed

    def delete_class(self, class_id: int) -> None:
        """Remove a class and its settings; its players stay, without a class.

        Raises:
            UnknownClass: No class has this id.
        """

        def work(connection: sqlite3.Connection) -> None:
            _ensure_class(connection, class_id)
            connection.execute("DELETE FROM classes WHERE id = ?", (class_id,))

        self._write(work)

    def class_of(self, player_id: int) -> int | None:
        """The id of the player's class, or None."""
        row = self._connection.execute(
            "SELECT class_id FROM class_members WHERE player_id = ?", (player_id,)
        ).fetchone()
        return None if row is None else int(row[0])

    def assign_class(self, player_id: int, class_id: int | None) -> None:
        """Put a player in a class (leaving any other), or in none for None.

        Raises:
            UnknownPlayer: No player has this id.
            UnknownClass: No class has this id.
        """

        def work(connection: sqlite3.Connection) -> None:
            _ensure_player(connection, player_id)
            connection.execute("DELETE FROM class_members WHERE player_id = ?", (player_id,))
            if class_id is not None:
                _ensure_class(connection, class_id)
                connection.execute(
                    "INSERT INTO class_members (player_id, class_id) VALUES (?, ?)",
                    (player_id, class_id),
                )

        self._write(work)

    def class_members(self, class_id: int | None) -> list[Player]:
        """The players of a class, oldest profile first; for None, the players without one."""
        if class_id is None:
            query = (
                "SELECT id, nickname, avatar, created_at FROM players WHERE id NOT IN"
                " (SELECT player_id FROM class_members) ORDER BY id"
            )
            rows = self._connection.execute(query).fetchall()
        else:
            rows = self._connection.execute(
                "SELECT p.id, p.nickname, p.avatar, p.created_at FROM players p"
                " JOIN class_members m ON m.player_id = p.id WHERE m.class_id = ? ORDER BY p.id",
                (class_id,),
            ).fetchall()
        return [_player(row) for row in rows]

    def load_class_settings(self, class_id: int | None) -> dict[str, object]:
        """What an adult set for a class (controls, defaults, locks); for None, for the players
        without a class."""
        rows = self._connection.execute(
            "SELECT key, value FROM class_settings WHERE class_id IS ? ORDER BY key", (class_id,)
        ).fetchall()
        return {key: json.loads(value) for key, value in rows}

    def save_class_settings(self, class_id: int | None, values: Mapping[str, object]) -> None:
        """Save the given keys for a class (or for players without a class, for None).

        A value of None removes the key. Other values must be JSON, as in `save_settings`.

        Raises:
            UnknownClass: No class has this id.
            TypeError: A key is not a string or a value is not JSON.
            ValueError: A key is empty or a number is not finite.
        """
        encoded = [
            (key, None if value is None else _encode_setting(key, value))
            for key, value in values.items()
        ]

        def work(connection: sqlite3.Connection) -> None:
            if class_id is not None:
                _ensure_class(connection, class_id)
            for key, value in encoded:
                connection.execute(
                    "DELETE FROM class_settings WHERE class_id IS ? AND key = ?", (class_id, key)
                )
                if value is not None:
                    connection.execute(
                        "INSERT INTO class_settings (class_id, key, value) VALUES (?, ?, ?)",
                        (class_id, key, value),
                    )

        self._write(work)

    # -- the adult gate -----------------------------------------------------------------------

    def gate(self) -> GateRecord | None:
        """The stored adult PIN hash, or None when no PIN has been set yet."""
        row = self._connection.execute(
            "SELECT algorithm, salt, digest, failures, locked_until, set_at FROM adult_gate"
            " WHERE id = 1"
        ).fetchone()
        if row is None:
            return None
        algorithm, salt, digest, failures, locked_until, set_at = row
        return GateRecord(
            algorithm=algorithm,
            salt=bytes(salt),
            digest=bytes(digest),
            failures=int(failures),
            locked_until=_optional_time(locked_until),
            set_at=_parse_time(set_at),
        )

    def set_gate(self, algorithm: str, salt: bytes, digest: bytes) -> None:
        """Store a new PIN hash, replacing any old one and clearing failures."""
        algorithm = _check_name(algorithm, "algorithm")
        now = self._now()

        def work(connection: sqlite3.Connection) -> None:
            connection.execute("DELETE FROM adult_gate")
            connection.execute(
                "INSERT INTO adult_gate (id, algorithm, salt, digest, failures, set_at)"
                " VALUES (1, ?, ?, ?, 0, ?)",
                (algorithm, bytes(salt), bytes(digest), now),
            )

        self._write(work)

    def record_gate_attempt(self, success: bool, locked_until: datetime | None = None) -> int:
        """Count a wrong PIN (and maybe a lock-out time), or clear the count after a right one.

        Returns:
            The wrong tries in a row now (0 after a success, or when no PIN is set).
        """
        until = None if locked_until is None else _format_time(locked_until)

        def work(connection: sqlite3.Connection) -> int:
            if success:
                connection.execute(
                    "UPDATE adult_gate SET failures = 0, locked_until = NULL WHERE id = 1"
                )
                return 0
            connection.execute(
                "UPDATE adult_gate SET failures = failures + 1, locked_until = ? WHERE id = 1",
                (until,),
            )
            row = connection.execute("SELECT failures FROM adult_gate WHERE id = 1").fetchone()
            return 0 if row is None else int(row[0])

        return self._write(work)

    def clear_gate(self) -> None:
        """Forget the adult PIN; the next adult to open the adult area sets a new one."""
        self._write(lambda connection: connection.execute("DELETE FROM adult_gate"))
        self._forget_history()

    def now(self) -> datetime:
        """The store's clock, for things that must agree with its timestamps."""
        return self._clock()

    # -- for the adult ------------------------------------------------------------------------

    def erase_everything(self) -> None:
        """Erase every player, class, setting and record, and any damaged copies moved aside.

        The adult PIN stays, so erasing does not open the adult area to whoever comes next.
        """

        def work(connection: sqlite3.Connection) -> None:
            for table in (
                "answers",
                "progress",
                "settings",
                "class_settings",
                "class_members",
                "classes",
                "players",
            ):
                connection.execute(f"DELETE FROM {table}")

        self._write(work)
        self._forget_history()
        if self.path is not None:
            for broken in self.path.parent.glob(f"{DATABASE_NAME}.broken-*"):
                with contextlib.suppress(OSError):
                    broken.unlink()
        self.recovered_from = None

    def export_json(self) -> dict[str, Any]:
        """Everything the store holds, as plain JSON-ready data for the adult's export."""
        connection = self._connection
        connection.execute("BEGIN")  # one consistent snapshot across the queries
        try:
            players = [
                {
                    "id": player.id,
                    "nickname": player.nickname,
                    "avatar": player.avatar,
                    "created_at": player.created_at.isoformat(),
                    "settings": self.load_settings(player.id),
                    "progress": [
                        _progress_json(record) for record in self.progress(player.id).values()
                    ],
                    "answers": self._answers_json(player.id),
                    "class_id": self.class_of(player.id),
                }
                for player in self.players()
            ]
            classes = [
                {
                    "id": school_class.id,
                    "name": school_class.name,
                    "created_at": school_class.created_at.isoformat(),
                    "settings": self.load_class_settings(school_class.id),
                }
                for school_class in self.classes()
            ]
            machine = self.load_settings(None)
            adult = self.load_class_settings(None)
            version = schema_version(connection)
        finally:
            connection.execute("COMMIT")
        return {
            "format": _EXPORT_FORMAT,
            "schema_version": version,
            "exported_at": self._clock().astimezone(UTC).isoformat(),
            "settings": machine,
            "adult_settings": adult,
            "classes": classes,
            "players": players,
        }

    def integrity_problems(self) -> list[str]:
        """What `PRAGMA integrity_check` finds wrong; empty when the file is healthy."""
        problems = [str(row[0]) for row in self._connection.execute("PRAGMA integrity_check")]
        return [] if problems == ["ok"] else problems

    # -- inside -------------------------------------------------------------------------------

    def _players_called(self, name: str | None) -> Iterator[Player]:
        wanted = normalize_nickname(name)
        if wanted is None:
            return
        key = wanted.casefold()
        for player in self.players():
            if player.nickname is not None and player.nickname.casefold() == key:
                yield player

    def _answers_json(self, player_id: int) -> list[dict[str, object]]:
        rows = self._connection.execute(
            "SELECT level_id, attempt, step_index, result, at FROM answers WHERE player_id = ?"
            " ORDER BY id",
            (player_id,),
        ).fetchall()
        return [
            {"level_id": level, "attempt": attempt, "step_index": step, "result": result, "at": at}
            for level, attempt, step, result, at in rows
        ]

    def _now(self) -> str:
        return _format_time(self._clock())

    def _write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` as one transaction; if the disk fails, go on in memory and run it there."""
        try:
            return _transaction(self._connection, work)
        except sqlite3.Error as error:
            if not self.saves or not is_storage_failure(error):
                raise
            self._fall_back_to_memory(error)
        return _transaction(self._connection, work)

    def _fall_back_to_memory(self, error: sqlite3.Error) -> None:
        disk = self._connection
        self._connection = copy_to_memory(disk)
        close_quietly(disk)
        self.read_only_reason = (
            f"Saving stopped working ({error}). The game goes on, but what happens from now on "
            "is forgotten when it closes."
        )

    def _forget_history(self) -> None:
        """Empty the write-ahead log, so erased rows do not linger in it."""
        if self.saves:
            with contextlib.suppress(sqlite3.Error):
                self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def normalize_nickname(nickname: str | None) -> str | None:
    """A nickname as stored: NFC, no control characters, single spaces, at most 20 characters."""
    if nickname is None:
        return None
    if not isinstance(nickname, str):
        raise TypeError(f"a nickname is text, not {nickname!r}")
    text = unicodedata.normalize("NFC", nickname)
    text = "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)
    text = " ".join(text.split())[:NICKNAME_MAX_LENGTH].rstrip()
    return text or None


def _encode_setting(key: object, value: object) -> str:
    """Check a setting's name and encode its value as JSON."""
    if not isinstance(key, str):
        raise TypeError(f"setting names are strings, not {key!r}")
    if not key:
        raise ValueError("a setting needs a name")
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _class_name(name: str) -> str:
    """A class name as stored: cleaned like a nickname, at most 40 characters, never empty."""
    if not isinstance(name, str):
        raise TypeError(f"a class name is text, not {name!r}")
    text = unicodedata.normalize("NFC", name)
    text = "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)
    text = " ".join(text.split())[:CLASS_NAME_MAX_LENGTH].rstrip()
    if not text:
        raise ValueError("a class needs a name")
    return text


def _ensure_class(connection: sqlite3.Connection, class_id: int) -> None:
    if connection.execute("SELECT 1 FROM classes WHERE id = ?", (class_id,)).fetchone() is None:
        raise UnknownClass(class_id)


def _ensure_free_class_name(
    connection: sqlite3.Connection, name: str, other_than: int | None
) -> None:
    row = connection.execute(
        "SELECT id FROM classes WHERE name = ? COLLATE NOCASE AND id IS NOT ?", (name, other_than)
    ).fetchone()
    if row is not None:
        raise ClassNameTaken(name)


def _school_class(row: tuple[Any, ...]) -> SchoolClass:
    class_id, name, created_at = row
    return SchoolClass(int(class_id), name, _parse_time(created_at))


def _transaction(connection: sqlite3.Connection, work: Callable[[sqlite3.Connection], T]) -> T:
    connection.execute("BEGIN IMMEDIATE")
    try:
        result = work(connection)
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
        raise
    return result


def _count_attempt(
    connection: sqlite3.Connection, player_id: int, level_id: str, attempt: int
) -> None:
    connection.execute(
        "UPDATE progress SET"
        " safe = (SELECT count(*) FROM answers WHERE player_id = :player AND level_id = :level"
        "   AND attempt = :attempt AND result = 'safe'),"
        " unsafe = (SELECT count(*) FROM answers WHERE player_id = :player AND level_id = :level"
        "   AND attempt = :attempt AND result = 'unsafe')"
        " WHERE player_id = :player AND level_id = :level",
        {"player": player_id, "level": level_id, "attempt": attempt},
    )


def _ensure_player(connection: sqlite3.Connection, player_id: int) -> None:
    if connection.execute("SELECT 1 FROM players WHERE id = ?", (player_id,)).fetchone() is None:
        raise UnknownPlayer(player_id)


def _check_avatar(avatar: str) -> str:
    avatar = _check_name(avatar, "avatar").strip()
    if len(avatar) > _AVATAR_MAX_LENGTH:
        raise ValueError(f"an avatar id has at most {_AVATAR_MAX_LENGTH} characters: {avatar!r}")
    return avatar


def _check_name(value: str, what: str) -> str:
    """Refuse an empty id; ids are kept exactly as given, so later calls match them."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"the {what} must be a non-empty string, not {value!r}")
    return value


def _not_count(value: object) -> bool:
    return isinstance(value, bool) or not isinstance(value, int)


def _format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _optional_time(text: str | None) -> datetime | None:
    return None if text is None else _parse_time(text)


def _player(row: tuple[Any, ...]) -> Player:
    player_id, nickname, avatar, created_at = row
    return Player(int(player_id), nickname, avatar, _parse_time(created_at))


def _level_progress(row: tuple[Any, ...]) -> LevelProgress:
    (level_id, band, status, attempts, safe, unsafe, stars, badge, earned_at, started, finished) = (
        row
    )
    return LevelProgress(
        level_id=level_id,
        band=band,
        status=status,
        attempts=int(attempts),
        safe=int(safe),
        unsafe=int(unsafe),
        stars=stars,
        badge=badge,
        badge_earned_at=_optional_time(earned_at),
        started_at=_parse_time(started),
        finished_at=_optional_time(finished),
    )


def _progress_json(record: LevelProgress) -> dict[str, object]:
    return {
        "level_id": record.level_id,
        "band": record.band,
        "status": record.status,
        "attempts": record.attempts,
        "safe": record.safe,
        "unsafe": record.unsafe,
        "stars": record.stars,
        "badge": record.badge,
        "badge_earned_at": _optional_iso(record.badge_earned_at),
        "started_at": record.started_at.isoformat(),
        "finished_at": _optional_iso(record.finished_at),
    }


def _optional_iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()
