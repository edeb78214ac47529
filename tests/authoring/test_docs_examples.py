"""Every example in docs/authoring.md is checked, so the guide cannot drift from the game: a whole
level validates, a step validates inside a small level, a badges file validates, and every field
of the level format is documented."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pygame
import pytest
import yaml

from game import paths
from game.content.catalogue import load_badges, validate
from game.content.schema import level_json_schema
from game.steps.registry import STEP_TYPES
from tests.authoring.conftest import scratch_content

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"
FENCE = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)
FILE_REFERENCE = re.compile(r"^\s*(?:-\s+)?(?:voice|image):\s+(?!art:)(\S+)\s*$", re.MULTILINE)
GOTO = re.compile(r"^\s*goto:\s+(\S+)\s*$", re.MULTILINE)
LABEL = re.compile(r"^\s*(?:-\s+)?label:\s+(\S+)\s*$", re.MULTILINE)

WRAPPER = """format: 1
id: {id}
band: 9-12
topics: [privacy]
title: An example from the guide
minutes: 5
teacher:
  goals: [Shows one example]
  discussion: [What does it show?, Why?]
  content_note: null
steps:
{steps}
"""


def _examples() -> list[tuple[str, str]]:
    text = GUIDE.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        found.append((f"authoring.md:{line}", match.group(1)))
    return found


EXAMPLES = _examples()


def _make_files(folder: Path, text: str) -> None:
    """The pictures and voice files an example names, as real (tiny) files."""
    for written in FILE_REFERENCE.findall(text):
        path = folder / written
        path.parent.mkdir(parents=True, exist_ok=True)
        suffix = path.suffix.lower()
        if suffix == ".png":
            pygame.image.save(pygame.Surface((8, 8)), str(path))
        elif suffix == ".svg":
            path.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
        else:
            path.write_bytes(b"OggS" + bytes(60))


def _kind(data: Any) -> str:
    if isinstance(data, dict) and "steps" in data:
        return "level"
    if isinstance(data, dict) and "badges" in data:
        return "badges"
    if isinstance(data, list) and data and all(isinstance(step, dict) for step in data):
        return "steps"
    return "unknown"


def test_the_guide_has_an_example_of_every_step_type() -> None:
    steps = [
        step
        for _, text in EXAMPLES
        for data in [yaml.safe_load(text)]
        for step in (
            data["steps"] if _kind(data) == "level" else data if _kind(data) == "steps" else []
        )
    ]
    assert {key for step in steps for key in step if key in STEP_TYPES} == set(STEP_TYPES)


@pytest.mark.parametrize(("where", "text"), EXAMPLES, ids=[where for where, _ in EXAMPLES])
def test_every_yaml_example_in_the_guide_is_valid(where: str, text: str, tmp_path: Path) -> None:
    data = yaml.safe_load(text)
    kind = _kind(data)
    assert kind != "unknown", (
        f"{where}: a yaml example must be a whole level, a badges file, or steps starting "
        "with '  - ' (use another fence for other text)"
    )
    levels = scratch_content(tmp_path)
    if kind == "badges":
        path = tmp_path / "badges.yaml"
        path.write_text(text, encoding="utf-8")
        catalogue, problems = load_badges(path)
        assert catalogue is not None and problems == [], [str(p) for p in problems]
        return
    if kind == "level":
        path = levels / data["band"] / f"01-{data['id']}.yaml"
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
    else:
        labels = set(LABEL.findall(text))
        targets = [label for label in dict.fromkeys(GOTO.findall(text)) if label not in labels]
        extra = "".join(f"  - say: The story goes on here.\n    label: {t}\n" for t in targets)
        if "badge" not in {key for step in data for key in step}:
            extra += "  - badge: treasure-keeper\n"
        path = levels / "9-12" / "01-example.yaml"
        path.parent.mkdir(parents=True)
        path.write_text(WRAPPER.format(id="guide-example", steps=text + extra), encoding="utf-8")
    _make_files(path.parent, text)

    report = validate([path], strict=kind == "level")

    shown = [str(problem) for problem in report.problems]
    assert report.errors == [], f"{where}:\n" + "\n".join(shown)
    if kind == "level":
        assert report.warnings == [], f"{where}: a whole level should need no advice:\n" + (
            "\n".join(shown)
        )


def _field_names(node: Any) -> set[str]:
    names: set[str] = set()
    if isinstance(node, dict):
        names |= set(node.get("properties", {}))
        for value in node.values():
            names |= _field_names(value)
    elif isinstance(node, list):
        for value in node:
            names |= _field_names(value)
    return names


def test_every_field_of_the_level_format_is_in_the_guide() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    fields = _field_names(level_json_schema())

    missing = sorted(
        name for name in fields if f"`{name}" not in guide and f".{name}`" not in guide
    )

    assert len(fields) > 40
    assert missing == [], f"document these fields in docs/authoring.md: {missing}"


def test_the_guide_links_to_the_translation_guide_and_covers_every_command() -> None:
    guide = GUIDE.read_text(encoding="utf-8")

    assert (
        "(translating.md)" in guide
        and (paths.content_dir().parent / "docs" / "translating.md").is_file()
    )
    for command in ("new-level", "validate", "--strict", "preview", "--watch", "catalogs"):
        assert f"sango {command}" in guide or command in guide, command
