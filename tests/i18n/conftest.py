"""Fixtures for the language tests: the shipped catalogs, the bundled fonts, a text service."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.i18n.workflow import Project
from game.paths import assets_dir, locales_dir
from game.text.service import TextService, find_fonts

SHIPPED_LOCALES = ("ar", "en", "es", "fr", "ru", "zh_Hans")
"""The six UN languages the game ships in."""


@pytest.fixture
def project() -> Project:
    """This checkout, as the catalog workflow sees it."""
    return Project(locales_dir().parent)


@pytest.fixture
def fonts_dir() -> Path:
    return assets_dir() / "fonts"


@pytest.fixture
def text_for(fonts_dir: Path) -> Iterator:
    """Make a text service for a language (and the easy-read font when asked)."""
    pygame.font.init()

    def make(language: str, dyslexia: bool = False, scale: int = 100) -> TextService:
        return TextService(find_fonts(fonts_dir, dyslexia), scale, 1.25, language)

    yield make
