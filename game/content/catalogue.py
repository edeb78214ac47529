"""Loading content files into models, validating sets of them, and the level catalogue."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from game import paths
from game.content.badges import Badge, BadgeCatalogue
from game.content.checks import (
    check_badge_catalogue,
    check_helplines,
    check_level,
    check_unique_ids,
    schema_problems,
    shape_problems,
)
from game.content.helplines import Helpline, Helplines
from game.content.models import Band, Level
from game.content.problems import Problem, sorted_problems
from game.content.yaml_source import LevelFileError, YamlDocument, read_yaml

BADGES_FILE = "badges.yaml"
HELPLINES_FILE = "helplines.yaml"
LEVEL_SUFFIX = ".yaml"

_Model = TypeVar("_Model", bound=BaseModel)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Read a batch of files with Python's cycle collector paused, then resume it.

    Parsing makes many short-lived objects and no cycles worth chasing, while each collection
    walks every model kept so far: for 1,000 levels it cost a quarter of the time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_level(
    path: Path, *, badges: BadgeCatalogue | None = None, strict: bool = False
) -> tuple[Level | None, list[Problem]]:
    """Read, validate and cross-check one level file.

    Args:
        path: The level file.
        badges: The badge catalogue for checking badge ids; None skips that check.
        strict: Also give strict-mode advice.

    Returns:
        The level (None when there is any error) and every problem found, in file order.
    """
    level, _, problems = _load_level_document(path, badges, strict)
    return level, problems


def load_badges(path: Path) -> tuple[BadgeCatalogue | None, list[Problem]]:
    """Read and validate content/badges.yaml."""
    catalogue, document, problems = _load_model(path, BadgeCatalogue)
    if catalogue is not None and document is not None:
        problems += check_badge_catalogue(catalogue, document)
    return _unless_errors(catalogue, problems)


def load_helplines(path: Path) -> tuple[Helplines | None, list[Problem]]:
    """Read and validate content/helplines.yaml."""
    helplines, document, problems = _load_model(path, Helplines)
    if helplines is not None and document is not None:
        problems += check_helplines(helplines, document)
    return _unless_errors(helplines, problems)


@dataclass(frozen=True)
class ValidationReport:
    """What `validate` found.

    Attributes:
        levels_checked: How many level files were checked.
        problems: Every problem, errors and warnings, by file and line.
    """

    levels_checked: int
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop a file being used."""
        return [problem for problem in self.problems if problem.is_error]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that are advice."""
        return [problem for problem in self.problems if not problem.is_error]


@_without_cycle_collection()
def validate(paths_to_check: Sequence[Path], strict: bool = False) -> ValidationReport:
    """Check level files, folders of them, badges.yaml and helplines.yaml.

    Folders are searched for *.yaml; files named badges.yaml and helplines.yaml are checked as
    those. With no paths, the shipped content is checked, badges and helplines included.

    Args:
        paths_to_check: Files and folders to check.
        strict: Also give strict-mode advice.
    """
    problems: list[Problem] = []
    files: list[Path] = []
    shipped = paths.levels_dir()
    targets = list(paths_to_check) or [shipped]
    for target in targets:
        if target.is_dir():
            files += _yaml_files(target)
            if _same_folder(target, shipped):
                files += [shipped.parent / BADGES_FILE, shipped.parent / HELPLINES_FILE]
        elif target.exists():
            files.append(target)
        else:
            problems.append(Problem(target, 0, 0, "no such file or folder: check the path"))
    files = list(dict.fromkeys(files))

    badge_files = _BadgeCache()
    levels: list[tuple[Level, YamlDocument]] = []
    level_count = 0
    for file in files:
        if file.name == BADGES_FILE:
            problems += badge_files.load(file)[1]
        elif file.name == HELPLINES_FILE:
            problems += load_helplines(file)[1]
        else:
            level_count += 1
            level, document, level_problems = _load_level_document(
                file, badge_files.near(file), strict
            )
            problems += level_problems
            if level is not None and document is not None:
                levels.append((level, document))
    problems += check_unique_ids(levels)
    return ValidationReport(level_count, sorted_problems(dict.fromkeys(problems)))


def validate_paths(paths_to_check: list[Path], strict: bool = False) -> list[Problem]:
    """Every problem in the given files and folders (the shipped content when empty)."""
    return validate(paths_to_check, strict).problems


@dataclass(frozen=True)
class Catalogue:
    """Every playable level, with the badges and helplines the game shows.

    A broken file never stops the others loading: it is listed in `broken` instead.

    Attributes:
        levels: The good levels, in band order, then file order.
        broken: Files that failed to load, with their problems: levels that did not load
            (including repeated ids), and badges.yaml or helplines.yaml when broken or missing.
        badges: The badge catalogue, or None when badges.yaml is missing or broken.
        helplines: The helplines, or None when helplines.yaml is missing or broken.
    """

    levels: tuple[Level, ...]
    broken: tuple[tuple[Path, list[Problem]], ...] = ()
    badges: BadgeCatalogue | None = None
    helplines: Helplines | None = None
    files: dict[str, Path] = field(default_factory=dict)

    @classmethod
    @_without_cycle_collection()
    def load(cls, levels_dir: Path | None = None) -> Catalogue:
        """Load every level under `levels_dir` and the badges and helplines beside it.

        Args:
            levels_dir: The folder of band folders; the shipped levels by default.
        """
        levels_dir = levels_dir if levels_dir is not None else paths.levels_dir()
        content_dir = levels_dir.parent
        broken: list[tuple[Path, list[Problem]]] = []
        badges, badge_problems = load_badges(content_dir / BADGES_FILE)
        if badges is None:
            broken.append((content_dir / BADGES_FILE, badge_problems))
        helplines, helpline_problems = load_helplines(content_dir / HELPLINES_FILE)
        if helplines is None:
            broken.append((content_dir / HELPLINES_FILE, helpline_problems))

        loaded: dict[str, tuple[Level, YamlDocument]] = {}
        for file in _yaml_files(levels_dir):
            level, document, problems = _load_level_document(file, badges, strict=False)
            if level is None or document is None:
                broken.append((file, problems))
            elif level.id in loaded:
                broken.append((file, check_unique_ids([loaded[level.id], (level, document)])))
            else:
                loaded[level.id] = (level, document)
        band_order = {band: index for index, band in enumerate(Band)}
        ordered = sorted(
            loaded.values(),
            key=lambda entry: (band_order[entry[0].band], entry[1].path.name, entry[1].path),
        )
        return cls(
            levels=tuple(level for level, _ in ordered),
            broken=tuple(broken),
            badges=badges,
            helplines=helplines,
            files={level.id: document.path for level, document in ordered},
        )

    def by_band(self, band: Band | str) -> tuple[Level, ...]:
        """The levels of one age band, in order."""
        return tuple(level for level in self.levels if level.band == band)

    def get(self, level_id: str) -> Level | None:
        """The level with this id, or None."""
        return next((level for level in self.levels if level.id == level_id), None)

    def broken_in_band(self, band: Band | str) -> list[tuple[Path, list[Problem]]]:
        """The broken level files in a band's folder, so the map can show them as not ready."""
        return [
            (path, problems)
            for path, problems in self.broken
            if path.parent.name == str(band) and path.name not in (BADGES_FILE, HELPLINES_FILE)
        ]

    def badge(self, badge_id: str | None) -> Badge | None:
        """The badge with this id, or None (also when badges.yaml did not load)."""
        if badge_id is None or self.badges is None:
            return None
        return self.badges.get(badge_id)

    def helpline_countries(self) -> list[str]:
        """The country codes a grown-up can choose for the helpline shown in Help."""
        return self.helplines.countries() if self.helplines is not None else []

    def helplines_for(self, country: str) -> tuple[Helpline, ...]:
        """The helplines to show for a country code; none when helplines.yaml did not load."""
        return self.helplines.for_country(country) if self.helplines is not None else ()

    def path_of(self, level_id: str) -> Path:
        """The file a level was loaded from; its folder holds the level's voice files.

        Raises:
            KeyError: No level has this id.
        """
        return self.files[level_id]


def _load_level_document(
    path: Path, badges: BadgeCatalogue | None, strict: bool
) -> tuple[Level | None, YamlDocument | None, list[Problem]]:
    level, document, problems = _load_model(path, Level)
    if level is not None and document is not None:
        try:
            problems += check_level(level, document, badges=badges, strict=strict)
        except Exception as error:  # noqa: BLE001 - a checker bug must not stop the others
            problems.append(_unexpected(path, error))
    checked, problems = _unless_errors(level, problems)
    return checked, document, problems


def _load_model(
    path: Path, model: type[_Model]
) -> tuple[_Model | None, YamlDocument | None, list[Problem]]:
    """Parse a file and validate it against `model`, turning every failure into problems."""
    try:
        document = read_yaml(path)
    except LevelFileError as error:
        return None, None, sorted_problems(error.problems)
    except Exception as error:  # noqa: BLE001 - never a traceback for a content file
        return None, None, [_unexpected(path, error)]
    problems = shape_problems(document, model)
    if problems:
        return None, document, problems
    try:
        return model.model_validate(document.data), document, []
    except ValidationError as error:
        return None, document, sorted_problems(schema_problems(error, document, model))
    except Exception as error:  # noqa: BLE001
        return None, document, [_unexpected(path, error)]


def _unless_errors(
    value: _Model | None, problems: list[Problem]
) -> tuple[_Model | None, list[Problem]]:
    ordered = sorted_problems(problems)
    if any(problem.is_error for problem in ordered):
        return None, ordered
    return value, ordered


def _unexpected(path: Path, error: Exception) -> Problem:
    return Problem(
        path,
        1,
        1,
        f"this file could not be checked ({type(error).__name__}: {error}); please report this "
        "as a bug in sango, with the file",
    )


def _yaml_files(folder: Path) -> list[Path]:
    """Level-like files under a folder, sorted, skipping hidden files and folders."""
    found = (
        file
        for file in folder.rglob(f"*{LEVEL_SUFFIX}")
        if file.is_file()
        and not any(part.startswith(".") for part in file.relative_to(folder).parts)
    )
    return sorted(found)


def _same_folder(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return False


class _BadgeCache:
    """Each badges.yaml read once per validation run, found from the levels it governs."""

    def __init__(self) -> None:
        self._loaded: dict[Path, tuple[BadgeCatalogue | None, list[Problem]]] = {}

    def load(self, file: Path) -> tuple[BadgeCatalogue | None, list[Problem]]:
        """The catalogue in `file` and its problems."""
        key = file.absolute()
        if key not in self._loaded:
            self._loaded[key] = load_badges(file)
        return self._loaded[key]

    def near(self, level_file: Path) -> BadgeCatalogue | None:
        """The badges.yaml governing a level: the nearest one in the folders above it."""
        for folder in level_file.absolute().parents:
            candidate = folder / BADGES_FILE
            if candidate in self._loaded or candidate.is_file():
                return self.load(candidate)[0]
        return None
