"""The level JSON schema for editors, and the entry points behind `sango validate` and `schema`."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game import paths
from game.content.catalogue import validate
from game.content.models import Level
from game.content.problems import Problem

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILE = "level.schema.json"


def level_json_schema() -> dict[str, Any]:
    """The JSON schema of a level file, built from the models and their descriptions."""
    generated = Level.model_json_schema()
    generated.pop("title", None)
    generated.pop("description", None)
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": "Sango level",
        "description": (
            "One level of Sango: a short story of steps for one age band. Write it in YAML, "
            "check it with `sango validate`. Generated from game/content/models.py by "
            "`sango schema`; do not edit by hand."
        ),
        **generated,
    }


def schema_text() -> str:
    """The schema as the committed file holds it: stable key order, two-space indent."""
    return json.dumps(level_json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema(path: Path) -> None:
    """Write the level schema to `path` (UTF-8, LF line endings)."""
    path.write_text(schema_text(), encoding="utf-8", newline="\n")


def main_validate(argv_paths: Sequence[str | Path], strict: bool = False) -> int:
    """Check content files and print every problem, then a summary line.

    Never raises and never prints a traceback, whatever the files hold.

    Args:
        argv_paths: Files and folders to check; the shipped content when empty.
        strict: Also print strict-mode advice.

    Returns:
        0 when there are no errors (warnings allowed), 1 otherwise.
    """
    try:
        report = validate([Path(path) for path in argv_paths], strict)
    except Exception as error:  # noqa: BLE001 - a writer must never see a traceback
        _print(
            f"sango validate stopped unexpectedly ({type(error).__name__}: {error}); "
            "please report this as a bug, with the files you checked"
        )
        return 1
    for problem in report.problems:
        _print(_shown(problem))
    errors, warnings = len(report.errors), len(report.warnings)
    summary = f"{_count(report.levels_checked, 'level')} checked, {_count(errors, 'problem')}" + (
        f", {_count(warnings, 'warning')}" if warnings else ""
    )
    _print(summary)
    return 1 if errors else 0


def main_schema(out_path: str | Path | None = None) -> int:
    """Write the level schema (by default to content/level.schema.json).

    Returns:
        0 on success, 1 when the file cannot be written.
    """
    target = Path(out_path) if out_path is not None else paths.content_dir() / SCHEMA_FILE
    try:
        write_schema(target)
    except OSError as error:
        _print(f"{target}: cannot write the schema ({error.strerror or error})")
        return 1
    _print(f"wrote {target}")
    return 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _shown(problem: Problem) -> str:
    """The problem with its path relative to the working folder when it is inside it."""
    try:
        relative = problem.path.absolute().relative_to(Path.cwd())
    except ValueError:
        return str(problem)
    return str(Problem(relative, problem.line, problem.column, problem.message, problem.severity))


def _print(line: str) -> None:
    """Print even where the console cannot show every character (e.g. cp1252 on Windows)."""
    stream = sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.write(line.encode(encoding, "replace").decode(encoding) + "\n")
