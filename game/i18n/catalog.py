"""The translations the game speaks, loaded from compiled gettext catalogs."""

from __future__ import annotations

import gettext
from pathlib import Path

from babel import Locale, UnknownLocaleError, default_locale
from babel.core import get_global
from babel.numbers import format_decimal

from game.i18n.compiled import compiled_catalog

SOURCE_LOCALE = "en"
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur"})
DOMAINS = ("game", "levels")
"""`game`: the strings in the code. `levels`: the strings in content files."""

BADGES_CONTEXT = "content/badges.yaml"
"""The msgctxt of badge names and descriptions (a level id can never contain a slash)."""
HELPLINES_CONTEXT = "content/helplines.yaml"
"""The msgctxt of helpline names and notes."""


def available_locales(locales_dir: Path) -> list[str]:
    """The languages with a catalog folder, English (the source) always included."""
    found = {SOURCE_LOCALE}
    if locales_dir.is_dir():
        for child in locales_dir.iterdir():
            if (child / "LC_MESSAGES").is_dir():
                found.add(child.name)
    return sorted(found)


def _parse(tag: str) -> Locale | None:
    try:
        return Locale.parse(tag.replace("-", "_").split(".")[0].split("@")[0])
    except (ValueError, TypeError, UnknownLocaleError):
        return None


def _script(locale: Locale) -> str | None:
    """The script a locale is written in: stated, or the likely one (zh_CN -> Hans)."""
    if locale.script:
        return locale.script
    likely = get_global("likely_subtags")
    for key in (f"{locale.language}_{locale.territory}", locale.language):
        guess = likely.get(key)
        if guess:
            parsed = _parse(guess)
            if parsed is not None and parsed.script:
                return parsed.script
    return None


def best_match(wish: str, available: list[str]) -> str | None:
    """The available catalog that serves a wish best: the same tag, then the same language and
    script (zh_CN -> zh_Hans), then the same language (fr_CA -> fr)."""
    normal = wish.replace("-", "_").split(".")[0].split("@")[0]
    for tag in available:
        if tag.lower() == normal.lower():
            return tag
    wanted = _parse(normal)
    if wanted is None:
        language = normal.split("_")[0].lower()
        return next((tag for tag in available if tag.split("_")[0].lower() == language), None)
    same_language = [
        (tag, parsed)
        for tag in available
        if (parsed := _parse(tag)) is not None and parsed.language == wanted.language
    ]
    if not same_language:
        return None
    script = _script(wanted)
    for tag, parsed in same_language:
        if _script(parsed) == script:
            return tag
    return same_language[0][0]


def negotiate(preferred: str | None, locales_dir: Path) -> str:
    """The best available language for a wish, or for the operating system when None."""
    available = available_locales(locales_dir)
    wishes = [preferred] if preferred else []
    system = default_locale()
    if system:
        wishes.append(system)
    for wish in wishes:
        best = best_match(wish, available)
        if best:
            return best
    return SOURCE_LOCALE


class I18n:
    """Looks up UI strings (domain `game`) and content strings (domain `levels`, with the level
    id as context). A string missing from a catalog falls back to English, never to blank."""

    def __init__(self, locales_dir: Path, locale: str | None = None) -> None:
        self.locales_dir = locales_dir
        self.requested = locale
        """What was asked for (None: the operating system's language)."""
        self.locale = negotiate(locale, locales_dir)
        self.problems: list[str] = []
        """Catalogs that could not be read or compiled (the game then speaks English)."""
        self._game = self._load("game")
        self._levels = self._load("levels")

    def _load(self, domain: str) -> gettext.NullTranslations:
        try:
            path = compiled_catalog(self.locales_dir, self.locale, domain)
        except (OSError, ValueError) as error:
            self.problems.append(f"The {self.locale} {domain} catalog could not be read: {error}")
            return gettext.NullTranslations()
        if path is None:
            return gettext.NullTranslations()
        try:
            with path.open("rb") as stream:
                return gettext.GNUTranslations(stream)
        except (OSError, ValueError, UnicodeDecodeError) as error:
            self.problems.append(f"The {self.locale} {domain} catalog could not be read: {error}")
            return gettext.NullTranslations()

    @property
    def language(self) -> str:
        """The language part of the locale, e.g. `ar` for `ar_EG`, `zh` for `zh_Hans`."""
        return self.locale.split("_")[0]

    @property
    def rtl(self) -> bool:
        """Whether the language is written right to left."""
        return self.language in RTL_LANGUAGES

    def display_name(self, locale: str | None = None) -> str:
        """The name of a language in that language, e.g. `français`."""
        tag = locale or self.locale
        parsed = _parse(tag)
        if parsed is None:
            return tag
        return parsed.get_display_name() or tag

    def gettext(self, message: str) -> str:
        """A UI string in the player's language; English when it has no translation."""
        if not message:
            return message
        return self._game.gettext(message) or message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """A UI string with a count, with the language's plural rules (Arabic has six forms)."""
        return self._game.ngettext(singular, plural, count) or (singular if count == 1 else plural)

    def number(self, value: float) -> str:
        """A number written the way the language groups digits (12 345 in French, 12,345 in
        English), always with Western digits, as the catalogs use them."""
        try:
            return format_decimal(value, locale=self.locale, numbering_system="latn")
        except (ValueError, UnknownLocaleError):
            return str(value)

    def pgettext(self, context: str, message: str) -> str:
        """A content string looked up with its context; English when it has no translation."""
        if not message:
            return message
        return self._levels.pgettext(context, message) or message

    def level(self, level_id: str, message: str) -> str:
        """A string from a level file, looked up with the level id as context."""
        return self.pgettext(level_id, message)

    def badge(self, message: str) -> str:
        """A badge's name or description (content/badges.yaml) in the player's language."""
        return self.pgettext(BADGES_CONTEXT, message)

    def helpline(self, message: str) -> str:
        """A helpline's name or note (content/helplines.yaml) in the player's language."""
        return self.pgettext(HELPLINES_CONTEXT, message)
