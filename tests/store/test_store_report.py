"""The adult's progress report: one row per player and level, written as CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta, timezone

from game.store import CSV_HEADER, ReportRow, Store, report_rows, write_csv

LEVELS = [("privacy-treasure", "under-9"), ("kind-chat", "under-9"), ("strong-passwords", "9-12")]
PARIS_WINTER = timezone(timedelta(hours=1))


def _class_of_two(store: Store) -> None:
    ada = store.create_player("Ada", "fox")
    owl = store.create_player(None, "owl")
    attempt = store.start_level(ada.id, "privacy-treasure", "under-9")
    store.record_answer(ada.id, "privacy-treasure", attempt, 0, "safe")
    store.record_answer(ada.id, "privacy-treasure", attempt, 1, "unsafe")
    store.record_answer(ada.id, "privacy-treasure", attempt, 2, "safe")
    store.complete_level(ada.id, "privacy-treasure", stars=2, badge="treasure-keeper")
    attempt = store.start_level(ada.id, "kind-chat", "under-9")
    store.record_answer(ada.id, "kind-chat", attempt, 0, "unsafe")
    attempt = store.start_level(owl.id, "strong-passwords", "9-12")
    store.record_answer(owl.id, "strong-passwords", attempt, 0, "ok")
    store.record_answer(owl.id, "strong-passwords", attempt, 1, "safe")
    store.complete_level(owl.id, "strong-passwords", stars=3, badge=None)
    store.start_level(ada.id, "retired-level", "13-18")


def test_report_has_a_row_for_every_player_and_level(store: Store) -> None:
    _class_of_two(store)

    rows = report_rows(store, LEVELS, tz=PARIS_WINTER)

    ada_id, owl_id = (player.id for player in store.players())
    assert rows == [
        ReportRow(
            ada_id, "Ada", "under-9", "privacy-treasure", "completed", 2, 1, rows[0].finished_at
        ),
        ReportRow(ada_id, "Ada", "under-9", "kind-chat", "in-progress", 0, 1, ""),
        ReportRow(ada_id, "Ada", "9-12", "strong-passwords", "not-started", 0, 0, ""),
        ReportRow(owl_id, "owl", "under-9", "privacy-treasure", "not-started", 0, 0, ""),
        ReportRow(owl_id, "owl", "under-9", "kind-chat", "not-started", 0, 0, ""),
        ReportRow(
            owl_id, "owl", "9-12", "strong-passwords", "completed", 1, 0, rows[5].finished_at
        ),
    ]
    # The test clock starts at 09:00 UTC on 10 March 2025: 10:00 in Paris, to the second.
    finished = datetime.fromisoformat(rows[0].finished_at)
    assert finished.tzinfo is None and finished.microsecond == 0
    assert rows[0].finished_at.startswith("2025-03-10T10:00:")
    recorded = store.progress(ada_id)["privacy-treasure"].finished_at
    assert recorded is not None
    assert recorded.astimezone(UTC).replace(microsecond=0, tzinfo=None) == finished - timedelta(
        hours=1
    )


def test_csv_report_reads_back_with_the_csv_module(store: Store) -> None:
    _class_of_two(store)
    store.rename_player(store.players()[0].id, "=HYPERLINK(1)")
    rows = report_rows(store, LEVELS, tz=PARIS_WINTER)

    stream = io.StringIO(newline="")
    write_csv(rows, stream)
    stream.seek(0)
    table = list(csv.DictReader(stream))

    assert tuple(table[0]) == CSV_HEADER == (
        "player", "band", "level", "status", "safe", "unsafe", "finished_at"
    )  # fmt: skip
    assert len(table) == len(rows) == 6
    assert [record["player"] for record in table] == ["'=HYPERLINK(1)"] * 3 + ["owl"] * 3
    for record, row in zip(table, rows, strict=True):
        assert (record["band"], record["level"], record["status"]) == (
            row.band,
            row.level_id,
            row.status,
        )
        assert (int(record["safe"]), int(record["unsafe"])) == (row.safe, row.unsafe)
        assert record["finished_at"] == row.finished_at
    assert table[0]["finished_at"] != "" and table[1]["finished_at"] == ""


def test_report_without_players_is_just_the_header(store: Store) -> None:
    stream = io.StringIO(newline="")
    write_csv(report_rows(store, LEVELS), stream)

    assert stream.getvalue() == "player,band,level,status,safe,unsafe,finished_at\r\n"
