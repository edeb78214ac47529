"""The game's own screens (map, players, help, the adult area...) stay whole at big text and in
long or right-to-left languages: every word inside its card or button, nothing under the
bottom bar, every level reachable page by page."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.audit.runner import Auditor, Config
from game.audit.screens import visit_scenes
from tests.driver import GameDriver, make_driver

SCREENS = [
    ("ar", 200, "MapScene"),
    ("ar", 125, "MapScene"),
    ("es", 200, "BandScene"),
    ("ar", 200, "ProgressScene"),
    ("ru", 200, "HelpScene"),
    ("ar", 200, "PlayersScene"),
    ("ar", 200, "RememberScene"),
    ("ar", 200, "TopicOverviewScene"),
    ("ar", 200, "PlayerScene"),
    ("es", 200, "LessonsScene"),
    ("ar", 200, "AdultGateScene"),
]


@pytest.fixture
def display() -> Iterator[None]:
    pygame.init()
    pygame.display.set_mode((1280, 720))
    yield


@pytest.mark.parametrize(("locale", "scale", "scene"), SCREENS)
def test_every_page_of_the_screen_passes_the_audit(
    display: None, locale: str, scale: int, scene: str
) -> None:
    auditor = Auditor(only=[scene])
    with tempfile.TemporaryDirectory() as folder:
        ctx = auditor.context(Path(folder), locale)
        try:
            ctx.overrides.update(text_scale=scale, high_contrast=False)
            ctx.apply()
            seen: list[str] = []

            def visit(screen):  # noqa: ANN001, ANN202
                seen.append(screen.where)
                return auditor.visit(ctx, screen, [Config(locale, scale, False)])

            visit_scenes(ctx, visit, [], auditor.keep)
        finally:
            ctx.close()
    assert seen, f"{scene} was visited"
    assert auditor.report.lines() == [], f"{scene} at {locale} {scale}% is whole"


@pytest.fixture
def big_arabic(tmp_path: Path) -> Iterator[GameDriver]:
    game = make_driver(tmp_path, player="Zara", overrides={"locale": "ar", "text_scale": 200})
    yield game
    game.close()


def test_at_200_percent_arabic_more_levels_reaches_every_level_of_the_band(
    big_arabic: GameDriver,
) -> None:
    from game.scenes.map import MapScene
    from game.scenes.progress import playable_levels

    game = big_arabic
    game.ctx.scenes.push(MapScene(game.ctx, "9-12"))
    game.frame()
    wanted = {f"level-{level.id}" for level in playable_levels(game.ctx, "9-12")}
    assert len(wanted) > 2
    seen: set[str] = set()
    for _ in range(len(wanted) + 1):
        seen |= {widget_id for widget_id in game.ids() if widget_id.startswith("level-")}
        game.keyboard_select("more")
    assert seen == wanted
    assert "my-progress" in game.ids(), "My progress stays on every page"
    cards = [w for w in game.top.widgets if w.id.startswith("level-")]
    bar_top = min(w.rect.top for w in game.top.widgets if w.id in ("back", "help"))
    assert all(card.rect.bottom < bar_top for card in cards), "cards keep clear of the bar"


def test_a_finished_band_at_big_text_still_offers_the_certificate(big_arabic: GameDriver) -> None:
    from game.scenes.certificate import CertificateScene
    from game.scenes.map import MapScene

    game = big_arabic
    ctx = game.ctx
    for level in ctx.catalogue.by_band("under-9"):
        ctx.store.start_level(ctx.player.id, level.id, "under-9")
        ctx.store.complete_level(ctx.player.id, level.id, None, None)
    ctx.scenes.push(MapScene(ctx, "under-9"))
    game.frame()
    assert game.ids()[0] == "certificate", "the certificate comes first, as a card if need be"
    game.keyboard_select("certificate")
    assert isinstance(game.top, CertificateScene)


def test_help_buttons_fit_their_row_and_close_keeps_its_words(tmp_path: Path) -> None:
    from game.audit.runner import AuditNarrator

    game = make_driver(tmp_path, overrides={"locale": "ru", "text_scale": 200})
    try:
        game.ctx.narrator = AuditNarrator(game.ctx.audio)  # a voice: Hear again shows
        game.key(pygame.K_F1)
        game.frame()
        buttons = [w for w in game.top.widgets if w.id in ("replay", "more", "close")]
        assert [w.id for w in buttons] == ["replay", "more", "close"]
        for first, second in zip(buttons, buttons[1:], strict=False):
            assert first.rect.right + 16 <= second.rect.left
        assert game.widget("close").text == "Закрыть"
        assert game.widget("replay").label, "an icon-only button still has words to read"
    finally:
        game.close()
