"""Levels an author names on the command line: by id, or by the path of a file being written."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from game.content.catalogue import LEVEL_SUFFIX, Catalogue, load_level
from game.content.models import Level
from game.content.problems import Problem


def looks_like_file(reference: str) -> bool:
    """Whether `--level` names a file rather than a level id (ids have no dots or slashes)."""
    return reference.endswith(LEVEL_SUFFIX) or "/" in reference or "\\" in reference


def load_level_file(path: Path, catalogue: Catalogue) -> tuple[Level | None, list[Problem]]:
    """Read and check a level file against the game's badges, as the game will play it."""
    return load_level(path, badges=catalogue.badges)


def catalogue_with(catalogue: Catalogue, level: Level, path: Path) -> Catalogue:
    """The catalogue with `level` (loaded from `path`) in it, replacing any level with its id.

    The file is remembered too, so the level's own pictures and voice files are found next to it.
    """
    levels = [known for known in catalogue.levels if known.id != level.id]
    position = next(
        (index for index, known in enumerate(catalogue.levels) if known.id == level.id),
        len(levels),
    )
    levels.insert(position, level)
    files = {**catalogue.files, level.id: path.absolute()}
    broken = tuple(entry for entry in catalogue.broken if entry[0].absolute() != path.absolute())
    return dataclasses.replace(catalogue, levels=tuple(levels), files=files, broken=broken)
