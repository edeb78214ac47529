"""Shared helpers for the authoring tests: starter levels and scratch content folders."""

from __future__ import annotations

import shutil
from pathlib import Path

from game import paths
from game.authoring.starter import Starter, write_starter
from game.content.models import Band, Topic


def write_starter_level(
    path: Path, band: str, level_id: str, topics: tuple[str, ...] = ("privacy",)
) -> Path:
    """The starter level `sango new-level` writes, at `path`."""
    starter = Starter(level_id, Band(band), tuple(Topic(t) for t in topics), "treasure-keeper")
    return write_starter(starter, path, paths.content_dir() / "level.schema.json")


def scratch_content(folder: Path) -> Path:
    """A content folder with the game's badges and helplines and no levels; returns its
    levels folder."""
    content = folder / "content"
    (content / "levels").mkdir(parents=True)
    for name in ("badges.yaml", "helplines.yaml", "level.schema.json"):
        shutil.copy(paths.content_dir() / name, content / name)
    return content / "levels"
