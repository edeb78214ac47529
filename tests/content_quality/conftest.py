"""Runs the per-level content checks once for every shipped level file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .content_files import LEVEL_FILES, LEVELS_DIR, load_yaml


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "level_file" in metafunc.fixturenames:
        metafunc.parametrize(
            "level_file",
            LEVEL_FILES,
            ids=[path.relative_to(LEVELS_DIR).as_posix() for path in LEVEL_FILES],
        )


@pytest.fixture
def level(level_file: Path) -> dict[str, Any]:
    data = load_yaml(level_file)
    assert isinstance(data, dict), f"{level_file}: a level file must hold a mapping"
    return data
