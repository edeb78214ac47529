"""A save file from any earlier version of Sango opens in this one with nothing lost: every schema
version, upgraded in one step, keeps the children's players, settings, progress and answers, and
the game plays on it."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from game.store import LATEST_VERSION, MIGRATIONS, Store
from game.store.migrations import migrate
from game.store.opening import DATABASE_NAME, configure
from tests.driver import make_driver
from tests.robustness.journeys import play_first_level

EARLIER_VERSIONS = list(range(LATEST_VERSION))


def make_old_save_file(data_dir: Path, version: int) -> dict[str, object]:
    """A save file at schema `version`, holding what a child of that time would have saved."""
    data_dir.mkdir(parents=True)
    connection = sqlite3.connect(data_dir / DATABASE_NAME, isolation_level=None)
    configure(connection)
    migrate(connection, MIGRATIONS[:version])
    assert connection.execute("PRAGMA user_version").fetchone()[0] == version
    if version == 0:
        connection.close()
        return {}
    store = Store(connection)  # the methods below only touch the tables of version 1
    ama = store.create_player("Ama", "owl")
    kofi = store.create_player(None, "lion")
    store.save_settings(None, {"text_scale": 150})
    store.save_settings(ama.id, {"high_contrast": True, "input_mode": "one-switch"})
    attempt = store.start_level(ama.id, "privacy-treasure", "under-9")
    store.record_answer(ama.id, "privacy-treasure", attempt, 4, "unsafe")
    store.record_answer(ama.id, "privacy-treasure", attempt, 4, "safe")
    store.complete_level(ama.id, "privacy-treasure", None, "treasure-keeper")
    started = store.start_level(kofi.id, "grooming-secrets", "9-12")
    store.record_answer(kofi.id, "grooming-secrets", started, 2, "ok")
    expected = {
        "players": [(p.id, p.nickname, p.avatar) for p in store.players()],
        "progress": {p.id: store.progress(p.id) for p in store.players()},
        "answers": store.answers(ama.id, "privacy-treasure"),
        "settings": store.load_settings(ama.id),
        "machine": store.load_settings(None),
        "badges": store.badges(ama.id),
    }
    connection.close()
    return expected


@pytest.mark.parametrize("version", EARLIER_VERSIONS)
def test_a_save_file_from_any_earlier_version_opens_with_nothing_lost(
    data_dir: Path, version: int
) -> None:
    expected = make_old_save_file(data_dir, version)

    store = Store.open(data_dir)
    try:
        assert store.saves and store.recovered_from is None
        assert store.integrity_problems() == []
        connection = sqlite3.connect(data_dir / DATABASE_NAME)
        assert connection.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        connection.close()
        if expected:
            ama = store.player_by_nickname("Ama")
            assert ama is not None
            assert [(p.id, p.nickname, p.avatar) for p in store.players()] == expected["players"]
            assert {p.id: store.progress(p.id) for p in store.players()} == expected["progress"]
            assert store.answers(ama.id, "privacy-treasure") == expected["answers"]
            assert store.load_settings(ama.id) == expected["settings"]
            assert store.load_settings(None) == expected["machine"]
            assert store.badges(ama.id) == expected["badges"]
    finally:
        store.close()


@pytest.mark.parametrize("version", EARLIER_VERSIONS)
def test_the_game_plays_on_an_upgraded_save_file(data_dir: Path, version: int) -> None:
    make_old_save_file(data_dir, version)

    game = make_driver(data_dir, overrides={"input_mode": "mouse"})
    try:
        assert not [notice for notice in game.ctx.notices if "moved aside" in notice]
        game.click("play")
        if version:
            game.click(f"player-{game.ctx.store.player_by_nickname('Ama').id}")
        else:
            game.click("avatar-owl")
            game.click("done")
        level_id = play_first_level(game, "under-9")
        assert game.ctx.store.progress(game.ctx.player.id)[level_id].status == "completed"
    finally:
        game.close()
    with Store.open(data_dir) as reopened:
        assert reopened.integrity_problems() == []


def test_an_upgrade_that_fails_in_its_last_step_leaves_the_old_file_whole(
    data_dir: Path,
) -> None:
    """Every pending migration runs in one transaction: a failure in the last undoes them all."""
    make_old_save_file(data_dir, 1)
    connection = sqlite3.connect(data_dir / DATABASE_NAME, isolation_level=None)
    before = connection.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    last = MIGRATIONS[-1]
    failing = replace(last, statements=(*last.statements, "THIS IS NOT SQL"))

    with pytest.raises(sqlite3.Error):
        migrate(connection, (*MIGRATIONS[:-1], failing))

    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    assert connection.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall() == (
        before
    )
    connection.close()
    with Store.open(data_dir) as store:
        assert store.player_by_nickname("Ama") is not None
