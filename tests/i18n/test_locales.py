"""Choosing a language: from the system, on the command line, live in settings; and fallbacks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from game.commands.play import overrides
from game.i18n import catalog as catalog_module
from game.i18n import compiled
from game.i18n.catalog import I18n, available_locales, best_match
from game.i18n.compiled import po_path
from game.paths import locales_dir
from tests.driver import make_driver
from tests.i18n.conftest import SHIPPED_LOCALES

SETTINGS_IN = {
    "ar": "الإعدادات",
    "es": "Ajustes",
    "fr": "Réglages",
    "ru": "Настройки",
    "zh_Hans": "设置",
}


@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
def test_each_language_loads(locale: str) -> None:
    i18n = I18n(locales_dir(), locale)
    assert i18n.locale == locale
    assert i18n.problems == []
    if locale != "en":
        assert i18n.gettext("Settings") == SETTINGS_IN[locale]
        assert i18n.gettext("Settings") != "Settings"


def test_english_is_always_offered() -> None:
    assert set(available_locales(locales_dir())) >= set(SHIPPED_LOCALES)


@pytest.mark.parametrize(
    ("wish", "expected"),
    [
        ("zh_CN", "zh_Hans"),
        ("zh-Hans-SG", "zh_Hans"),
        ("zh_TW", "zh_Hans"),
        ("zh", "zh_Hans"),
        ("fr_CA", "fr"),
        ("ar_EG.UTF-8", "ar"),
        ("ru_RU", "ru"),
        ("es_419", "es"),
        ("pt_BR", None),
    ],
)
def test_a_wish_finds_the_closest_language(wish: str, expected: str | None) -> None:
    assert best_match(wish, list(SHIPPED_LOCALES)) == expected


def test_the_operating_system_language_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog_module, "default_locale", lambda: "ru_RU")
    assert I18n(locales_dir()).locale == "ru"
    monkeypatch.setattr(catalog_module, "default_locale", lambda: "sw_KE")
    assert I18n(locales_dir()).locale == "en"


def test_the_locale_option_chooses_the_language(data_dir: Path) -> None:
    from game.cli import build_parser

    args = build_parser().parse_args(["--locale", "ar"])
    assert overrides(args)["locale"] == "ar"
    game = make_driver(data_dir, overrides=overrides(args))
    try:
        assert game.ctx.i18n.locale == "ar"
        assert game.ctx.i18n.rtl
        assert game.ctx.text.language == "ar"
        assert game.widget("play").text == "العب"
    finally:
        game.close()


def test_language_changes_live_in_settings(data_dir: Path) -> None:
    game = make_driver(data_dir, overrides={"locale": "en"})
    try:
        assert game.widget("play").text == "Play"
        game.ctx.update_settings(locale="fr")
        assert game.ctx.text.language == "fr"
        assert game.widget("play").text == "Jouer"
        game.ctx.update_settings(locale="zh_Hans")
        assert game.widget("play").text == "开始玩"
    finally:
        game.close()


def test_a_missing_string_falls_back_to_english_never_blank() -> None:
    i18n = I18n(locales_dir(), "fr")
    assert i18n.gettext("A sentence no translator has seen") == "A sentence no translator has seen"
    assert i18n.level("privacy-treasure", "Words added today") == "Words added today"
    assert i18n.ngettext("{count} cloud", "{count} clouds", 2) == "{count} clouds"
    assert i18n.gettext("") == ""


def test_a_fuzzy_or_empty_entry_shows_english(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    po = po_path(locales, "fr", "game")
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, fuzzy\nmsgid "Play"\nmsgstr "Jouer peut-être"\n\n'
        'msgid "Quit"\nmsgstr ""\n\n'
        'msgid "Back"\nmsgstr "Retour"\n',
        encoding="utf-8",
    )
    i18n = I18n(locales, "fr")
    assert (i18n.gettext("Play"), i18n.gettext("Quit"), i18n.gettext("Back")) == (
        "Play",
        "Quit",
        "Retour",
    )


def _copy_catalogs(tmp_path: Path, locale: str) -> Path:
    locales = tmp_path / "locales"
    for domain in ("game", "levels"):
        target = po_path(locales, locale, domain)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(po_path(locales_dir(), locale, domain), target)
    return locales


def test_catalogs_are_compiled_at_start_and_again_when_a_po_changes(tmp_path: Path) -> None:
    locales = _copy_catalogs(tmp_path, "es")
    mo = po_path(locales, "es", "game").with_suffix(".mo")
    assert not mo.exists()
    assert I18n(locales, "es").gettext("Settings") == "Ajustes"
    assert mo.is_file()
    po = po_path(locales, "es", "game")
    po.write_text(
        po.read_text(encoding="utf-8").replace('msgstr "Ajustes"', 'msgstr "Opciones"'),
        encoding="utf-8",
    )
    later = mo.stat().st_mtime_ns + 1_000_000_000
    os.utime(po, ns=(later, later))
    assert I18n(locales, "es").gettext("Settings") == "Opciones"


def test_a_read_only_game_compiles_into_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locales = _copy_catalogs(tmp_path, "ru")
    folder = po_path(locales, "ru", "game").parent
    cache = tmp_path / "cache"
    monkeypatch.setenv("SANGO_CACHE_DIR", str(cache))
    real_compile = compiled.compile_po

    def read_only_beside_the_po(po: Path, mo: Path) -> None:
        if mo.parent == po.parent:
            raise PermissionError(13, "Read-only file system", str(mo))
        real_compile(po, mo)

    monkeypatch.setattr(compiled, "compile_po", read_only_beside_the_po)
    assert I18n(locales, "ru").gettext("Settings") == "Настройки"
    assert not list(folder.glob("*.mo"))
    assert len(list(cache.rglob("*.mo"))) == 2


def test_arabic_has_six_plural_forms_and_russian_three() -> None:
    arabic = I18n(locales_dir(), "ar")
    said = [
        arabic.ngettext("You earned {count} star.", "You earned {count} stars.", count).format(
            count=count
        )
        for count in (0, 1, 2, 3, 11, 100)
    ]
    assert len(set(said)) == 6
    assert said[1] == "حصلت على نجمة واحدة."
    russian = I18n(locales_dir(), "ru")
    forms = [
        russian.ngettext("Done, {count} star", "Done, {count} stars", count).format(count=count)
        for count in (1, 2, 5, 21)
    ]
    assert forms == [
        "Пройдено, 1 звезда",
        "Пройдено, 2 звезды",
        "Пройдено, 5 звёзд",
        "Пройдено, 21 звезда",
    ]


def test_numbers_are_grouped_the_way_each_language_writes_them() -> None:
    said = {locale: I18n(locales_dir(), locale).number(12345) for locale in SHIPPED_LOCALES}
    assert said["en"] == "12,345"
    assert said["fr"] == "12\u202f345"
    assert said["ru"] == "12\u00a0345"
    assert said["ar"] == "12,345"
