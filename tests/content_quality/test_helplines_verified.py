"""The help screen shows only helpline numbers verified in public sources.

A wrong number on a child's help screen is worse than none, so content/helplines.yaml must hold
exactly the list in CONTENT.md ("Helplines", verified November 2026). To add a country, verify the
number in a public source, add it to CONTENT.md, and then to both the data file and this list.
"""

from __future__ import annotations

import re
from collections import Counter

from .content_files import HELPLINES_FILE, load_yaml

VERIFIED_NUMBERS = Counter(
    {
        ("EU", "116 111"): 1,
        ("GB", "0800 1111"): 1,
        ("FR", "3018"): 1,
        ("FR", "119"): 1,
        ("ES", "900 20 20 10"): 1,
        ("AU", "1800 55 1800"): 1,
        ("US", "1-800-422-4453"): 1,
    }
)


def test_helplines_are_exactly_the_verified_numbers() -> None:
    data = load_yaml(HELPLINES_FILE)
    assert data["format"] == 1
    shipped = Counter((entry["country"], str(entry["number"])) for entry in data["helplines"])
    unverified = sorted((shipped - VERIFIED_NUMBERS).elements())
    missing = sorted((VERIFIED_NUMBERS - shipped).elements())
    assert not unverified, f"{HELPLINES_FILE.name}: numbers not in the verified list: {unverified}"
    assert not missing, f"{HELPLINES_FILE.name}: verified numbers missing: {missing}"


def test_every_helpline_names_itself_and_its_country() -> None:
    for entry in load_yaml(HELPLINES_FILE)["helplines"]:
        assert re.fullmatch(r"[A-Z]{2}", entry["country"]), entry
        number = entry["number"]
        assert isinstance(number, str) and re.fullmatch(r"[0-9][0-9 -]*", number), (
            f"{entry['country']}: write the number as a quoted string of digits, spaces and hyphens"
        )
        assert str(entry.get("name", "")).strip(), f"{entry['country']} {entry['number']}: no name"
        assert str(entry.get("note", "")).strip(), f"{entry['country']} {entry['number']}: no note"
