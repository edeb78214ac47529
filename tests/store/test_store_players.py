"""Player profiles: a nickname (optional) and an avatar, nothing else."""

from __future__ import annotations

import pytest

from game.store import Store, UnknownPlayer


def test_children_create_profiles_and_see_them_listed(store: Store) -> None:
    ada = store.create_player("  Ada   the  Brave ", "fox")
    no_name = store.create_player("   ", "owl")
    tomo = store.create_player(None, "cat")

    assert ada.nickname == "Ada the Brave"
    assert no_name.nickname is None and no_name.display_name == "owl"
    assert tomo.nickname is None
    assert [player.id for player in store.players()] == [ada.id, no_name.id, tomo.id]
    assert store.player(ada.id) == ada
    assert store.player(9999) is None


def test_nickname_is_cut_to_twenty_characters(store: Store) -> None:
    player = store.create_player("Supercalifragilistic-expialidocious", "fox")

    assert player.nickname == "Supercalifragilistic"
    assert store.player(player.id) == player


def test_nickname_lookup_ignores_case(store: Store) -> None:
    zoe = store.create_player("Zoë", "fox")

    assert store.player_by_nickname("ZOË") == zoe
    assert store.player_by_nickname(" zoë ") == zoe
    assert store.player_by_nickname("Zoe") is None
    assert store.player_by_nickname("") is None


def test_a_taken_nickname_can_be_spotted_but_does_not_block_play(store: Store) -> None:
    first = store.create_player("Sam", "fox")

    assert store.nickname_in_use(" sAM ")
    assert not store.nickname_in_use("Sam", other_than=first.id)
    assert not store.nickname_in_use("Samira") and not store.nickname_in_use(None)
    second = store.create_player("SAM", "owl")

    assert [player.avatar for player in store.players()] == ["fox", "owl"]
    assert store.player_by_nickname("sam") == first, "the oldest profile answers to the name"
    assert store.nickname_in_use("Sam", other_than=first.id)
    assert second.nickname == "SAM"


def test_rename_player(store: Store) -> None:
    sam = store.create_player("Sam", "fox")
    store.create_player("Kit", "owl")

    renamed = store.rename_player(sam.id, "Sammy")
    assert renamed.nickname == "Sammy"
    assert store.player(sam.id) == renamed
    assert store.rename_player(sam.id, "SAMMY").nickname == "SAMMY"
    assert store.rename_player(sam.id, "").nickname is None
    with pytest.raises(UnknownPlayer):
        store.rename_player(404, "Ghost")


def test_deleting_a_player_erases_all_their_rows(store: Store) -> None:
    gone = store.create_player("Gone", "fox")
    kept = store.create_player("Kept", "owl")
    for player in (gone, kept):
        attempt = store.start_level(player.id, "privacy-treasure", "under-9")
        store.record_answer(player.id, "privacy-treasure", attempt, 0, "safe")
        store.complete_level(player.id, "privacy-treasure", 3, "treasure-keeper")
        store.save_settings(player.id, {"text_scale": 150})

    store.delete_player(gone.id)

    assert store.players() == [kept]
    assert store.progress(gone.id) == {}
    assert store.load_settings(gone.id) == {}
    assert store.answers(gone.id, "privacy-treasure") == []
    counts = [
        store._connection.execute(
            f"SELECT count(*) FROM {table} WHERE player_id = ?", (gone.id,)
        ).fetchone()[0]
        for table in ("settings", "progress", "answers")
    ]
    assert counts == [0, 0, 0]
    assert store.badges(kept.id) == ["treasure-keeper"]
    with pytest.raises(UnknownPlayer):
        store.delete_player(gone.id)


def test_avatar_is_required(store: Store) -> None:
    with pytest.raises(ValueError, match="avatar"):
        store.create_player("Sam", " ")
    assert store.players() == []
