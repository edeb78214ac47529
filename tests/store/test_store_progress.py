"""Progress through levels: attempts, answers, completion, replays and badges."""

from __future__ import annotations

import pytest

from game.store import LevelNotStarted, Store

LEVEL = "privacy-treasure"


def test_child_plays_a_level_through(store: Store) -> None:
    ada = store.create_player("Ada", "fox")

    attempt = store.start_level(ada.id, LEVEL, "under-9")
    assert attempt == 1
    store.record_answer(ada.id, LEVEL, attempt, 0, "ok")
    store.record_answer(ada.id, LEVEL, attempt, 1, "unsafe")
    store.record_answer(ada.id, LEVEL, attempt, 1, "safe")

    midway = store.progress(ada.id)[LEVEL]
    assert (midway.status, midway.attempts, midway.safe, midway.unsafe) == ("in-progress", 1, 1, 1)
    assert midway.finished_at is None and not midway.completed

    store.record_answer(ada.id, LEVEL, attempt, 2, "safe")
    store.complete_level(ada.id, LEVEL, stars=2, badge="treasure-keeper")

    done = store.progress(ada.id)[LEVEL]
    assert (done.status, done.attempts, done.safe, done.unsafe) == ("completed", 1, 2, 1)
    assert done.band == "under-9"
    assert done.stars == 2 and done.badge == "treasure-keeper"
    assert done.finished_at is not None and done.finished_at > done.started_at
    assert store.badges(ada.id) == ["treasure-keeper"]
    assert store.answers(ada.id, LEVEL) == [
        (1, 0, "ok"),
        (1, 1, "unsafe"),
        (1, 1, "safe"),
        (1, 2, "safe"),
    ]


def test_replaying_a_finished_level_keeps_it_completed(store: Store) -> None:
    ada = store.create_player("Ada", "fox")
    first = store.start_level(ada.id, LEVEL, "under-9")
    store.record_answer(ada.id, LEVEL, first, 0, "safe")
    store.record_answer(ada.id, LEVEL, first, 1, "unsafe")
    store.complete_level(ada.id, LEVEL, stars=2, badge="treasure-keeper")
    first_finish = store.progress(ada.id)[LEVEL]

    replay = store.start_level(ada.id, LEVEL, "under-9")
    assert replay == 2
    for step in range(3):
        store.record_answer(ada.id, LEVEL, replay, step, "safe")

    during = store.progress(ada.id)[LEVEL]
    # Until the replay finishes, the report still shows the finished attempt.
    assert (during.status, during.attempts, during.safe, during.unsafe) == ("completed", 2, 1, 1)
    assert during.finished_at == first_finish.finished_at

    store.complete_level(ada.id, LEVEL, stars=1, badge=None)

    after = store.progress(ada.id)[LEVEL]
    assert (after.status, after.attempts, after.safe, after.unsafe) == ("completed", 2, 3, 0)
    assert after.stars == 2, "the best stars are kept"
    assert after.badge == "treasure-keeper"
    assert after.badge_earned_at == first_finish.badge_earned_at
    assert after.finished_at is not None and first_finish.finished_at is not None
    assert after.finished_at > first_finish.finished_at
    assert after.started_at == first_finish.started_at


def test_restarting_an_unfinished_level_starts_counting_again(store: Store) -> None:
    kit = store.create_player("Kit", "owl")
    first = store.start_level(kit.id, LEVEL, "under-9")
    store.record_answer(kit.id, LEVEL, first, 0, "unsafe")
    store.record_answer(kit.id, LEVEL, first, 1, "safe")

    second = store.start_level(kit.id, LEVEL, "under-9")
    restarted = store.progress(kit.id)[LEVEL]
    assert (restarted.status, restarted.attempts, restarted.safe, restarted.unsafe) == (
        "in-progress",
        2,
        0,
        0,
    )

    store.record_answer(kit.id, LEVEL, first, 2, "unsafe")  # a late answer from attempt 1
    store.record_answer(kit.id, LEVEL, second, 0, "safe")
    now = store.progress(kit.id)[LEVEL]
    assert (now.safe, now.unsafe) == (1, 0)
    assert len(store.answers(kit.id, LEVEL)) == 4, "late answers stay in the history"


def test_badges_come_in_the_order_they_were_earned(store: Store) -> None:
    ada = store.create_player("Ada", "fox")
    for level, badge in (("b-level", "chat-champion"), ("a-level", "treasure-keeper")):
        store.start_level(ada.id, level, "under-9")
        store.complete_level(ada.id, level, stars=None, badge=badge)
    store.start_level(ada.id, "c-level", "under-9")
    store.complete_level(ada.id, "c-level", stars=3, badge=None)
    store.start_level(ada.id, "b-level", "under-9")
    store.complete_level(ada.id, "b-level", stars=3, badge="chat-champion")

    assert store.badges(ada.id) == ["chat-champion", "treasure-keeper"]
    assert set(store.progress(ada.id)) == {"a-level", "b-level", "c-level"}


def test_wrong_answers_are_refused_with_a_reason(store: Store) -> None:
    ada = store.create_player("Ada", "fox")
    with pytest.raises(LevelNotStarted, match="start_level"):
        store.record_answer(ada.id, LEVEL, 1, 0, "safe")
    with pytest.raises(LevelNotStarted):
        store.complete_level(ada.id, LEVEL, stars=1, badge=None)

    attempt = store.start_level(ada.id, LEVEL, "under-9")
    with pytest.raises(ValueError, match="result"):
        store.record_answer(ada.id, LEVEL, attempt, 0, "maybe")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="never started"):
        store.record_answer(ada.id, LEVEL, attempt + 1, 0, "safe")
    with pytest.raises(ValueError, match="step index"):
        store.record_answer(ada.id, LEVEL, attempt, -1, "safe")
    with pytest.raises(ValueError, match="stars"):
        store.complete_level(ada.id, LEVEL, stars=-1, badge=None)
    assert store.answers(ada.id, LEVEL) == []
    assert store.progress(ada.id)[LEVEL].status == "in-progress"


def test_export_holds_everything_as_json(store: Store) -> None:
    import json

    ada = store.create_player("Ada", "fox")
    store.save_settings(None, {"locale": "sw"})
    store.save_settings(ada.id, {"text_scale": 125})
    attempt = store.start_level(ada.id, LEVEL, "under-9")
    store.record_answer(ada.id, LEVEL, attempt, 0, "safe")
    store.complete_level(ada.id, LEVEL, stars=3, badge="treasure-keeper")

    exported = json.loads(json.dumps(store.export_json()))

    assert exported["format"] == "sango-export" and exported["schema_version"] == 2
    assert exported["settings"] == {"locale": "sw"}
    [player] = exported["players"]
    assert (player["nickname"], player["avatar"]) == ("Ada", "fox")
    assert player["settings"] == {"text_scale": 125}
    assert [(p["level_id"], p["status"], p["safe"]) for p in player["progress"]] == [
        (LEVEL, "completed", 1)
    ]
    assert [(a["step_index"], a["result"]) for a in player["answers"]] == [(0, "safe")]


def test_erase_everything_leaves_an_empty_working_store(store: Store) -> None:
    ada = store.create_player("Ada", "fox")
    store.save_settings(None, {"locale": "sw"})
    store.save_settings(ada.id, {"text_scale": 125})
    store.start_level(ada.id, LEVEL, "under-9")
    assert store.data_dir is not None
    broken = store.data_dir / "sango.db.broken-20250101-000000"
    broken.write_bytes(b"old damaged copy")

    store.erase_everything()

    assert store.players() == [] and store.load_settings(None) == {}
    assert store.export_json()["players"] == []
    assert not broken.exists()
    assert store.create_player("Ada", "fox").nickname == "Ada"
