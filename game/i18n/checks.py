"""Checks on the catalogs, worded as `file:line: what is wrong and what to do`.

`sango catalogs check` and the tests in tests/i18n run these, so the team sees at once which
words still need a translator.
"""

from __future__ import annotations

import gettext
import string
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from game.i18n.catalog import DOMAINS
from game.i18n.compiled import po_path
from game.i18n.workflow import (
    Project,
    extract_template,
    is_translated,
    read_catalog,
    translatable,
)

PLURAL_SAMPLE = range(0, 1001)
"""Numbers a plural form is tried with to find the forms that stand for a single number."""


@dataclass(frozen=True)
class CatalogProblem:
    """Something a translator or author must fix, and where."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def placeholders(text: str) -> set[str]:
    """The `{name}` fields of a format string.

    Raises:
        ValueError: The braces do not pair up (a "{" without its "}").
    """
    return {
        field.split(".")[0].split("[")[0]
        for _, field, _, _ in string.Formatter().parse(text)
        if field is not None
    }


def _describe(message: Message) -> str:
    source = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
    where = f" [{message.context}]" if message.context else ""
    short = source if len(source) <= 60 else source[:57] + "..."
    return f"{short!r}{where}"


def single_number_forms(catalog: Catalog) -> set[int]:
    """The plural forms that stand for exactly one number (Arabic: zero, one, two), where a
    translation may say the number in words instead of `{count}`."""
    try:
        rule = gettext.c2py(catalog.plural_expr)
    except (ValueError, AttributeError):
        return set()
    numbers: dict[int, set[int]] = {}
    for number in PLURAL_SAMPLE:
        numbers.setdefault(rule(number), set()).add(number)
    return {form for form, members in numbers.items() if len(members) == 1}


def message_problems(message: Message, catalog: Catalog) -> Iterator[str]:
    """What is wrong with one entry: untranslated, fuzzy, wrong plural forms, placeholders."""
    if message.fuzzy:
        yield f"fuzzy (the source changed; check and confirm the translation): {_describe(message)}"
        return
    if not is_translated(message):
        yield f"untranslated: {_describe(message)}"
        return
    plural = isinstance(message.id, (list, tuple))
    try:
        if not plural:
            wanted = placeholders(message.id)
            found = placeholders(message.string)
            if found != wanted:
                yield (
                    f"placeholders differ: the source has {sorted(wanted)}, the translation "
                    f"has {sorted(found)}; keep every {{name}} exactly: {_describe(message)}"
                )
            return
        forms = list(message.string)
        if len(forms) != catalog.num_plurals:
            yield (
                f"{len(forms)} plural forms, the language has {catalog.num_plurals}: "
                f"{_describe(message)}"
            )
        allowed = placeholders(message.id[0]) | placeholders(message.id[1])
        needed = placeholders(message.id[1])
        single = single_number_forms(catalog)
        for index, form in enumerate(forms):
            found = placeholders(form)
            if found - allowed:
                yield (
                    f"plural form {index} has unknown placeholders {sorted(found - allowed)}: "
                    f"{_describe(message)}"
                )
            elif index not in single and needed - found:
                yield (f"plural form {index} lacks {sorted(needed - found)}: {_describe(message)}")
    except ValueError as error:
        yield f"broken braces ({error}); write {{name}} exactly as in the source: " + (
            _describe(message)
        )


def catalog_problems(project: Project, locale: str) -> list[CatalogProblem]:
    """Every problem in one language's catalogs, against the templates."""
    problems: list[CatalogProblem] = []
    for domain in DOMAINS:
        path = po_path(project.locales, locale, domain)
        shown = project.relative(path)
        if not path.is_file():
            problems.append(
                CatalogProblem(shown, 1, "missing; run `uv run sango catalogs update` to create it")
            )
            continue
        try:
            catalog = read_catalog(path, locale)
        except Exception as error:  # noqa: BLE001 - any parse failure is a problem to report
            problems.append(CatalogProblem(shown, 1, f"cannot be read: {error}"))
            continue
        template = read_catalog(project.template(domain))
        for message in translatable(template):
            if catalog.get(message.id, message.context) is None:
                problems.append(
                    CatalogProblem(
                        shown,
                        1,
                        f"not in this catalog yet (run `uv run sango catalogs update`): "
                        f"{_describe(message)}",
                    )
                )
        for message in translatable(catalog):
            for text in message_problems(message, catalog):
                problems.append(CatalogProblem(shown, message.lineno or 1, text))
    return problems


def template_problems(project: Project) -> list[CatalogProblem]:
    """Source strings missing from the templates, and template strings no source has."""
    problems: list[CatalogProblem] = []
    for domain in DOMAINS:
        path = project.template(domain)
        shown = project.relative(path)
        fresh, skipped = extract_template(project, domain)
        for note in skipped:
            problems.append(CatalogProblem(shown, 1, f"a content file was skipped: {note}"))
        if not path.is_file():
            problems.append(
                CatalogProblem(shown, 1, "missing; run `uv run sango catalogs extract`")
            )
            continue
        stored = read_catalog(path)
        for message in translatable(fresh):
            if stored.get(message.id, message.context) is None:
                where = message.locations[0] if message.locations else ("?", 0)
                problems.append(
                    CatalogProblem(
                        shown,
                        1,
                        f"missing a string from {where[0]}:{where[1]} (run `uv run sango "
                        f"catalogs extract`): {_describe(message)}",
                    )
                )
        for message in translatable(stored):
            if fresh.get(message.id, message.context) is None:
                problems.append(
                    CatalogProblem(
                        shown,
                        message.lineno or 1,
                        f"no source has this string any more (run `uv run sango catalogs "
                        f"extract`): {_describe(message)}",
                    )
                )
    return problems


def coverage_problems(project: Project, fonts_dir: Path) -> list[CatalogProblem]:
    """Characters of a language's translations that none of the bundled fonts can draw."""
    from game.text.fonts import find_fonts

    faces = find_fonts(fonts_dir, False).faces()
    covered: set[int] = set()
    for face in faces:
        covered |= face.characters
    problems: list[CatalogProblem] = []
    for locale in project.languages():
        missing: set[str] = set()
        for domain in DOMAINS:
            path = po_path(project.locales, locale, domain)
            if not path.is_file():
                continue
            for message in translatable(read_catalog(path, locale)):
                strings = (
                    message.string
                    if isinstance(message.string, (list, tuple))
                    else [message.string]
                )
                for text in strings:
                    missing |= {
                        char for char in text if ord(char) not in covered and not char.isspace()
                    }
        if missing:
            problems.append(
                CatalogProblem(
                    project.relative(project.locales / locale),
                    1,
                    f"{len(missing)} characters no bundled font has (they would show as boxes): "
                    f"{''.join(sorted(missing))[:40]}; run `uv run sango catalogs compile` to "
                    "rebuild the Chinese font subset",
                )
            )
    return problems
