"""Shared helpers for content tests: a scratch copy of the fixture content and positions."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
GOOD_LEVEL = FIXTURES / "content" / "levels" / "under-9" / "01-treasure-box.yaml"

LevelWriter = Callable[..., Path]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the fixture content folder (levels, badges.yaml, helplines.yaml)."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", target)
    return target


@pytest.fixture
def good_level_text() -> str:
    """The text of a level that has no problems at all."""
    return GOOD_LEVEL.read_text(encoding="utf-8")


@pytest.fixture
def write_level(content: Path) -> LevelWriter:
    """Write a level file into the scratch content, in a band folder, and return its path."""

    def write(text: str | bytes, band: str = "under-9", name: str = "02-draft.yaml") -> Path:
        path = content / "levels" / band / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write


def _position_of(text: str, snippet: str, occurrence: int = 1) -> str:
    index = -1
    for _ in range(occurrence):
        index = text.index(snippet, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"{line}:{column}"


@pytest.fixture
def at() -> Callable[..., str]:
    """at(text, snippet, occurrence=1): the 1-based "line:column" where `snippet` starts."""
    return _position_of
