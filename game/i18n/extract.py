"""The babel extractor for content files: levels, badges.yaml and helplines.yaml.

Registered as the entry point `sango_levels` (group `babel.extractors`), so both
`sango catalogs extract` and plain `pybabel extract -F babel.cfg` use it. Every string goes out
with a context: the level id for a level file, `content/badges.yaml` for badges and
`content/helplines.yaml` for helplines. A fixed typo therefore shows up as a fuzzy entry in
that level only, and the same English words can be translated differently in two levels.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from game.i18n.catalog import BADGES_CONTEXT, HELPLINES_CONTEXT

LOGGER = logging.getLogger("sango.i18n.extract")
"""Warns about content files that could not be read; `sango catalogs extract` counts them."""

Extracted = tuple[int, str, tuple[str, str], list[str]]
"""(line, keyword, (context, text), translator comments), as babel expects from an extractor."""


def extract_levels(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    """Yield every translatable string of a content file, with its line, context and comment.

    A file with errors yields nothing and is reported (`sango validate` says what is wrong).
    """
    from game.content.yaml_source import LevelFileError, parse_yaml

    path = Path(getattr(fileobj, "name", "<content>"))
    try:
        document = parse_yaml(fileobj.read(), path)
    except LevelFileError as error:
        LOGGER.warning("%s: not extracted: %s", path, error.problems[0])
        return
    try:
        context, texts = _texts_of(document.data)
    except ValidationError as error:
        LOGGER.warning(
            "%s: not extracted: it has %d problem(s); run `sango validate %s`",
            path,
            error.error_count(),
            path,
        )
        return
    lines = _lines_of_strings(document.data, document.value_positions)
    used: set[int] = set()
    keyword = "pgettext"
    for text, comment in texts:
        line = _take_line(lines, text, used)
        yield line, keyword, (context, text), [comment]


def _texts_of(data: Any) -> tuple[str, list[tuple[str, str]]]:
    """The context and the (text, comment) pairs of a content document."""
    from game.content.badges import BadgeCatalogue
    from game.content.helplines import Helplines
    from game.content.models import Level

    if isinstance(data, dict) and "badges" in data and "steps" not in data:
        badges = BadgeCatalogue.model_validate(data)
        return BADGES_CONTEXT, list(badges.texts())
    if isinstance(data, dict) and "helplines" in data and "steps" not in data:
        helplines = Helplines.model_validate(data)
        texts: list[tuple[str, str]] = []
        for line in helplines.helplines:
            if any(char.isalpha() for char in line.name):
                texts.append(
                    (
                        line.name,
                        f"helpline name ({line.country}); keep a proper name such as "
                        "Childline as it is",
                    )
                )
            if line.note:
                texts.append((line.note, f"helpline note ({line.country})"))
        return HELPLINES_CONTEXT, texts
    level = Level.model_validate(data)
    return level.id, list(level.texts())


def _lines_of_strings(data: Any, positions: Mapping[Any, Any]) -> list[tuple[int, str]]:
    """Every string value of the document with its line, in file order."""
    found: list[tuple[int, int, str]] = []

    def walk(value: Any, where: tuple[str | int, ...]) -> None:
        if isinstance(value, str):
            position = positions.get(where)
            if position is not None:
                found.append((position.line, position.column, value))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*where, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*where, index))

    walk(data, ())
    found.sort()
    return [(line, value) for line, _, value in found]


def _take_line(lines: list[tuple[int, str]], text: str, used: set[int]) -> int:
    """The line of the first not yet used string equal to `text` (1 if it cannot be found)."""
    for index, (line, value) in enumerate(lines):
        if index not in used and value == text:
            used.add(index)
            return line
    for line, value in lines:
        if value == text:
            return line
    return 1
