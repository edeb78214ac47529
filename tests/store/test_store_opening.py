"""Opening the save file: remembering across days, recovering from damage, never blocking play."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from game.store import LATEST_VERSION, Migration, Store, migrate
from game.store.opening import move_aside


def _raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def _play_a_bit(store: Store) -> int:
    ada = store.create_player("Ada", "fox")
    store.save_settings(None, {"locale": "fr"})
    store.save_settings(ada.id, {"text_scale": 150})
    attempt = store.start_level(ada.id, "privacy-treasure", "under-9")
    store.record_answer(ada.id, "privacy-treasure", attempt, 0, "safe")
    store.complete_level(ada.id, "privacy-treasure", stars=3, badge="treasure-keeper")
    return ada.id


def test_progress_is_remembered_the_next_day(data_dir: Path, clock) -> None:
    with Store.open(data_dir, clock=clock) as today:
        ada_id = _play_a_bit(today)
        yesterday = today.progress(ada_id)

    clock.advance(days=1)
    with Store.open(data_dir, clock=clock) as tomorrow:
        assert tomorrow.recovered_from is None and tomorrow.read_only_reason is None
        assert [player.nickname for player in tomorrow.players()] == ["Ada"]
        assert tomorrow.progress(ada_id) == yesterday
        assert tomorrow.badges(ada_id) == ["treasure-keeper"]
        assert tomorrow.load_settings(None) == {"locale": "fr"}
        assert tomorrow.load_settings(ada_id) == {"text_scale": 150}


def test_save_file_uses_wal_full_sync_and_foreign_keys(store: Store, data_dir: Path) -> None:
    _play_a_bit(store)
    pragma = store._connection.execute

    assert store.path == data_dir / "sango.db" and store.path.is_file()
    assert pragma("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert pragma("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert pragma("PRAGMA foreign_keys").fetchone()[0] == 1
    assert pragma("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert store.integrity_problems() == []
    store.close()

    raw = _raw(data_dir / "sango.db")
    assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()


def _assert_moved_aside_and_fresh(store: Store, data_dir: Path, original: bytes) -> None:
    assert store.recovered_from is not None
    assert store.recovered_from.parent == data_dir
    assert store.recovered_from.name.startswith("sango.db.broken-")
    assert store.recovered_from.read_bytes() == original, "the damaged file is kept as it was"
    assert store.read_only_reason is None and store.saves
    assert store.players() == []
    assert store.integrity_problems() == []


def test_garbage_save_file_is_moved_aside_and_play_goes_on(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    garbage = b"this is not a database, it is a drawing of a cat " * 200
    (data_dir / "sango.db").write_bytes(garbage)
    (data_dir / "sango.db-wal").write_bytes(b"stale log")

    with Store.open(data_dir) as store:
        _assert_moved_aside_and_fresh(store, data_dir, garbage)
        assert Path(f"{store.recovered_from}-wal").read_bytes() == b"stale log"
        _play_a_bit(store)

    with Store.open(data_dir) as again:
        assert again.recovered_from is None
        assert [player.nickname for player in again.players()] == ["Ada"]


@pytest.mark.parametrize("keep", [0.5, 0.1, 100 / 16384])
def test_truncated_save_file_is_moved_aside(data_dir: Path, keep: float) -> None:
    with Store.open(data_dir) as store:
        for number in range(60):
            player = store.create_player(f"Player {number}", "fox")
            attempt = store.start_level(player.id, "privacy-treasure", "under-9")
            for step in range(10):
                store.record_answer(player.id, "privacy-treasure", attempt, step, "safe")
    path = data_dir / "sango.db"
    assert not Path(f"{path}-wal").exists(), "closing checkpoints the log into the file"
    whole = path.read_bytes()
    assert len(whole) > 16384
    truncated = whole[: int(len(whole) * keep)]
    path.write_bytes(truncated)

    with Store.open(data_dir) as reopened:
        _assert_moved_aside_and_fresh(reopened, data_dir, truncated)


def test_moving_aside_twice_in_a_second_keeps_both(tmp_path: Path) -> None:
    path = tmp_path / "sango.db"
    path.write_bytes(b"first")
    first = move_aside(path)
    path.write_bytes(b"second")
    second = move_aside(path)

    assert first != second
    assert (first.read_bytes(), second.read_bytes()) == (b"first", b"second")


@pytest.mark.parametrize("kind", ["zero bytes", "empty SQLite file"])
def test_version_0_file_is_migrated(data_dir: Path, kind: str) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "sango.db"
    if kind == "zero bytes":
        path.touch()
    else:
        raw = _raw(path)
        raw.execute("CREATE TABLE scratch (x)")
        raw.execute("DROP TABLE scratch")
        raw.close()
    raw = _raw(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 0
    raw.close()

    with Store.open(data_dir) as store:
        assert store.recovered_from is None and store.saves
        assert store._connection.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        _play_a_bit(store)

    raw = _raw(path)
    tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
    assert {"players", "settings", "progress", "answers"} <= tables
    raw.close()


def test_a_failing_migration_changes_nothing(tmp_path: Path) -> None:
    raw = _raw(tmp_path / "sango.db")
    steps = [
        Migration(1, "a table", ("CREATE TABLE first (x)",)),
        Migration(2, "a typo", ("CREATE TABLE second (x)", "CREATE TABEL oops (x)")),
    ]

    with pytest.raises(sqlite3.OperationalError):
        migrate(raw, steps)

    assert raw.execute("PRAGMA user_version").fetchone()[0] == 0
    assert raw.execute("SELECT name FROM sqlite_schema").fetchall() == []
    assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 0
    with pytest.raises(ValueError, match="without gaps"):
        migrate(raw, [steps[1]])
    assert migrate(raw, steps[:1]) == 1
    raw.close()


def test_file_from_a_newer_sango_is_left_untouched(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "sango.db"
    raw = _raw(path)
    raw.execute("CREATE TABLE future (x)")
    raw.execute("PRAGMA user_version = 99")
    raw.close()
    before = path.read_bytes()

    with Store.open(data_dir) as store:
        assert store.read_only_reason is not None and "newer version" in store.read_only_reason
        assert not store.saves and store.recovered_from is None
        assert store.create_player("Ada", "fox").nickname == "Ada"  # play goes on

    assert path.read_bytes() == before


def test_unwritable_folder_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")

    with Store.open(blocker / "sango") as store:
        assert store.read_only_reason is not None
        assert "cannot save" in store.read_only_reason
        assert store.path is None and not store.saves
        ada_id = _play_a_bit(store)
        assert store.badges(ada_id) == ["treasure-keeper"]

    assert blocker.read_text() == "a file where the data folder should be"


def test_disk_filling_up_during_play_keeps_the_game_going(data_dir: Path) -> None:
    store = Store.open(data_dir)
    ada = store.create_player("Ada", "fox")
    attempt = store.start_level(ada.id, "privacy-treasure", "under-9")
    pages = store._connection.execute("PRAGMA page_count").fetchone()[0]
    store._connection.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now "full"

    recorded = 0
    while store.saves:
        store.record_answer(ada.id, "privacy-treasure", attempt, recorded, "safe")
        recorded += 1
        assert recorded < 10_000, "the file never filled up"
    for step in range(recorded, recorded + 5):
        store.record_answer(ada.id, "privacy-treasure", attempt, step, "safe")

    assert store.read_only_reason is not None and "Saving stopped" in store.read_only_reason
    assert store.progress(ada.id)["privacy-treasure"].safe == recorded + 5
    store.close()

    with Store.open(data_dir) as reopened:
        assert reopened.recovered_from is None and reopened.integrity_problems() == []
        kept = reopened.progress(ada.id)["privacy-treasure"].safe
        assert kept == recorded - 1, "everything acknowledged before the disk filled is kept"
