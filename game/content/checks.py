"""Checks on content beyond YAML syntax, each reported as a located problem in plain words.

Two kinds live here: schema errors from pydantic, translated for writers and placed on the line
they wrote, and cross-checks a schema cannot express (labels, gotos, badges, files, folders).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from game.content.badges import COLOUR_PATTERN, BadgeCatalogue
from game.content.helplines import COUNTRY_PATTERN, Helplines
from game.content.models import LEVEL_ID_PATTERN, SENSITIVE_TOPICS, Band, Level
from game.content.problems import Problem, closest_match, did_you_mean
from game.content.yaml_source import DataPath, YamlDocument
from game.steps import SLUG_PATTERN, StepModel, StepReference
from game.steps.chat import ChatReplies, ChatReply, ChatStep
from game.steps.choice import ChoiceStep, Result
from game.steps.registry import STEP_TYPES

LevelCheck = Callable[[Level, YamlDocument], Iterable[Problem]]
"""A check of one validated level, yielding problems located in its document."""

ASSET_SUFFIXES = {
    "voice": (".ogg", ".wav", ".mp3", ".flac"),
    "image": (".png", ".jpg", ".jpeg", ".svg", ".webp"),
}
"""File types the game can play or show, by reference kind."""

_RIFF_KINDS = {".wav": b"WAVE", ".webp": b"WEBP"}
_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".ogg": (b"OggS",),
    ".flac": (b"fLaC",),
    ".mp3": (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\xff\xfa", b"\xff\xe3"),
}
"""How each kind of file starts, so a renamed or broken file is caught before a child meets it."""
_KIND_NAMES = {
    ".png": "PNG picture",
    ".jpg": "JPEG picture",
    ".jpeg": "JPEG picture",
    ".webp": "WebP picture",
    ".svg": "SVG picture",
    ".ogg": "Ogg sound",
    ".wav": "WAV sound",
    ".flac": "FLAC sound",
    ".mp3": "MP3 sound",
}
MAX_PICTURE_SIDE = 4096
"""Larger pictures take too much memory on a school's old laptop (the game shows them small)."""

_ITEM_NOUNS = {
    "steps": ("step", "steps"),
    "options": ("option", "options"),
    "goals": ("goal", "goals"),
    "discussion": ("discussion question", "discussion questions"),
    "topics": ("topic", "topics"),
    "badges": ("badge", "badges"),
    "helplines": ("helpline", "helplines"),
    "bins": ("bin", "bins"),
    "contacts": ("contact", "contacts"),
    "script": ("chat line", "chat lines"),
    "then": ("chat line", "chat lines"),
    "replies": ("reply", "replies"),
    "lines": ("line", "lines"),
}
"""How to name the items of each list key in messages: (one, many)."""

_LIST_OWNERS = {
    "options": "a choice",
    "steps": "a level",
    "bins": "a sort step",
    "items": "a sort step",
    "contacts": "a chat",
    "script": "a chat",
    "replies": "a reply point",
    "lines": "a spot step",
}

_PATTERN_WORDS = {
    SLUG_PATTERN: "lowercase letters, digits and single hyphens, like `the-question`",
    LEVEL_ID_PATTERN: "lowercase letters, digits and single hyphens, like `privacy-treasure`",
    COLOUR_PATTERN: 'a hex colour like "#3a7bd5"',
    COUNTRY_PATTERN: "a two-letter country code in capitals, like GB (or EU)",
}

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "tuple_type": "a list",
    "dict_type": "keys",
    "model_type": "keys",
    "model_attributes_type": "keys",
}


# --- the shape of a whole file -------------------------------------------------------------


def shape_problems(document: YamlDocument, model: type[BaseModel]) -> list[Problem]:
    """Problems with the file as a whole: empty, or not a mapping of keys at the top."""
    required = [name for name, field in model.model_fields.items() if field.is_required()]
    keys = ", ".join(required[1:])
    if document.data is None:
        return [
            document.problem((), f"the file is empty: start it with `format: 1`, then add {keys}")
        ]
    if not isinstance(document.data, dict):
        return [
            document.problem(
                (),
                f"the file should be a set of keys like `format: 1` and {keys}, one per line "
                f"(found {_found(document.data)})",
            )
        ]
    return []


# --- schema errors, in writers' words ------------------------------------------------------


@dataclass(frozen=True)
class _Place:
    """Where a pydantic error points, as a data path plus what the schema says about it."""

    path: DataPath
    owner: type[BaseModel] | None
    field: FieldInfo | None
    annotation: Any


def schema_problems(
    error: ValidationError, document: YamlDocument, model: type[BaseModel]
) -> list[Problem]:
    """Translate pydantic's errors into located problems.

    Args:
        error: The validation error from `model.model_validate(document.data)`.
        document: The parsed file, for positions and the values written.
        model: The root model that was validated.
    """
    details = [(detail, _locate(model, detail["loc"])) for detail in error.errors()]
    misspelt = {
        (*place.path[:-1], closest_match(str(place.path[-1]), _keys(place.owner)))
        for detail, place in details
        if detail["type"] == "extra_forbidden" and place.owner is not None
    }
    missing: dict[DataPath, list[str]] = {}
    problems: list[Problem] = []
    for detail, place in details:
        if detail["type"] == "missing":
            if place.path not in misspelt:  # else "did you mean 'prompt'?" already says it
                missing.setdefault(place.path[:-1], []).append(str(place.path[-1]))
            continue
        problem = _schema_problem(detail, place, document)
        if problem is not None and problem not in problems:
            problems.append(problem)
    problems += [_missing_problem(parent, keys, document) for parent, keys in missing.items()]
    return problems


def _schema_problem(detail: Any, place: _Place, document: YamlDocument) -> Problem | None:
    kind: str = detail["type"]
    path = place.path
    value = detail.get("input")
    context = detail.get("ctx") or {}
    name = _name(path)
    if kind == "extra_forbidden":
        key = str(path[-1])
        allowed = _keys(place.owner) if place.owner else []
        hint = did_you_mean(key, allowed) or (
            f": remove it, or use one of {', '.join(allowed)}" if allowed else ": remove it"
        )
        return document.problem(path, f"unknown key '{key}'{hint}", key=True)
    if kind == "step_type":
        return document.problem(path, _step_type_message(value))
    if kind in ("enum", "literal_error"):
        choices = re.findall(r"'([^']*)'", context.get("expected", "")) or [
            str(context.get("expected", ""))
        ]
        listed = choices[0] if len(choices) == 1 else "one of " + ", ".join(choices)
        hint = did_you_mean(str(value), choices) if isinstance(value, str) else ""
        return document.problem(path, f"{name} must be {listed} (found {_found(value)}){hint}")
    if kind == "string_pattern_mismatch":
        words = _PATTERN_WORDS.get(context.get("pattern", ""), "in the right form")
        message = f"{name} should be {words} (found {_found(value)})"
        if context.get("pattern") in (SLUG_PATTERN, LEVEL_ID_PATTERN) and isinstance(value, str):
            slug = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
            if slug:
                message += f" - for example '{slug}'"
        return document.problem(path, message)
    if kind in ("string_too_short", "string_too_long"):
        return document.problem(path, _text_length_message(kind, name, path, value, context))
    if kind in ("too_short", "too_long"):
        return _count_problem(path, value, place, document)
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        low, high = _bounds(place.field)
        if low is not None and high is not None:
            return document.problem(path, f"{name} must be from {low} to {high} (found {value})")
        return document.problem(path, f"{name} {detail['msg'].lower()} (found {value})")
    if kind in _EXPECTED:
        return document.problem(path, _type_message(kind, name, path, value, place))
    return document.problem(path, f"{name}: {detail['msg']}")


def _locate(model: type[BaseModel], loc: tuple[Any, ...]) -> _Place:
    """Follow a pydantic error location through the models to a data path.

    Discriminated unions add their tag to the location; it is dropped here, because the file
    has no such level.
    """
    annotation: Any = model
    owner: type[BaseModel] | None = None
    field: FieldInfo | None = None
    path: list[str | int] = []
    for element in loc:
        current = _unwrap(annotation)
        if isinstance(current, type) and issubclass(current, BaseModel):
            owner = current
            field = _field_by_key(current, element) if isinstance(element, str) else None
            annotation = field.annotation if field is not None else None
            path.append(element)
        elif get_origin(current) in (list, tuple) and isinstance(element, int):
            annotation = get_args(current)[0]
            path.append(element)
        elif get_origin(current) in (Union, UnionType) and isinstance(element, str):
            tagged = _tagged_member(current, element)
            if tagged is None:
                path.append(element)
            annotation = tagged
        else:
            annotation = None
            path.append(element)
    return _Place(tuple(path), owner, field, annotation)


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional wrappers."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
            continue
        if origin in (Union, UnionType):
            members = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(members) == 1:
                annotation = members[0]
                continue
        return annotation


def _tagged_member(union: Any, tag: str) -> Any:
    for member in get_args(union):
        if get_origin(member) is Annotated:
            for meta in get_args(member)[1:]:
                if getattr(meta, "tag", None) == tag:
                    return member
    return None


def _name(path: DataPath) -> str:
    """How a message names the place: 'title', or 'option 2'."""
    if not path:
        return "the file"
    last = path[-1]
    if isinstance(last, str):
        return f"'{last}'"
    parent = path[-2] if len(path) > 1 else None
    one, _ = _ITEM_NOUNS.get(str(parent), ("item", "items"))
    return f"{one} {last + 1}" if one != "item" else f"item {last + 1} of '{parent}'"


def _found(value: Any) -> str:
    """Describe a written value for a '(found ...)' note."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "keys (a mapping)"
    return type(value).__name__


def _missing_problem(parent: DataPath, keys: list[str], document: YamlDocument) -> Problem:
    """One problem for every key missing from the same mapping."""
    if not parent:
        where = "at the top of the file"
    elif isinstance(parent[-1], str):
        where = f"under {parent[-1]}"
    else:
        one, _ = _ITEM_NOUNS.get(str(parent[-2]) if len(parent) > 1 else "", ("item", "items"))
        where = f"to this {one}"
    if len(keys) == 1:
        message = f"'{keys[0]}' is missing: add `{keys[0]}: ...` {where}"
    else:
        names = ", ".join(f"'{key}'" for key in keys[:-1]) + f" and '{keys[-1]}'"
        message = f"{names} are missing: add them {where}"
    return document.problem(parent, message, key=True)


def _step_type_message(value: Any) -> str:
    keys = list(STEP_TYPES)
    written = ", ".join(f"`{key}:`" for key in keys[:-1]) + f" or `{keys[-1]}:`"
    if not isinstance(value, dict):
        return f"each step should start with {written} (found {_found(value)})"
    present = [key for key in keys if key in value]
    if present:
        both = " and ".join(f"`{key}:`" for key in present)
        return (
            f"this step has both {both}: a step does one thing, so split it into separate steps, "
            "each starting with '- '"
        )
    found = ", ".join(value) if value else "no keys"
    hints = "".join(did_you_mean(str(key), keys) for key in value)
    return f"this step needs one of {written} (found {found}){hints}"


def _text_length_message(
    kind: str, name: str, path: DataPath, value: Any, context: dict[str, Any]
) -> str:
    length = len(value) if isinstance(value, str) else 0
    if kind == "string_too_long":
        limit = context.get("max_length")
        return f"{name} is too long: {_characters(length)}, at most {limit} - make it shorter"
    limit = context.get("min_length", 1)
    if limit <= 1:
        return f"{name} is empty: write some text after `{_key_of(path)}:`"
    return f"{name} is too short: {_characters(length)}, at least {limit}"


def _characters(count: int) -> str:
    return f"{count} character{'' if count == 1 else 's'}"


def _count_problem(
    path: DataPath, value: Any, place: _Place, document: YamlDocument
) -> Problem | None:
    if not isinstance(value, list | tuple):
        return None
    count = len(value)
    low, high = _bounds(place.field)
    if (low is None or count >= low) and (high is None or count <= high):
        # pydantic counts only the items that validated; the real count is fine.
        return None
    key = _key_of(path)
    one, many = _ITEM_NOUNS.get(key, ("item", "items"))
    subject = _LIST_OWNERS.get(key, f"'{key}'")
    if key == "options" and "pick-all" in path:
        subject = "a pick-all step"
    if low is not None and high is not None:
        needed = f"{low} to {high} {many}"
    elif low is not None:
        needed = f"at least {low} {one if low == 1 else many}"
    else:
        needed = f"at most {high} {one if high == 1 else many}"
    return document.problem(path, f"{subject} needs {needed} (found {count})")


def _type_message(kind: str, name: str, path: DataPath, value: Any, place: _Place) -> str:
    expected = _EXPECTED[kind]
    key = _key_of(path)
    if expected == "a list":
        _, many = _ITEM_NOUNS.get(key, ("item", "items"))
        element = "text" if key in ("goals", "discussion") else many
        expected = f"a list of {element}"
        how = "write each item on its own line, starting with '- '"
    elif expected == "keys":
        fields = _field_names(place.annotation)
        expected = "keys like " + " and ".join(f"`{field}: ...`" for field in fields[:2])
        how = "write them on the lines below, indented by two more spaces"
    else:
        how = f"write {expected} after `{key}:`"
    if value is None:
        return f"{name} is empty: {how}"
    message = f"{name} should be {expected} (found {_found(value)})"
    if expected == "text" and isinstance(value, bool | int | float):
        shown = str(value).lower() if isinstance(value, bool) else str(value)
        return f'{message}: put it in quotes, e.g. "{shown}"'
    if expected.startswith(("a list", "keys")):
        return f"{message}: {how}"
    return message


def _field_names(annotation: Any) -> list[str]:
    current = _unwrap(annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return _keys(current)
    return []


def _keys(model: type[BaseModel]) -> list[str]:
    """The keys a writer uses for a model's fields (an alias such as `from` or `pick-all`)."""
    return [field.alias or name for name, field in model.model_fields.items()]


def _field_by_key(model: type[BaseModel], key: str) -> FieldInfo | None:
    """The field a writer's key names, by alias or by name."""
    for name, field in model.model_fields.items():
        if key in (field.alias, name):
            return field
    return None


def _key_of(path: DataPath) -> str:
    """The nearest mapping key on the path."""
    return next((str(part) for part in reversed(path) if isinstance(part, str)), "")


def _bounds(field: FieldInfo | None) -> tuple[Any, Any]:
    """A field's lower and upper bound (for numbers or lengths), None where unbounded."""
    low = high = None
    for meta in field.metadata if field is not None else ():
        low = next((getattr(meta, a) for a in ("ge", "min_length") if hasattr(meta, a)), low)
        high = next((getattr(meta, a) for a in ("le", "max_length") if hasattr(meta, a)), high)
    return low, high


# --- cross-checks on one level -------------------------------------------------------------


def check_level(
    level: Level,
    document: YamlDocument,
    *,
    badges: BadgeCatalogue | None = None,
    strict: bool = False,
) -> list[Problem]:
    """Check what the schema cannot: labels, gotos, story flow, badges, files, folder, notes.

    Args:
        level: The validated level.
        document: Its parsed file.
        badges: The badge catalogue to check badge ids against; None skips that check.
        strict: Also give the advisory warnings in STRICT_CHECKS.
    """
    problems: list[Problem] = []
    problems += _topic_problems(level, document)
    problems += _content_note_problems(level, document)
    problems += _folder_problems(level, document)
    labels, label_problems = _labels(level, document)
    problems += label_problems
    goto_problems: list[Problem] = []
    for index, step in enumerate(level.steps):
        for reference in step.references():
            path = ("steps", index, *reference.where)
            if reference.kind == "goto":
                goto_problems += _goto_problems(reference, path, index, labels, document)
            elif reference.kind == "badge":
                problems += _badge_problems(reference, path, badges, document)
            else:
                problems += _asset_problems(reference, path, document)
        for where, message in step.inner_problems():
            problems.append(document.problem(("steps", index, *where), message))
    problems += goto_problems
    forgiving_problems = list(_forgiving_problems(level, document))
    problems += forgiving_problems
    problems += _blank_text_problems(document)
    problems += _comment_cut_problems(document)
    if not goto_problems and not any(problem.is_error for problem in forgiving_problems):
        problems += _flow_problems(level, document, labels)
    if strict:
        for check in STRICT_CHECKS:
            problems += check(level, document)
    return problems


def _topic_problems(level: Level, document: YamlDocument) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, topic in enumerate(level.topics):
        if topic in seen:
            yield document.problem(
                ("topics", index), f"topic '{topic}' is listed twice: remove one"
            )
        seen.add(topic)


def _content_note_problems(level: Level, document: YamlDocument) -> Iterator[Problem]:
    sensitive = [topic.value for topic in level.topics if topic in SENSITIVE_TOPICS]
    if sensitive and level.teacher.content_note is None:
        yield document.problem(
            ("teacher", "content_note"),
            f"'content_note' is needed because the topics include {', '.join(sensitive)}: add "
            "`content_note: ...` under teacher, telling teachers what the level talks about",
            key=True,
        )


def _folder_problems(level: Level, document: YamlDocument) -> Iterator[Problem]:
    folder = document.path.parent.name
    band = level.band.value
    if folder == band:
        return
    if folder in {member.value for member in Band}:
        message = (
            f"this level is for band '{band}' but its file is in the '{folder}' folder: move it "
            f"to content/levels/{band}/, or fix 'band'"
        )
    else:
        message = "level files live in a folder named after their band: move this file to "
        message += f"content/levels/{band}/"
    yield document.problem(("band",), message, warning=True)


def _labels(level: Level, document: YamlDocument) -> tuple[dict[str, int], list[Problem]]:
    labels: dict[str, int] = {}
    problems: list[Problem] = []
    for index, step in enumerate(level.steps):
        if step.label is None:
            continue
        if step.label in labels:
            first = labels[step.label]
            line = document.position_of(("steps", first, "label")).line
            problems.append(
                document.problem(
                    ("steps", index, "label"),
                    f"label '{step.label}' is already used by step {first + 1} (line {line}): "
                    "labels must be unique in a level, so rename one",
                )
            )
            continue
        labels[step.label] = index
    return labels, problems


def _goto_problems(
    reference: StepReference,
    path: DataPath,
    index: int,
    labels: dict[str, int],
    document: YamlDocument,
) -> Iterator[Problem]:
    label = reference.value
    if label not in labels:
        yield document.problem(
            path,
            f"goto '{label}' has no step with label '{label}' in this level"
            + (did_you_mean(label, labels) or f": add `label: {label}` to the step to jump to"),
        )
    elif labels[label] == index:
        what = {"choice": "choice", "chat": "chat"}.get(str(path[2]), "step")
        yield document.problem(
            path,
            f"goto '{label}' jumps back to this same {what}, so the player could never leave it: "
            "point it at another step, or remove the goto",
        )


def _badge_problems(
    reference: StepReference,
    path: DataPath,
    badges: BadgeCatalogue | None,
    document: YamlDocument,
) -> Iterator[Problem]:
    if badges is None or reference.value in badges.ids():
        return
    hint = did_you_mean(reference.value, badges.ids()) or ": add it to content/badges.yaml"
    yield document.problem(path, f"badge '{reference.value}' is not in badges.yaml{hint}")


def _asset_problems(
    reference: StepReference, path: DataPath, document: YamlDocument
) -> Iterator[Problem]:
    written = reference.value
    what = f"{reference.kind} file '{written}'"
    folder = document.path.parent
    if "\\" in written:
        yield document.problem(
            path, f"{what} uses '\\': write '/' between folders so it works on every computer"
        )
        return
    if PurePosixPath(written).is_absolute() or PureWindowsPath(written).drive:
        yield document.problem(
            path,
            f"{what} must be written relative to this level's folder, e.g. voice/hello.ogg",
        )
        return
    target = folder / written
    try:
        inside = target.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        inside = False
    if not inside:
        how = "goes outside" if ".." in PurePosixPath(written).parts else "is a link leading out of"
        yield document.problem(
            path,
            f"{what} {how} this level's folder: put the file inside the level's folder "
            "(e.g. in voice/) and write the path from there",
        )
        return
    if not target.is_file():
        state = "is a folder, not a file" if target.is_dir() else "was not found"
        yield document.problem(
            path, f"{what} {state} next to this level: check the spelling, or add the file"
        )
        return
    wrong_case = _wrong_case(folder, PurePosixPath(written))
    if wrong_case:
        yield document.problem(
            path,
            f"{what} is spelled '{wrong_case}' on disk: use the same capitals, because some "
            "computers treat them as different files",
        )
    suffixes = ASSET_SUFFIXES.get(reference.kind, ())
    suffix = PurePosixPath(written).suffix.lower()
    if suffixes and suffix not in suffixes:
        yield document.problem(
            path, f"{what} should be one of these file types: {', '.join(suffixes)}"
        )
        return
    trouble = _content_trouble(target, suffix)
    if trouble:
        yield document.problem(path, f"{what} {trouble}")


def _content_trouble(file: Path, suffix: str) -> str | None:
    """What is wrong inside an asset file (empty, another kind renamed, far too big), if
    anything. Read without pygame: only the first bytes, which every kind of file starts with."""
    kind = _KIND_NAMES.get(suffix, "file")
    try:
        with file.open("rb") as stream:
            head = stream.read(64 * 1024 if suffix == ".svg" else 64)
    except OSError as error:
        return f"cannot be read ({error.strerror or error}): check the file's permissions"
    if not head:
        return f"is empty: save the {kind} again"
    article = "an" if kind[0] in "AEHILMNORSX" else "a"  # said as letters: an SVG, an MP3
    again = f"is not really {article} {kind} inside (perhaps another kind of file renamed, or a "
    again += f"broken download): save or export it again as {suffix[1:].upper()}"
    if suffix == ".svg":
        return None if b"<svg" in head else again
    if suffix in _RIFF_KINDS:
        return None if head[:4] == b"RIFF" and head[8:12] == _RIFF_KINDS[suffix] else again
    if not head.startswith(_SIGNATURES.get(suffix, (b"",))):
        return again
    if suffix == ".png" and len(head) >= 24:
        width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
        if max(width, height) > MAX_PICTURE_SIDE:
            return (
                f"is {width} x {height} pixels, too big to load on an old laptop: make it at "
                f"most {MAX_PICTURE_SIDE} pixels on its longest side (the game shows it small)"
            )
    return None


def _wrong_case(folder: Path, relative: PurePosixPath) -> str | None:
    """The on-disk spelling of `relative` when it differs only in capitals, else None."""
    current = folder
    spelled: list[str] = []
    for part in relative.parts:
        if part in (".", ".."):
            current = current / part
            spelled.append(part)
            continue
        try:
            names = os.listdir(current)
        except OSError:
            return None
        if part not in names:
            match = next((name for name in names if name.lower() == part.lower()), None)
            if match is None:
                return None
            spelled.append(match)
            return "/".join([*spelled, *relative.parts[len(spelled) :]])
        spelled.append(part)
        current = current / part
    return None


def _forgiving_problems(level: Level, document: YamlDocument) -> Iterator[Problem]:
    """In under-9 an unsafe answer never moves on: the child is asked to try again. So every
    question needs an answer that is not unsafe."""
    for path, answers, noun in _under_9_questions(level):
        if all(answer.result == Result.UNSAFE for answer in answers):
            yield document.problem(
                path,
                f"every {noun} here is unsafe, and in under-9 an unsafe {noun} asks the child to "
                f"try again, so they could never go on: make at least one {noun} safe (or ok)",
                key=True,
            )


def _under_9_questions(level: Level) -> Iterator[tuple[DataPath, list[Any], str]]:
    """Each question of an under-9 level: where its answers are, the answers, what to call one."""
    if level.band != Band.UNDER_9:
        return
    for index, step in enumerate(level.steps):
        if isinstance(step, ChoiceStep):
            yield ("steps", index, "choice", "options"), list(step.choice.options), "answer"
        elif isinstance(step, ChatStep):
            for where, entry in step.entries():
                if isinstance(entry, ChatReplies):
                    yield ("steps", index, *where, "replies"), list(entry.replies), "reply"


def _comment_cut_problems(document: YamlDocument) -> Iterator[Problem]:
    """A ` #` inside unquoted text starts a YAML comment: the words after it are lost."""
    for path, (at, comment) in sorted(document.comments_after.items(), key=lambda item: item[1]):
        yield Problem(
            document.path,
            at.line,
            at.column,
            f"{_name(path)} stops before '{_short(comment, 40)}': in YAML a ' #' starts a "
            "comment, so those words are not part of the text. If they belong to it, put the "
            'whole text in double quotes ("..."); if it is a note to yourself, put it on a line '
            "of its own",
            "warning",
        )


def _blank_text_problems(document: YamlDocument) -> Iterator[Problem]:
    """Text made only of spaces shows as an empty bubble or button."""

    def walk(value: Any, path: DataPath) -> Iterator[Problem]:
        if isinstance(value, dict):
            for key, child in value.items():
                yield from walk(child, (*path, key))
        elif isinstance(value, list):
            for number, child in enumerate(value):
                yield from walk(child, (*path, number))
        elif isinstance(value, str) and value and not value.strip():
            yield document.problem(
                path, f"{_name(path)} is blank (only spaces): write some words, or remove it"
            )

    yield from walk(document.data, ())


def step_exits(step: StepModel, band: Band | str) -> tuple[str | None, ...]:
    """Where the story can really go after a step, in a band: its goto labels, None for the
    next step. In under-9 unsafe answers are left out, because they never move on."""
    if band != Band.UNDER_9:
        return step.exits()
    if isinstance(step, ChoiceStep):
        return tuple(
            option.goto for option in step.choice.options if option.result != Result.UNSAFE
        )
    if isinstance(step, ChatStep):
        found: set[str | None] = set()
        _follow_forgiving_chat(list(step.chat.script), None, found)
        return tuple(sorted(found, key=lambda label: (label is not None, label or "")))
    return step.exits()


def _follow_forgiving_chat(queue: list[Any], goto: str | None, found: set[str | None]) -> None:
    """Every way through an under-9 chat, where only safe and ok replies carry on."""
    for position, entry in enumerate(queue):
        if isinstance(entry, ChatReplies):
            rest = queue[position + 1 :]
            for reply in entry.replies:
                if reply.result == Result.UNSAFE:
                    continue
                after = reply.goto if reply.goto is not None else goto
                _follow_forgiving_chat(
                    list(reply.then) + ([] if reply.ends else rest), after, found
                )
            return
    found.add(goto)


def _flow_problems(
    level: Level, document: YamlDocument, labels: dict[str, int]
) -> Iterator[Problem]:
    """The story must be able to reach its end from every step a player can reach."""
    end = len(level.steps)
    successors = [
        {
            labels[exit_] if exit_ is not None else index + 1
            for exit_ in step_exits(step, level.band)
        }
        for index, step in enumerate(level.steps)
    ]
    reachable = _reach({0}, lambda index: successors[index] if index < end else set())
    predecessors: dict[int, set[int]] = {}
    for index, targets in enumerate(successors):
        for target in targets:
            predecessors.setdefault(target, set()).add(index)
    can_end = _reach({end}, lambda index: predecessors.get(index, set()))
    stuck = sorted(index for index in reachable if index < end and index not in can_end)
    if stuck:
        yield document.problem(
            ("steps", stuck[0]),
            f"from step {stuck[0] + 1} on, every path jumps back and the level can never end: "
            "give one option no goto (it then goes on to the next step), or a goto to a later "
            "step",
        )
    for index in range(end):
        if index not in reachable and (index - 1) in reachable:
            yield document.problem(
                ("steps", index),
                f"step {index + 1} can never be reached: the step before always jumps away and "
                "no goto leads here; add its label to a goto, or remove it",
                warning=True,
            )


def _reach(start: set[int], neighbours: Callable[[int], set[int]]) -> set[int]:
    seen = set(start)
    frontier = list(start)
    while frontier:
        for neighbour in neighbours(frontier.pop()):
            if neighbour not in seen:
                seen.add(neighbour)
                frontier.append(neighbour)
    return seen


# --- strict-mode advice --------------------------------------------------------------------


def _discussion_advice(level: Level, document: YamlDocument) -> Iterator[Problem]:
    count = len(level.teacher.discussion)
    if count < 2:
        yield document.problem(
            ("teacher", "discussion"),
            f"only {count} discussion question{'' if count == 1 else 's'}: add at least 2 "
            "under teacher, so a class can talk the level over",
            key=True,
            warning=True,
        )


def _summary_advice(level: Level, document: YamlDocument) -> Iterator[Problem]:
    if level.summary is None:
        yield document.problem(
            ("title",),
            "no 'summary': add `summary: ...` after the title, one line (up to 120 "
            "characters) for the map card",
            key=True,
            warning=True,
        )


def _forgiving_advice(level: Level, document: YamlDocument) -> Iterator[Problem]:
    """An unsafe under-9 answer is taken back, so its goto and follow-up never happen."""
    for path, answers, noun in _under_9_questions(level):
        for number, answer in enumerate(answers):
            if answer.result != Result.UNSAFE:
                continue
            if answer.goto is not None:
                yield document.problem(
                    (*path, number, "goto"),
                    f"in under-9 an unsafe {noun} never moves the story on (the child tries "
                    "again), so this goto is never used: remove it, or put it on a safe one",
                    warning=True,
                )
            if isinstance(answer, ChatReply) and answer.then:
                yield document.problem(
                    (*path, number, "then"),
                    "in under-9 an unsafe reply is taken back so the child can choose again, so "
                    "these messages never show: move them to a safe reply",
                    warning=True,
                )


def _teacher_note_advice(level: Level, document: YamlDocument) -> Iterator[Problem]:
    teacher = document.data.get("teacher") if isinstance(document.data, dict) else None
    if isinstance(teacher, dict) and "content_note" not in teacher:
        yield document.problem(
            ("teacher",),
            "no 'content_note' for teachers: add `content_note: ...` under teacher saying what "
            "an adult should know before a class plays this level, or `content_note: null` if "
            "there is nothing to say",
            key=True,
            warning=True,
        )


MAX_WORDS_PER_SENTENCE = {"under-9": 12, "9-12": 20, "13-18": 25}
"""The longest sentence, in words, each band reads comfortably."""


def _reading_advice(level: Level, document: YamlDocument) -> Iterator[Problem]:
    from game.content.readability import hardest_sentences, level_reading

    reading = level_reading(level)
    if reading.too_hard:
        examples = "; ".join(f"'{_short(s)}'" for s in hardest_sentences(level))
        yield document.problem(
            ("band",),
            f"the words read at about grade {reading.grade:.1f} (Flesch-Kincaid, estimated), "
            f"above grade {reading.allowed:.0f} for band {level.band}: use shorter sentences "
            f"and everyday words. The longest sentences: {examples}",
            warning=True,
        )


def _sentence_advice(level: Level, document: YamlDocument) -> Iterator[Problem]:
    from game.content.readability import learner_texts, words

    limit = MAX_WORDS_PER_SENTENCE[str(level.band)]
    texts = set(learner_texts(level))
    for path, text in _strings(document.data, ()):
        if text not in texts:
            continue
        for sentence in re.findall(r"\b[^.!?]+[.!?]*", text):
            count = len(words(sentence))
            if count > limit:
                yield document.problem(
                    path,
                    f"a sentence of {count} words ({level.band} reads up to {limit} at a time): "
                    f"split it in two: '{_short(sentence.strip())}'",
                    warning=True,
                )


def _font_advice(level: Level, document: YamlDocument) -> Iterator[Problem]:
    from game import paths
    from game.text.fonts import find_fonts

    faces = find_fonts(paths.assets_dir() / "fonts", dyslexia=False).faces()
    covered = [face.characters for face in faces]
    for path, text in _strings(document.data, ()):
        missing = sorted(
            {
                char
                for char in text
                if not char.isspace()
                and unicodedata.category(char) not in ("Cc", "Cf")
                and not any(ord(char) in coverage for coverage in covered)
            }
        )
        if missing:
            shown = ", ".join(f"'{char}' (U+{ord(char):04X})" for char in missing[:5])
            yield document.problem(
                path,
                f"the game's fonts cannot draw {shown}: it would show as an empty box, so use "
                "words instead (emoji and rare symbols are not in the fonts)",
                warning=True,
            )


def _screen_fit_advice(level: Level, document: YamlDocument) -> Iterator[Problem]:
    from game.authoring.fit import fit_problems

    for path, message in fit_problems(level, document):
        yield document.problem(path, message, warning=True)


def _strings(value: Any, path: DataPath) -> Iterator[tuple[DataPath, str]]:
    """Every text in a document with its data path, in file order."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, (*path, key))
    elif isinstance(value, list):
        for number, child in enumerate(value):
            yield from _strings(child, (*path, number))
    elif isinstance(value, str):
        yield path, value


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 3].rstrip() + "..."


STRICT_CHECKS: tuple[LevelCheck, ...] = (
    _summary_advice,
    _discussion_advice,
    _teacher_note_advice,
    _forgiving_advice,
    _reading_advice,
    _sentence_advice,
    _font_advice,
    _screen_fit_advice,
)
"""Advice given only in strict mode, each a function (level, document) -> warnings. Only the
screen check needs pygame, which it imports when it runs: plain `sango validate` never does."""


# --- checks across files and on the other content files ------------------------------------


def check_unique_ids(levels: Iterable[tuple[Level, YamlDocument]]) -> list[Problem]:
    """Every level id must be unique; each repeat is reported where it is written."""
    first_seen: dict[str, YamlDocument] = {}
    problems: list[Problem] = []
    for level, document in levels:
        first = first_seen.setdefault(level.id, document)
        if first is not document:
            line = first.position_of(("id",)).line
            problems.append(
                document.problem(
                    ("id",),
                    f"id '{level.id}' is already used by {first.path}:{line}: give this level "
                    "its own id",
                )
            )
    return problems


def check_badge_catalogue(catalogue: BadgeCatalogue, document: YamlDocument) -> list[Problem]:
    """Badge ids must be unique."""
    seen: dict[str, int] = {}
    problems: list[Problem] = []
    for index, badge in enumerate(catalogue.badges):
        if badge.id in seen:
            line = document.position_of(("badges", seen[badge.id], "id")).line
            problems.append(
                document.problem(
                    ("badges", index, "id"),
                    f"badge id '{badge.id}' is already used on line {line}: rename one",
                )
            )
        seen.setdefault(badge.id, index)
    return problems


def check_helplines(helplines: Helplines, document: YamlDocument) -> list[Problem]:
    """The same number listed twice for one country is probably a copy-paste slip."""
    seen: set[tuple[str, str]] = set()
    problems: list[Problem] = []
    for index, line in enumerate(helplines.helplines):
        entry = (line.country, line.number)
        if entry in seen:
            problems.append(
                document.problem(
                    ("helplines", index),
                    f"{line.country} number {line.number} is listed twice: remove one",
                    warning=True,
                )
            )
        seen.add(entry)
    return problems
