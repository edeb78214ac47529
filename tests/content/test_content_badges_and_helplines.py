"""badges.yaml and helplines.yaml get the same located, plain-words problems as levels."""

from __future__ import annotations

from pathlib import Path

from game.content.catalogue import load_badges, load_helplines


def test_a_badge_with_a_wrong_icon_and_colour(content: Path) -> None:
    path = content / "badges.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("icon: key", "icon: keys")
        .replace('colour: "#3a7bd5"', "colour: blue"),
        encoding="utf-8",
    )

    catalogue, problems = load_badges(path)

    assert catalogue is None
    assert [str(problem) for problem in problems] == [
        f"{path}:6:11: 'icon' must be one of shield, key, heart, star, lightbulb, megaphone, "
        "handshake, moon, magnifier, lock, robot, globe (found 'keys') - did you mean 'key'?",
        f"{path}:7:13: 'colour' should be a hex colour like \"#3a7bd5\" (found 'blue')",
    ]


def test_a_helpline_number_written_as_a_number_must_be_quoted(content: Path) -> None:
    path = content / "helplines.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('number: "116 111"', "number: 116111"),
        encoding="utf-8",
    )

    helplines, problems = load_helplines(path)

    assert helplines is None
    assert [str(problem) for problem in problems] == [
        f"{path}:9:13: 'number' should be text (found the number 116111): put it in quotes, "
        'e.g. "116111"'
    ]


def test_badge_texts_are_offered_for_translation(content: Path) -> None:
    catalogue, _ = load_badges(content / "badges.yaml")

    assert catalogue is not None
    assert list(catalogue.texts())[:2] == [
        ("Treasure Keeper", "badge name (treasure-keeper)"),
        ("You keep your private things safe.", "badge description (treasure-keeper)"),
    ]
