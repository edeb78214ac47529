"""The translations the game speaks, loaded from compiled gettext catalogs."""

from __future__ import annotations

import gettext
from pathlib import Path

from babel import Locale, UnknownLocaleError, default_locale, negotiate_locale

SOURCE_LOCALE = "en"
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur"})


def available_locales(locales_dir: Path) -> list[str]:
    """The languages with a catalog folder, English (the source) always included."""
    found = {SOURCE_LOCALE}
    if locales_dir.is_dir():
        for child in locales_dir.iterdir():
            if (child / "LC_MESSAGES").is_dir():
                found.add(child.name)
    return sorted(found)


def negotiate(preferred: str | None, locales_dir: Path) -> str:
    """The best available language for a wish, or for the operating system when None."""
    available = available_locales(locales_dir)
    wishes = [preferred] if preferred else []
    system = default_locale()
    if system:
        wishes.append(system)
    for wish in wishes:
        best = negotiate_locale([wish, wish.split("_")[0]], available, sep="_")
        if best:
            return best
    return SOURCE_LOCALE


class I18n:
    """Looks up UI strings (domain `game`) and level strings (domain `levels`, level id as context)."""

    def __init__(self, locales_dir: Path, locale: str | None = None) -> None:
        self.locales_dir = locales_dir
        self.locale = negotiate(locale, locales_dir)
        self._game = self._load("game")
        self._levels = self._load("levels")

    def _load(self, domain: str) -> gettext.NullTranslations:
        return gettext.translation(
            domain, localedir=self.locales_dir, languages=[self.locale], fallback=True
        )

    @property
    def language(self) -> str:
        """The language part of the locale, e.g. `ar` for `ar_EG`."""
        return self.locale.split("_")[0]

    @property
    def rtl(self) -> bool:
        """Whether the language is written right to left."""
        return self.language in RTL_LANGUAGES

    def display_name(self, locale: str | None = None) -> str:
        """The name of a language in that language, e.g. `français`."""
        try:
            return Locale.parse(locale or self.locale).get_display_name() or (locale or self.locale)
        except (ValueError, UnknownLocaleError):
            return locale or self.locale

    def gettext(self, message: str) -> str:
        """A UI string in the player's language; English when it has no translation."""
        return self._game.gettext(message) or message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """A UI string with a count, with the language's plural rules."""
        return self._game.ngettext(singular, plural, count)

    def level(self, level_id: str, message: str) -> str:
        """A string from a level file, looked up with the level id as context."""
        if not message:
            return message
        return self._levels.pgettext(level_id, message) or message
