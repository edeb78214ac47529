"""Where the game's data lives: in a source checkout, or inside an installed wheel."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _data_root() -> Path:
    """The folder holding `content/` and `locales/`.

    In a checkout they sit beside the package; an installed wheel carries them in `game/_data`.
    """
    bundled = PACKAGE_DIR / "_data"
    if bundled.is_dir():
        return bundled
    return PACKAGE_DIR.parent


def content_dir() -> Path:
    """The shipped content: levels, badges and helplines."""
    return _data_root() / "content"


def levels_dir() -> Path:
    """The shipped level files, one folder per band."""
    return content_dir() / "levels"


def locales_dir() -> Path:
    """The gettext catalogs, one folder per language."""
    return _data_root() / "locales"


def assets_dir() -> Path:
    """Fonts, art and sounds."""
    return PACKAGE_DIR / "assets"
