"""Classes and the adult PIN in the store, and the move of an old save file to schema 2."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from game.store import (
    LATEST_VERSION,
    MIGRATIONS,
    ClassNameTaken,
    Store,
    UnknownClass,
    migrate,
)


def test_a_version_1_save_file_moves_to_classes_keeping_everything(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    raw = sqlite3.connect(data_dir / "sango.db", isolation_level=None)
    raw.execute("PRAGMA foreign_keys = ON")
    assert migrate(raw, MIGRATIONS[:1]) == 1
    raw.execute(
        "INSERT INTO players (id, nickname, avatar, created_at) VALUES (1, 'Ada', 'fox', ?)",
        (datetime(2025, 1, 6, 9, tzinfo=UTC).isoformat(),),
    )
    raw.execute(
        "INSERT INTO progress (player_id, level_id, band, status, attempts, safe, unsafe,"
        " started_at, finished_at) VALUES (1, 'privacy-treasure', 'under-9', 'completed', 1,"
        " 3, 1, '2025-01-06T09:00:00+00:00', '2025-01-06T09:05:00+00:00')"
    )
    raw.execute("INSERT INTO settings (player_id, key, value) VALUES (1, 'text_scale', '150')")
    raw.close()

    with Store.open(data_dir) as store:
        assert store.saves and store.recovered_from is None
        version = store._connection.execute("PRAGMA user_version").fetchone()[0]
        assert version == LATEST_VERSION == 2
        [ada] = store.players()
        assert ada.nickname == "Ada"
        record = store.progress(ada.id)["privacy-treasure"]
        assert (record.status, record.safe, record.unsafe) == ("completed", 3, 1)
        assert store.load_settings(ada.id) == {"text_scale": 150}
        assert store.class_of(ada.id) is None and store.classes() == []
        owls = store.create_class("Owls")
        store.assign_class(ada.id, owls.id)

    with Store.open(data_dir) as reopened:
        assert reopened.class_of(ada.id) == owls.id
        assert [player.nickname for player in reopened.class_members(owls.id)] == ["Ada"]


def test_teacher_groups_players_into_classes(store: Store) -> None:
    ada = store.create_player("Ada", "fox")
    kit = store.create_player("Kit", "owl")
    lone = store.create_player(None, "cat")
    owls = store.create_class("  Owls  ")
    foxes = store.create_class("Foxes")

    store.assign_class(ada.id, owls.id)
    store.assign_class(kit.id, owls.id)
    store.assign_class(kit.id, foxes.id)  # a player is in one class at a time

    assert owls.name == "Owls"
    assert [c.name for c in store.classes()] == ["Foxes", "Owls"]
    assert store.class_members(owls.id) == [ada]
    assert store.class_members(foxes.id) == [kit]
    assert store.class_members(None) == [lone]
    assert store.class_by_name("owls") == owls
    with pytest.raises(ClassNameTaken):
        store.create_class("OWLS")
    with pytest.raises(ValueError):
        store.create_class("   ")
    assert store.rename_class(owls.id, "Wise owls").name == "Wise owls"

    store.delete_class(foxes.id)
    assert store.player(kit.id) == kit, "deleting a class keeps its players"
    assert store.class_of(kit.id) is None
    with pytest.raises(UnknownClass):
        store.assign_class(kit.id, foxes.id)

    store.delete_player(ada.id)
    assert store.class_members(owls.id) == []


def test_class_settings_are_kept_per_class_and_none_removes(store: Store) -> None:
    owls = store.create_class("Owls")
    store.save_class_settings(owls.id, {"controls": {"bands_off": ["13-18"]}, "projector": True})
    store.save_class_settings(None, {"settings_locked": True})
    store.save_class_settings(owls.id, {"projector": None})

    assert store.load_class_settings(owls.id) == {"controls": {"bands_off": ["13-18"]}}
    assert store.load_class_settings(None) == {"settings_locked": True}
    with pytest.raises(UnknownClass):
        store.save_class_settings(999, {"projector": True})


def test_export_lists_classes_but_never_the_pin(store: Store) -> None:
    owls = store.create_class("Owls")
    ada = store.create_player("Ada", "fox")
    store.assign_class(ada.id, owls.id)
    store.save_class_settings(owls.id, {"projector": True})
    store.set_gate("scrypt:16384:8:1", b"salt-bytes", b"digest-bytes")

    exported = store.export_json()

    assert exported["classes"][0]["name"] == "Owls"
    assert exported["classes"][0]["settings"] == {"projector": True}
    assert exported["players"][0]["class_id"] == owls.id
    assert "digest" not in repr(exported) and "salt" not in repr(exported)


def test_erasing_everything_erases_classes_but_keeps_the_pin(store: Store) -> None:
    owls = store.create_class("Owls")
    ada = store.create_player("Ada", "fox")
    store.assign_class(ada.id, owls.id)
    store.save_class_settings(owls.id, {"projector": True})
    store.set_gate("scrypt:16384:8:1", b"salt", b"digest")

    store.erase_everything()

    assert store.classes() == [] and store.players() == []
    assert store.load_class_settings(owls.id) == {}
    assert store.gate() is not None
