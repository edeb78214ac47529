"""Settings: machine-wide defaults and each player's own."""

from __future__ import annotations

import pytest

from game.store import Store, UnknownPlayer


def test_settings_round_trip_per_player_and_machine_wide(store: Store) -> None:
    ada = store.create_player("Ada", "fox")
    kit = store.create_player("Kit", "owl")

    store.save_settings(None, {"locale": "fr", "narration": True, "volume": 0.5})
    store.save_settings(ada.id, {"text_scale": 175, "narration": False, "palette": ["a", "b"]})
    store.save_settings(kit.id, {"input_mode": {"kind": "one-switch", "scan_ms": 1500}})

    assert store.load_settings(None) == {"locale": "fr", "narration": True, "volume": 0.5}
    assert store.load_settings(ada.id) == {
        "text_scale": 175,
        "narration": False,
        "palette": ["a", "b"],
    }
    assert store.load_settings(kit.id) == {"input_mode": {"kind": "one-switch", "scan_ms": 1500}}
    assert store.effective_settings(ada.id) == {
        "locale": "fr",
        "narration": False,
        "volume": 0.5,
        "text_scale": 175,
        "palette": ["a", "b"],
    }


def test_saving_replaces_only_the_keys_given(store: Store) -> None:
    store.save_settings(None, {"locale": "fr", "volume": 0.5})
    store.save_settings(None, {"volume": 0.8, "reduced_motion": True})

    assert store.load_settings(None) == {"locale": "fr", "volume": 0.8, "reduced_motion": True}
    rows = store._connection.execute("SELECT count(*) FROM settings").fetchone()[0]
    assert rows == 3


def test_a_bad_value_saves_nothing(store: Store) -> None:
    store.save_settings(None, {"volume": 0.5})

    with pytest.raises(TypeError):
        store.save_settings(None, {"volume": 0.9, "sound": object()})
    with pytest.raises(ValueError):
        store.save_settings(None, {"volume": float("nan")})
    assert store.load_settings(None) == {"volume": 0.5}


def test_settings_for_an_unknown_player_are_refused(store: Store) -> None:
    with pytest.raises(UnknownPlayer):
        store.save_settings(42, {"volume": 1})
    assert store.load_settings(42) == {}
