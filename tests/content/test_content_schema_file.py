"""The level JSON schema that editors use: generated from the models and kept committed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from game import paths
from game.content.schema import level_json_schema, main_schema, schema_text


def test_the_committed_schema_is_the_generated_one() -> None:
    committed = paths.content_dir() / "level.schema.json"

    assert committed.read_text(encoding="utf-8") == schema_text(), (
        "content/level.schema.json is stale: run `sango schema` and commit the result"
    )


def test_the_schema_is_draft_2020_12_with_a_title() -> None:
    schema = level_json_schema()

    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "Sango level"
    assert schema["required"] == [
        "format",
        "id",
        "band",
        "topics",
        "title",
        "minutes",
        "teacher",
        "steps",
    ]


def _properties(node: Any) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        found += list(node.get("properties", {}).items())
        for value in node.values():
            found += _properties(value)
    elif isinstance(node, list):
        for value in node:
            found += _properties(value)
    return found


def test_every_field_in_the_schema_is_described_for_writers() -> None:
    properties = _properties(level_json_schema())

    assert len(properties) > 20
    assert [name for name, spec in properties if not spec.get("description")] == []


def test_schema_command_writes_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "level.schema.json"

    assert main_schema(target) == 0

    assert json.loads(target.read_text(encoding="utf-8")) == level_json_schema()
    assert capsys.readouterr().out == f"wrote {target}\n"


def test_schema_command_reports_a_folder_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "level.schema.json"

    assert main_schema(target) == 1

    assert capsys.readouterr().out.startswith(f"{target}: cannot write the schema")
