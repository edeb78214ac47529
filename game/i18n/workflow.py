"""The translation workflow: extract templates, update and create catalogs, compile them.

The steps, as `sango catalogs` runs them (docs/translating.md tells the story):

1. extract: the words in the code (`_()`, `ngettext()`) go to locales/game.pot; the words in
   content files go to locales/levels.pot, each with its level id as msgctxt.
2. update: every locales/<lang>/LC_MESSAGES/{game,levels}.po learns the new and changed words.
   A changed source string comes back fuzzy with the old translation, for a translator to
   confirm; nothing is silently lost. The English catalog is the source and is filled in.
3. compile: .po -> .mo (never committed, never edited), and the bundled Chinese font is cut to
   the characters the catalogs use.
"""

from __future__ import annotations

import datetime
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from game import __version__
from game.i18n.catalog import DOMAINS, SOURCE_LOCALE
from game.i18n.compiled import compile_po, po_path

PROJECT = "Sango"
COPYRIGHT_HOLDER = "The Sango authors"
BUGS_ADDRESS = "the Sango authors (see docs/translating.md)"
COMMENT_TAGS = ("Translators:",)
LEVELS_METHOD = "sango_levels"
REVIEW_NOTE = "Native-speaker review is welcome: see docs/translating.md."
FIXED_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
"""Templates carry this creation date, so re-extracting unchanged words changes no file."""


@dataclass(frozen=True)
class Project:
    """A checkout of the game: where the mapping, the sources and the catalogs are."""

    root: Path

    @property
    def locales(self) -> Path:
        return self.root / "locales"

    @property
    def mapping(self) -> Path:
        return self.root / "babel.cfg"

    def template(self, domain: str) -> Path:
        """The .pot of a domain."""
        return self.locales / f"{domain}.pot"

    def languages(self) -> list[str]:
        """Every language with a catalog folder, sorted."""
        if not self.locales.is_dir():
            return []
        return sorted(
            child.name for child in self.locales.iterdir() if (child / "LC_MESSAGES").is_dir()
        )

    def relative(self, path: Path) -> str:
        """A path as shown in reports: relative to the checkout when inside it."""
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)


class _Skipped(logging.Handler):
    """Counts content files the extractor could not read."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _methods(project: Project, domain: str) -> tuple[list[tuple[str, str]], dict]:
    with project.mapping.open(encoding="utf-8") as stream:
        method_map, options_map = parse_mapping_cfg(stream, str(project.mapping))
    wanted = [
        (pattern, method)
        for pattern, method in method_map
        if (method == LEVELS_METHOD) == (domain == "levels")
    ]
    return wanted, options_map


def extract_template(project: Project, domain: str) -> tuple[Catalog, list[str]]:
    """The template of a domain as the sources are now, and the files that were skipped."""
    methods, options = _methods(project, domain)
    catalog = Catalog(
        project=PROJECT,
        version=__version__,
        copyright_holder=COPYRIGHT_HOLDER,
        msgid_bugs_address=BUGS_ADDRESS,
        creation_date=FIXED_DATE,
        charset="utf-8",
        fuzzy=False,
    )
    catalog.domain = domain
    skipped = _Skipped()
    logger = logging.getLogger("sango.i18n.extract")
    logger.addHandler(skipped)
    try:
        for filename, line, message, comments, context in extract_from_dir(
            str(project.root),
            methods,
            options,
            keywords=DEFAULT_KEYWORDS,
            comment_tags=COMMENT_TAGS,
            strip_comment_tags=True,
        ):
            catalog.add(
                message,
                None,
                [(Path(filename).as_posix(), line)],
                auto_comments=comments,
                context=context,
            )
    finally:
        logger.removeHandler(skipped)
    return catalog, skipped.messages


def _po_bytes(catalog: Catalog, **options: bool) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, **options)
    return buffer.getvalue()


def _write_if_changed(path: Path, content: bytes) -> bool:
    if path.is_file() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


def extract(project: Project) -> tuple[list[str], int]:
    """Write locales/{game,levels}.pot from the sources; returns the report and an exit code
    (1 when a content file could not be read and its words are missing)."""
    report: list[str] = []
    status = 0
    for domain in DOMAINS:
        catalog, skipped = extract_template(project, domain)
        path = project.template(domain)
        changed = _write_if_changed(path, _po_bytes(catalog))
        state = "written" if changed else "unchanged"
        report.append(f"{project.relative(path)}: {len(catalog)} strings, {state}")
        for message in skipped:
            report.append(f"  skipped {message}")
            status = 1
    return report, status


def new_catalog(project: Project, locale: str, domain: str) -> Catalog:
    """An empty catalog for a new language, from the template, with the review note."""
    with project.template(domain).open("rb") as stream:
        template = read_po(stream)
    parsed = Locale.parse(locale)
    catalog = Catalog(
        locale=parsed,
        domain=domain,
        project=PROJECT,
        version=__version__,
        copyright_holder=COPYRIGHT_HOLDER,
        msgid_bugs_address=BUGS_ADDRESS,
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
        last_translator="Sango translators",
        language_team=f"{parsed.english_name} (Sango translators)",
        charset="utf-8",
        fuzzy=False,
        header_comment=(
            f"# {parsed.english_name} translations for {PROJECT} ({domain}).\n"
            f"# Copyright (C) 2026 {COPYRIGHT_HOLDER}\n"
            f"# This file is distributed under the same licence as the {PROJECT} project.\n"
            f"# {REVIEW_NOTE}\n"
            "#"
        ),
    )
    catalog.update(template, update_creation_date=False)
    return catalog


def _fill_source(catalog: Catalog) -> None:
    """The English catalog says exactly what the source says."""
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, (list, tuple)):
            forms = catalog.num_plurals
            message.string = tuple(
                message.id[0] if form == 0 else message.id[1] for form in range(forms)
            )
        else:
            message.string = message.id
        message.flags.discard("fuzzy")
        message.previous_id = []


def update(project: Project, languages: list[str] | None = None) -> list[str]:
    """Bring every catalog (or the given languages) up to date with the templates."""
    report: list[str] = []
    for locale in languages or project.languages():
        for domain in DOMAINS:
            path = po_path(project.locales, locale, domain)
            with project.template(domain).open("rb") as stream:
                template = read_po(stream)
            if path.is_file():
                with path.open("rb") as stream:
                    catalog = read_po(stream, locale=locale, domain=domain)
                catalog.update(template, update_creation_date=False)
            else:
                catalog = new_catalog(project, locale, domain)
            if locale.split("_")[0] == SOURCE_LOCALE:
                _fill_source(catalog)
            changed = _write_if_changed(path, _po_bytes(catalog, include_previous=True))
            untranslated, fuzzy = counts(catalog)
            report.append(
                f"{project.relative(path)}: {'updated' if changed else 'unchanged'}; "
                f"{untranslated} untranslated, {fuzzy} fuzzy"
            )
    return report


def init(project: Project, locale: str) -> list[str]:
    """Start catalogs for a new language."""
    Locale.parse(locale)  # raises for an unknown language tag
    return update(project, [locale])


def counts(catalog: Catalog) -> tuple[int, int]:
    """How many entries are untranslated and how many are fuzzy."""
    untranslated = fuzzy = 0
    for message in translatable(catalog):
        if message.fuzzy:
            fuzzy += 1
        elif not is_translated(message):
            untranslated += 1
    return untranslated, fuzzy


def translatable(catalog: Catalog) -> Iterator[Message]:
    """The entries of a catalog except its header."""
    for message in catalog:
        if message.id:
            yield message


def is_translated(message: Message) -> bool:
    """Whether every form of the entry has words."""
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return bool(strings) and all(strings)


def compile_all(project: Project) -> list[str]:
    """Compile every .po to .mo beside it."""
    report: list[str] = []
    for locale in project.languages():
        for domain in DOMAINS:
            po = po_path(project.locales, locale, domain)
            if po.is_file():
                compile_po(po, po.with_suffix(".mo"))
                report.append(f"{project.relative(po.with_suffix('.mo'))}: compiled")
    return report


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    """A .po or .pot file as a catalog."""
    with path.open("rb") as stream:
        return read_po(stream, locale=locale)


def translated_texts(project: Project, locale: str) -> Iterator[str]:
    """Every translation of a language, all plural forms included."""
    for domain in DOMAINS:
        path = po_path(project.locales, locale, domain)
        if not path.is_file():
            continue
        for message in translatable(read_catalog(path, locale)):
            strings = (
                message.string if isinstance(message.string, (list, tuple)) else [message.string]
            )
            yield from (text for text in strings if text)
