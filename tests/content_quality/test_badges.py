"""Badges are readable, distinct, and the ones levels give exist.

A badge is a white icon on a coloured medal (content/badges.yaml). WCAG 2.2 asks 3:1 for a
meaningful icon; we keep 4.5:1, the text level, so the medal stays legible if its name is ever
drawn on it and with the worst-case anti-aliasing.
"""

from __future__ import annotations

import re
from typing import Any

from .content_files import BADGES_FILE, load_yaml

ICONS = frozenset(
    "shield key heart star lightbulb megaphone handshake moon magnifier lock robot globe".split()
)
MIN_CONTRAST_WITH_WHITE = 4.5


def relative_luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance of an sRGB colour written "#rrggbb"."""
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    red, green, blue = (
        value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
        for value in channels
    )
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_with_white(colour: str) -> float:
    return 1.05 / (relative_luminance(colour) + 0.05)


def badges() -> list[dict[str, Any]]:
    data = load_yaml(BADGES_FILE)
    assert data["format"] == 1
    return data["badges"]


def test_white_icons_stand_out_on_every_medal() -> None:
    for badge in badges():
        colour = badge["colour"]
        assert re.fullmatch(r"#[0-9a-fA-F]{6}", colour), f"{badge['id']}: colour {colour!r}"
        ratio = contrast_with_white(colour)
        assert ratio >= MIN_CONTRAST_WITH_WHITE, (
            f"badge {badge['id']}: white on {colour} is {ratio:.2f}:1; "
            f"pick a darker colour (>= {MIN_CONTRAST_WITH_WHITE}:1)"
        )


def test_contrast_matches_known_values() -> None:
    assert round(contrast_with_white("#ffffff"), 2) == 1.0
    assert round(contrast_with_white("#000000"), 1) == 21.0
    assert round(contrast_with_white("#767676"), 2) == 4.54


def test_badges_are_distinct_and_well_formed() -> None:
    seen: dict[str, set[str]] = {"id": set(), "name": set(), "colour": set()}
    for badge in badges():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", badge["id"]), badge["id"]
        assert badge["icon"] in ICONS, f"badge {badge['id']}: unknown icon {badge['icon']!r}"
        assert 0 < len(badge["name"]) <= 30, f"badge {badge['id']}: name longer than 30 characters"
        assert badge["description"].strip().endswith((".", "!")), badge["id"]
        for field, values in seen.items():
            value = badge[field].lower()
            assert value not in values, f"badge {badge['id']}: {field} {value!r} is used twice"
            values.add(value)


def test_level_gives_a_badge_that_exists(level: dict[str, Any]) -> None:
    known = {badge["id"] for badge in badges()}
    given = [step["badge"] for step in level["steps"] if "badge" in step]
    assert given, f"level {level['id']}: no `badge` step"
    for badge_id in given:
        assert badge_id in known, f"level {level['id']}: badge {badge_id!r} is not in badges.yaml"
