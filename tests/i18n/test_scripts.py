"""Arabic is shaped and runs right to left, Chinese wraps without spaces, every letter has a
glyph: what a child reading in each language actually sees."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.i18n.workflow import Project, translated_texts
from game.text.breaking import NO_LINE_END, NO_LINE_START
from game.text.coverage import characters_in
from game.text.direction import levels, visual_order
from tests.driver import make_driver
from tests.i18n.conftest import SHIPPED_LOCALES

ARABIC_FONT = "NotoSansArabic-Regular.ttf"
HELLO = "مرحبا"


def _pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def test_arabic_letters_are_joined_and_run_right_to_left(text_for, fonts_dir: Path) -> None:
    shown = text_for("ar").render(HELLO, "body", (0, 0, 0))
    size = text_for("ar").size("body")
    unshaped = pygame.font.Font(fonts_dir / ARABIC_FONT, size)
    shaped_ltr = pygame.font.Font(fonts_dir / ARABIC_FONT, size)
    shaped_ltr.set_script("Arab")
    shaped_rtl = pygame.font.Font(fonts_dir / ARABIC_FONT, size)
    shaped_rtl.set_script("Arab")
    shaped_rtl.set_direction(pygame.DIRECTION_RTL)
    # Isolated letter forms are wider than joined ones.
    assert unshaped.size(HELLO)[0] > shown.get_bounding_rect().width + 10
    reference = shaped_rtl.render(HELLO, True, (0, 0, 0))
    wrong_way = shaped_ltr.render(HELLO, True, (0, 0, 0))
    ink = shown.subsurface(shown.get_bounding_rect())
    assert _pixels(ink) == _pixels(reference.subsurface(reference.get_bounding_rect()))
    assert _pixels(ink) != _pixels(wrong_way.subsurface(wrong_way.get_bounding_rect()))


def test_mixed_arabic_and_latin_keep_their_own_directions(text_for) -> None:
    text = text_for("ar")
    runs = text.runs("مرحبا Sango!")
    # On screen, left to right: "!" then "Sango" then the Arabic word, which reads from the right.
    assert [run.text.strip() for run in runs if run.text.strip()] == ["!", "Sango", "مرحبا"]
    assert runs[-1].rtl and runs[-1].script == "Arab"
    assert not next(run for run in runs if "Sango" in run.text).rtl


def test_brackets_around_a_latin_name_stay_together_in_arabic() -> None:
    text = "مرحبا (Sango) كيف"
    assert levels("مرحبا Sango (3) كيف", True)[12:15] == [2, 2, 2]
    assert levels(text, True)[6] == levels(text, True)[12] == 1


def test_runs_are_put_in_visual_order_by_level() -> None:
    assert visual_order([0, 1, 1, 0]) == [0, 2, 1, 3]
    assert visual_order([1, 2, 1]) == [2, 1, 0]


def test_an_english_sentence_in_the_arabic_game_stays_left_to_right(text_for) -> None:
    runs = text_for("ar").runs("Hello, world!")
    assert len(runs) == 1 and not runs[0].rtl


def test_start_alignment_is_the_right_edge_in_arabic(text_for) -> None:
    block = text_for("ar").render(HELLO, "body", (0, 0, 0), width=600)
    ink = block.get_bounding_rect()
    assert ink.right >= 595 and ink.left > 300
    english = text_for("en").render("Hello", "body", (0, 0, 0), width=600)
    assert english.get_bounding_rect().left <= 5


def test_arabic_marks_fit_inside_their_line(text_for) -> None:
    text = text_for("ar")
    sample = "إِنَّ آلَاتِي جَمِيلَةٌ\nظِلٌّ ضَوْءٌ كُلُّ شَيْءٍ"
    block = text.render(sample, "body", (0, 0, 0))
    ink = block.get_bounding_rect()
    assert ink.top > 0 and ink.bottom < block.get_height()
    # The line box follows real Arabic text, not the font's room for rare stacked marks.
    reported = pygame.font.Font.get_height(text.font("body"))
    assert text.font("body").get_height() < reported


def test_arabic_level_is_mirrored_with_sango_on_the_right(data_dir: Path) -> None:
    from game.scenes.level import LevelScene

    def orange_columns(locale: str) -> tuple[int, int, list]:
        game = make_driver(data_dir / locale, overrides={"locale": locale, "high_contrast": True})
        try:
            level = game.ctx.catalogue.get("privacy-treasure")
            scene = LevelScene(game.ctx, level, start=4)
            game.ctx.scenes.reset(scene)
            scene.draw(game.surface)
            orange = pygame.mask.from_threshold(game.surface, (255, 154, 86), (24, 24, 24, 255))
            left = orange.overlap_area(pygame.mask.Mask((640, 720), fill=True), (0, 0))
            right = orange.overlap_area(pygame.mask.Mask((640, 720), fill=True), (640, 0))
            options = [w.rect for w in scene.widgets if w.id.startswith("option-")]
            return left, right, options
        finally:
            game.close()

    left_en, right_en, options_en = orange_columns("en")
    left_ar, right_ar, options_ar = orange_columns("ar")
    assert left_en > 1000 and right_en < left_en // 10
    assert right_ar > 1000 and left_ar < right_ar // 10
    assert abs(left_en - right_ar) < left_en // 20
    assert all(rect.left > 24 + 200 for rect in options_en)
    assert all(rect.right < 1280 - 24 - 200 for rect in options_ar)


def test_in_arabic_focus_moves_along_a_row_from_right_to_left(data_dir: Path) -> None:
    from game.scenes.map import BandScene

    game = make_driver(data_dir, overrides={"locale": "ar"})
    try:
        game.ctx.scenes.push(BandScene(game.ctx))
        game.frame()
        tiles = [item for item in game.top.focus.items if item.id.startswith("band-")]
        assert [tile.id for tile in tiles] == ["band-under-9", "band-9-12", "band-13-18"]
        xs = [tile.rect.centerx for tile in tiles]
        assert xs == sorted(xs, reverse=True)
    finally:
        game.close()


def test_chinese_wraps_between_characters_and_keeps_punctuation(text_for) -> None:
    text = text_for("zh_Hans")
    paragraph = "你好！我是桑戈。如果有人在网上问你住在哪里，先停下来，问问你信任的大人。"
    lines = text.wrap(paragraph, "body", 300)
    assert len(lines) >= 3
    assert "".join(lines) == paragraph
    for line in lines:
        assert text.measure(line, "body")[0] <= 300
        assert line[0] not in NO_LINE_START
        assert line[-1] not in NO_LINE_END


def test_a_latin_word_inside_chinese_is_not_cut(text_for) -> None:
    lines = text_for("zh_Hans").wrap("我们一起玩Sango游戏吧，好不好呀？", "body", 200)
    assert any("Sango" in line for line in lines)


def test_french_never_breaks_before_its_spaced_punctuation(text_for) -> None:
    text = text_for("fr")
    for width in range(220, 500, 7):
        for line in text.wrap("Bonjour\u202f! « Salut » Comment vas-tu\u202f?", "body", width):
            assert not line.startswith(("!", "?", "»")) and not line.endswith("«")


@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
def test_every_letter_of_every_catalog_has_a_glyph(project: Project, text_for, locale) -> None:
    text = text_for(locale)
    words = "".join(translated_texts(project, locale))
    assert text.missing_characters(words) == set()
    main = text.faces[text._order[0]]
    if locale in ("ar", "zh_Hans", "ru"):
        letters = {char for char in words if char.isalpha() and ord(char) > 0x3FF}
        assert {char for char in letters if not main.covers(char)} == set(), main.regular.name


def test_language_names_in_settings_have_glyphs_in_every_language(text_for) -> None:
    from game.i18n.catalog import I18n
    from game.paths import locales_dir

    names = "".join(I18n(locales_dir(), "en").display_name(locale) for locale in SHIPPED_LOCALES)
    for locale in SHIPPED_LOCALES:
        assert text_for(locale).missing_characters(names) == set()


def test_the_easy_read_font_gives_way_to_noto_for_other_scripts(text_for) -> None:
    english = text_for("en", dyslexia=True)
    assert english.face_for("a").regular.name.startswith("OpenDyslexic")
    assert english.face_for("ж").regular.name == "NotoSans-Regular.ttf"
    russian = text_for("ru", dyslexia=True)
    assert russian.face_for("ж").regular.name == "NotoSans-Regular.ttf"
    assert russian.missing_characters("Привет, друг! Это Санго.") == set()
    arabic = text_for("ar", dyslexia=True)
    assert arabic.face_for("ب").regular.name == ARABIC_FONT
    chinese = text_for("zh_Hans", dyslexia=True)
    assert chinese.face_for("你").regular.name.startswith("NotoSansCJKsc")


def test_the_cjk_font_is_the_simplified_chinese_face(fonts_dir: Path) -> None:
    from fontTools.ttLib import TTFont

    for weight in ("Regular", "Bold"):
        path = fonts_dir / f"NotoSansCJKsc-Subset-{weight}.otf"
        font = TTFont(path)
        assert font["name"].getDebugName(1).startswith("Noto Sans CJK SC")
        assert characters_in(path) == frozenset(font.getBestCmap())
        font.close()


def test_glyph_coverage_is_read_from_the_font_itself(fonts_dir: Path) -> None:
    from fontTools.ttLib import TTFont

    for name in ("NotoSans-Regular.ttf", ARABIC_FONT, "OpenDyslexic-Regular.otf"):
        font = TTFont(fonts_dir / name)
        assert characters_in(fonts_dir / name) == frozenset(font.getBestCmap())
        font.close()
    assert ord("ж") not in characters_in(fonts_dir / "OpenDyslexic-Regular.otf")
