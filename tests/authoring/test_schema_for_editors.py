"""The level JSON Schema works with editors and the standard `check-jsonschema` tool: it
accepts every shipped level and refuses what `sango validate` refuses, where a schema can."""

from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from game import paths
from game.authoring.starter import SCHEMA_COMMENT, STEP_SNIPPETS
from game.content.catalogue import validate
from game.content.schema import level_json_schema
from game.steps.registry import STEP_TYPES
from tests.authoring.conftest import scratch_content, write_starter_level

SCHEMA = paths.content_dir() / "level.schema.json"
SHIPPED = sorted(paths.levels_dir().glob("*/*.yaml"))


def check_jsonschema(*files: Path) -> subprocess.CompletedProcess[str]:
    """Run the standard tool, as an editor's plugin or a CI job would."""
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_jsonschema_accepts_every_shipped_level() -> None:
    assert len(SHIPPED) >= 18

    done = check_jsonschema(*SHIPPED)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok -- validation done" in done.stdout


def test_every_shipped_level_names_the_schema_on_its_first_line() -> None:
    for path in SHIPPED:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == SCHEMA_COMMENT, f"{path}: first line {first!r}"
        assert (path.parent / "../../level.schema.json").resolve() == SCHEMA.resolve()


def _step(**step: Any) -> Callable[[dict[str, Any]], None]:
    return lambda level: level["steps"].insert(0, step)


def _sort(**item: Any) -> dict[str, Any]:
    return {
        "prompt": "Sort them.",
        "bins": [{"id": "a", "label": "A", **item.pop("bin", {})}, {"id": "b", "label": "B"}],
        "items": [
            {"text": "One", "bin": "a", "feedback": "Yes.", **item},
            {"text": "Two", "bin": "b", "feedback": "Yes."},
        ],
    }


def _set(*path: Any, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(level: dict[str, Any]) -> None:
        node = level
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


CHOICE = ("steps", 1, "choice")
REFUSED: dict[str, Callable[[dict[str, Any]], None]] = {
    "two-type-keys": lambda level: level["steps"][0].update(badge="treasure-keeper"),
    "no-type-key": _step(mood="happy"),
    "unknown-key": _set(*CHOICE, "promt", value="Hi"),
    "blank-text": _set("steps", 0, "say", value="   "),
    "under-9-all-unsafe": lambda level: [
        option.update(result="unsafe") for option in level["steps"][1]["choice"]["options"]
    ],
    "grooming-without-note": lambda level: level.update(topics=["grooming"]),
    "image-outside-the-folder": _step(sort=_sort(image="../secret.png")),
    "image-not-a-picture": _step(sort=_sort(image="notes.txt")),
    "art-typo": _step(sort=_sort(image="art:avatars/foxx")),
    "icon-typo": _step(sort=_sort(bin={"icon": "lok"})),
    "voice-absolute": _set("steps", 0, "voice", value="/home/me/hello.ogg"),
    "voice-backslash": _set("steps", 0, "voice", value="voice\\hello.ogg"),
    "spot-without-sign": _step(spot={"prompt": "Look.", "lines": [{"text": "a"}, {"text": "b"}]}),
    "pick-all-none-right": _step(
        **{
            "pick-all": {
                "prompt": "Pick.",
                "options": [{"text": t, "correct": False} for t in ("a", "b", "c")],
                "feedback": {"right": "Yes.", "wrong": "No."},
            }
        }
    ),
    "reply-without-words": _step(
        chat={
            "contacts": [{"id": "amara", "name": "Amara", "known": True}],
            "script": [
                {"from": "amara", "text": "hi"},
                {"replies": [{"result": "safe"}, {"text": "Hi!", "result": "safe"}]},
            ],
        }
    ),
    "format-two": _set("format", value=2),
}
"""Broken levels, each by one change to the under-9 starter level."""


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("starter")
    path = write_starter_level(folder / "starter.yaml", "under-9", "starter-level")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write(levels: Path, name: str, level: dict[str, Any]) -> Path:
    path = levels / level["band"] / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    level = {**level, "id": f"x-{name}"[:40]}
    path.write_text(f"{SCHEMA_COMMENT}\n{yaml.safe_dump(level, sort_keys=False)}", "utf-8")
    return path


def test_check_jsonschema_and_validate_both_refuse_each_broken_level(
    tmp_path: Path, starter: dict[str, Any]
) -> None:
    levels = scratch_content(tmp_path)
    files = {}
    for name, change in REFUSED.items():
        level = copy.deepcopy(starter)
        change(level)
        files[name] = _write(levels, name, level)

    done = check_jsonschema(*files.values())

    assert done.returncode == 1
    failed = {name for name, path in files.items() if f"{path}::" in done.stdout}
    assert failed == set(REFUSED), f"not refused by the schema: {set(REFUSED) - failed}"
    for name, path in files.items():
        assert validate([path]).errors, f"{name}: sango validate found no error"


def test_both_accept_built_in_art_and_files_inside_the_level_folder(
    tmp_path: Path, starter: dict[str, Any]
) -> None:
    levels = scratch_content(tmp_path)
    folder = levels / "under-9"
    (folder / "pictures").mkdir(parents=True)
    (folder / "pictures" / "Cake.PNG").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(16) + bytes(8))
    (folder / "voice").mkdir()
    (folder / "voice" / "hello.ogg").write_bytes(b"OggS" + bytes(60))
    level = copy.deepcopy(starter)
    level["steps"][0]["voice"] = "voice/hello.ogg"
    level["steps"].insert(0, {"sort": _sort(image="pictures/Cake.PNG", bin={"icon": "lock"})})
    level["steps"].insert(0, {"sort": _sort(image="art:avatars/fox")})
    path = _write(levels, "good", level)

    done = check_jsonschema(path)

    assert done.returncode == 0, done.stdout
    assert validate([path]).errors == []


def test_editors_are_offered_a_template_of_every_step_type(
    tmp_path: Path, starter: dict[str, Any]
) -> None:
    snippets = level_json_schema()["properties"]["steps"]["items"]["defaultSnippets"]

    assert [snippet["label"] for snippet in snippets] == list(STEP_TYPES)
    levels = scratch_content(tmp_path)
    level = copy.deepcopy(starter)
    level["band"] = "9-12"
    level["steps"][:0] = [copy.deepcopy(body) for body in STEP_SNIPPETS.values()]
    path = _write(levels, "snippets", level)

    assert check_jsonschema(path).returncode == 0
    assert validate([path]).errors == []
