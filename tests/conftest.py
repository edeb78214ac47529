"""Test set-up: headless SDL before pygame is imported, and a driver that plays like a child."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from tests.driver import GameDriver, make_driver  # noqa: E402


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh folder for saved progress."""
    return tmp_path / "data"


@pytest.fixture
def game(data_dir: Path) -> Iterator[GameDriver]:
    """A headless game on the title screen, with a fake clock."""
    driver = make_driver(data_dir)
    yield driver
    driver.close()


@pytest.fixture(autouse=True)
def _quit_pygame() -> Iterator[None]:
    yield
    pygame.quit()
