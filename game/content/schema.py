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
    """The JSON schema of a level file, built from the models and their descriptions.

    pydantic's schema is completed with what the models check in code, where JSON Schema can
    say it too, so an editor (through the yaml-language-server comment at the top of each
    level) and `check-jsonschema` catch as much as they can: the built-in picture, icon and
    avatar names, file paths that stay inside the level's folder, no blank texts, a reply with
    words or an action, a spot card with a sign, a pick-all with a right answer, the content
    note that sensitive topics need, and an under-9 question that a child can get past. Each
    step is one of the step types, told apart by its one required type key (oneOf).
    """
    generated = Level.model_json_schema()
    generated.pop("title", None)
    generated.pop("description", None)
    definitions = generated["$defs"]
    _no_blank_text(generated)
    _name_the_art(definitions)
    _confine_files(definitions)
    _require(definitions)
    _offer_snippets(generated)
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": "Sango level",
        "description": (
            "One level of Sango: a short story of steps for one age band. Write it in YAML, "
            "check it with `sango validate`. Generated from game/content/models.py by "
            "`sango schema`; do not edit by hand."
        ),
        **generated,
        **_level_rules(),
    }


_NOT_BLANK = "\\S"
"""A text must hold something other than spaces."""

_FILE_PATH = "^(?![/\\\\])(?![A-Za-z]:)(?!.*(?:^|/)\\.\\.(?:/|$))[^\\\\]+\\.(?:{suffixes})$"
"""A path written with '/', relative, never '..', ending in one of the suffixes (any case)."""


def _any_case(suffix: str) -> str:
    return "".join(f"[{char.lower()}{char.upper()}]" if char.isalpha() else char for char in suffix)


def _file_pattern(kind: str) -> str:
    from game.content.checks import ASSET_SUFFIXES

    suffixes = "|".join(_any_case(suffix.lstrip(".")) for suffix in ASSET_SUFFIXES[kind])
    return _FILE_PATH.replace("{suffixes}", suffixes)


def _no_blank_text(node: Any) -> None:
    """Every free text must have something besides spaces (`sango validate` says the same)."""
    if isinstance(node, dict):
        if node.get("type") == "string" and "pattern" not in node and "enum" not in node:
            node["pattern"] = _NOT_BLANK
        for value in node.values():
            _no_blank_text(value)
    elif isinstance(node, list):
        for value in node:
            _no_blank_text(value)


def _string_member(property_schema: dict[str, Any]) -> dict[str, Any]:
    """The string schema inside an optional property (anyOf string | null)."""
    return next(item for item in property_schema["anyOf"] if item.get("type") == "string")


def _name_the_art(definitions: dict[str, Any]) -> None:
    """Icons and avatars by their built-in names; pictures as built-in art or a file."""
    from game.steps.pictures import ART_KINDS, ART_PREFIX, art_names

    for owner, key, kind in (("SortBin", "icon", "icons"), ("ChatContact", "avatar", "avatars")):
        member = _string_member(definitions[owner]["properties"][key])
        member.pop("minLength", None)
        member.pop("pattern", None)
        member["enum"] = art_names(kind)
    pictures = [f"{ART_PREFIX}{kind}/{name}" for kind in ART_KINDS for name in art_names(kind)]
    for owner in ("SortItem", "Spot"):
        member = _string_member(definitions[owner]["properties"]["image"])
        description = member.pop("description")
        member.clear()
        member.update(
            description=description,
            anyOf=[
                {"enum": pictures, "description": "Built-in art, written art:<kind>/<name>."},
                {
                    "type": "string",
                    "pattern": _file_pattern("image"),
                    "description": "A picture file next to the level, e.g. pictures/cake.png.",
                },
            ],
        )


def _confine_files(definitions: dict[str, Any]) -> None:
    """A voice file is a sound file inside the level's folder."""
    member = _string_member(definitions["SayStep"]["properties"]["voice"])
    member["pattern"] = _file_pattern("voice")


def _rule(description: str, **schema: Any) -> dict[str, Any]:
    """A part of a rule; described like every field, so an editor can say what it wants."""
    return {"description": description, **schema}


def _require(definitions: dict[str, Any]) -> None:
    """Rules inside one part of a level that the models check in code."""
    definitions["ChatReply"]["anyOf"] = [{"required": ["text"]}, {"required": ["action"]}]
    definitions["ChatReply"]["description"] += " It needs `text`, or an `action`, or both."
    lines = definitions["Spot"]["properties"]["lines"]
    lines["contains"] = {
        "required": ["sign"],
        "properties": {"sign": _rule("Why this line is a warning sign.", type="string")},
    }
    lines["description"] += " At least one has a `sign`."
    options = definitions["PickAll"]["properties"]["options"]
    options["contains"] = {
        "required": ["correct"],
        "properties": {"correct": _rule("A right answer to pick.", const=True)},
    }


def _level_rules() -> dict[str, Any]:
    """Rules across the level: sensitive topics need a content note; in under-9 (where an
    unsafe answer is tried again) every choice needs an answer that is not unsafe."""
    from game.content.models import SENSITIVE_TOPICS

    sensitive = sorted(str(topic) for topic in SENSITIVE_TOPICS)
    note = _rule(
        "Needed for these topics: what an adult should know before a class plays this level.",
        type="string",
        minLength=1,
        pattern=_NOT_BLANK,
    )
    not_unsafe = _rule("Safe or ok: a child in under-9 can get past it.", enum=["safe", "ok"])
    answers = _rule(
        "In under-9 an unsafe answer is tried again, so one answer must be safe or ok.",
        contains={"properties": {"result": not_unsafe}},
    )
    question = _rule("An under-9 question.", properties={"options": answers})
    return {
        "allOf": [
            {
                "if": {
                    "required": ["topics"],
                    "properties": {
                        "topics": _rule("Sensitive topics.", contains={"enum": sensitive})
                    },
                },
                "then": {
                    "properties": {
                        "teacher": _rule(
                            f"The topics include one of {', '.join(sensitive)}.",
                            required=["content_note"],
                            properties={"content_note": note},
                        )
                    }
                },
            },
            {
                "if": {
                    "required": ["band"],
                    "properties": {"band": _rule("The youngest band.", const="under-9")},
                },
                "then": {
                    "properties": {
                        "steps": _rule(
                            "Steps of an under-9 level.",
                            items={
                                "if": {"required": ["choice"]},
                                "then": {"properties": {"choice": question}},
                            },
                        )
                    }
                },
            },
        ]
    }


def _offer_snippets(generated: dict[str, Any]) -> None:
    """Step templates an editor offers when a new step is started (yaml-language-server)."""
    from game.authoring.starter import STEP_SNIPPETS

    generated["properties"]["steps"]["items"]["defaultSnippets"] = [
        {"label": key, "description": f"a new `{key}` step", "body": body}
        for key, body in STEP_SNIPPETS.items()
    ]


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
