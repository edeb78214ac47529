"""The catalogue: every good level in order, broken files set aside, badges and helplines."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from game.content.catalogue import Catalogue
from game.content.models import Band

LevelWriter = Callable[..., Path]


def test_levels_load_in_band_order_then_file_order(content: Path, write_level: LevelWriter) -> None:
    early = (content / "levels" / "under-9" / "01-treasure-box.yaml").read_text(encoding="utf-8")
    write_level(early.replace("id: privacy-treasure", "id: zebra-first"), name="00-zebra.yaml")

    catalogue = Catalogue.load(content / "levels")

    assert [level.id for level in catalogue.levels] == [
        "zebra-first",
        "privacy-treasure",
        "stranger-chat",
    ]
    assert [level.id for level in catalogue.by_band(Band.AGES_9_TO_12)] == ["stranger-chat"]
    assert [level.id for level in catalogue.by_band("under-9")] == [
        "zebra-first",
        "privacy-treasure",
    ]
    assert catalogue.broken == ()


def test_a_level_is_found_by_id_with_its_file(content: Path) -> None:
    catalogue = Catalogue.load(content / "levels")

    level = catalogue.get("stranger-chat")
    assert level is not None and level.title == "A new friend online"
    assert catalogue.get("no-such-level") is None
    assert catalogue.path_of("privacy-treasure") == (
        content / "levels" / "under-9" / "01-treasure-box.yaml"
    )


def test_badges_and_helplines_come_with_the_catalogue(content: Path) -> None:
    catalogue = Catalogue.load(content / "levels")

    assert catalogue.badges is not None
    badge = catalogue.badges.get("brave-voice")
    assert badge is not None and badge.name == "Brave Voice"
    assert catalogue.helplines is not None
    assert [line.name for line in catalogue.helplines.for_country("gb")] == ["Childline"]
    assert [line.number for line in catalogue.helplines.for_country("FR")] == ["116 111"]
    assert catalogue.helplines.for_country("JP") == ()


def test_a_broken_level_is_set_aside_and_the_others_still_load(
    content: Path, write_level: LevelWriter
) -> None:
    broken = write_level("format: 1\nid: [oops\n", name="02-broken.yaml")
    write_level(b"\xff\xfe\x00binary", band="13-18", name="01-garbage.yaml")

    catalogue = Catalogue.load(content / "levels")

    assert [level.id for level in catalogue.levels] == ["privacy-treasure", "stranger-chat"]
    assert [path.name for path, _ in catalogue.broken] == ["01-garbage.yaml", "02-broken.yaml"]
    problems = dict(catalogue.broken)[broken]
    assert [f"{p.line}:{p.column}" for p in problems] == ["2:5"]


def test_a_repeated_id_is_set_aside_with_a_pointer_to_the_first(
    content: Path, write_level: LevelWriter
) -> None:
    first = content / "levels" / "under-9" / "01-treasure-box.yaml"
    copy = write_level(first.read_text(encoding="utf-8"), name="02-copy.yaml")

    catalogue = Catalogue.load(content / "levels")

    assert [level.id for level in catalogue.levels] == ["privacy-treasure", "stranger-chat"]
    ((path, problems),) = catalogue.broken
    assert path == copy
    assert [str(problem) for problem in problems] == [
        f"{copy}:3:5: id 'privacy-treasure' is already used by {first}:3: give this level its "
        "own id"
    ]


def test_a_missing_badges_file_is_reported_but_levels_still_load(content: Path) -> None:
    (content / "badges.yaml").unlink()

    catalogue = Catalogue.load(content / "levels")

    assert catalogue.badges is None
    assert len(catalogue.levels) == 2
    ((path, problems),) = catalogue.broken
    assert path == content / "badges.yaml"
    assert problems[0].message.startswith("cannot read this file")


def test_twenty_levels_load_well_under_300_milliseconds(
    content: Path, write_level: LevelWriter
) -> None:
    text = (content / "levels" / "under-9" / "01-treasure-box.yaml").read_text(encoding="utf-8")
    for number in range(2, 20):
        write_level(text.replace("privacy-treasure", f"level-{number}"), name=f"{number:02}.yaml")
    Catalogue.load(content / "levels")  # warm the file cache, as a second start would

    started = time.perf_counter()
    catalogue = Catalogue.load(content / "levels")
    elapsed = time.perf_counter() - started

    assert len(catalogue.levels) == 20
    assert elapsed < 0.3


def test_the_map_can_show_broken_levels_of_its_band(
    content: Path, write_level: LevelWriter
) -> None:
    broken = write_level("format: 1\n", band="9-12", name="02-unfinished.yaml")

    catalogue = Catalogue.load(content / "levels")

    assert [path for path, _ in catalogue.broken_in_band(Band.AGES_9_TO_12)] == [broken]
    assert catalogue.broken_in_band("under-9") == []


def test_badges_and_helplines_are_looked_up_through_the_catalogue(content: Path) -> None:
    catalogue = Catalogue.load(content / "levels")

    badge = catalogue.badge("treasure-keeper")
    assert badge is not None and badge.icon == "key"
    assert catalogue.badge("no-such-badge") is None
    assert catalogue.badge(None) is None
    countries = catalogue.helpline_countries()
    assert "GB" in countries and "FR" in countries and "EU" not in countries
    assert [line.name for line in catalogue.helplines_for("DE")] == ["Child helpline"]


def test_a_goto_label_finds_its_step(content: Path) -> None:
    level = Catalogue.load(content / "levels").get("stranger-chat")

    assert level is not None
    assert level.step_index("well-done") == 3
    assert level.step_index("nowhere") is None
