"""The speed-ups keep the picture exactly as it was: partial redraws, button faces, the wait."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pygame
import pytest

from game.app import wait_for_events
from game.input.actions import Action
from game.scenes.base import FOCUS_REACH
from game.ui.widgets import Button
from tests.driver import GameDriver, make_driver


def canvas_bytes(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGB")


def press_tab(driver: GameDriver) -> None:
    """Tab through the real loop turn (where the partial redraw happens)."""
    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(pygame.event.Event(kind, key=pygame.K_TAB, mod=0, unicode="", scancode=0))
    driver.app.step(wait=False)


def full_redraw(driver: GameDriver) -> bytes:
    for scene in driver.ctx.scenes.visible():
        scene.dirty = True
    driver.app.draw()
    return canvas_bytes(driver.surface)


def changed_pixels(before: pygame.Surface, after: pygame.Surface) -> list[tuple[int, int]]:
    width, height = before.get_size()
    return [
        (x, y)
        for y in range(0, height, 2)
        for x in range(0, width, 2)
        if before.get_at((x, y)) != after.get_at((x, y))
    ]


def tab_around_checking_frames(driver: GameDriver, presses: int) -> None:
    """Each Tab changes only pixels near the old and new focus, and the frame it leaves is the
    one a full redraw makes."""
    driver.app.step(wait=False)
    for _ in range(presses):
        old = driver.top.focus.focused
        before = driver.surface.copy()
        press_tab(driver)
        new = driver.top.focus.focused
        assert new is not old
        near = [w.rect.inflate(2 * FOCUS_REACH, 2 * FOCUS_REACH) for w in (old, new) if w]
        for pixel in changed_pixels(before, driver.surface):
            assert any(rect.collidepoint(pixel) for rect in near), (pixel, old.id, new.id)
        partial = canvas_bytes(driver.surface)
        assert partial == full_redraw(driver), f"Tab from {old.id} to {new.id} left a stale frame"


@pytest.mark.parametrize(
    "launch",
    [
        {},
        {"player": "Ana", "level": "privacy-treasure", "overrides": {"text_scale": 200}},
        {"player": "Ana", "level": "scam-spotter-online", "overrides": {"text_scale": 200}},
        {"player": "Ana", "level": "grooming-secrets", "overrides": {"locale": "ar"}},
        {"player": "Ana", "level": "privacy-treasure", "overrides": {"high_contrast": True}},
    ],
    ids=["title", "choice-200", "chat-200", "arabic", "high-contrast"],
)
def test_tab_redraws_only_around_the_focus_and_the_frame_matches_a_full_redraw(
    data_dir: Path, launch: dict
) -> None:
    driver = make_driver(data_dir, **launch)
    try:
        if launch.get("level"):
            assert driver.ctx.catalogue.get(launch["level"]) is not None
        tab_around_checking_frames(driver, 5)
    finally:
        driver.close()


@pytest.mark.parametrize("screen", ["band", "map", "settings", "help-over-level"])
def test_partial_redraws_match_full_ones_on_menus_and_overlays(data_dir: Path, screen: str) -> None:
    from game.scenes.help import HelpScene
    from game.scenes.map import MapScene
    from game.scenes.settings import SettingsScene

    level = "privacy-treasure" if screen == "help-over-level" else None
    driver = make_driver(data_dir, player="Ana", level=level)
    try:
        ctx = driver.ctx
        if screen == "map":
            ctx.scenes.push(MapScene(ctx, "9-12"))
        elif screen == "settings":
            ctx.scenes.push(SettingsScene(ctx))
        elif screen == "help-over-level":
            ctx.scenes.push(HelpScene(ctx))
            assert len(ctx.scenes.visible()) == 2, "help shows the level beneath it"
        tab_around_checking_frames(driver, 6)
    finally:
        driver.close()


def test_a_focus_move_asks_for_a_partial_redraw_and_a_change_for_a_full_one(
    game: GameDriver,
) -> None:
    game.app.step(wait=False)
    game.top.handle(Action.NEXT)
    area = game.app.redraw_area()
    assert area is not None and area.width * area.height < 1280 * 720
    game.top.dirty = True
    assert game.app.redraw_area() is None


class RecordingSurface(pygame.Surface):
    """Like the audit's canvas: a Surface subclass, so buttons draw piece by piece on it."""


def draw_button(game: GameDriver, surface: pygame.Surface, button: Button) -> None:
    surface.fill((90, 160, 220))
    button.draw(surface, game.ctx, False)


def test_a_cached_button_face_looks_like_the_button_drawn_piece_by_piece(
    game: GameDriver,
) -> None:
    button = Button("ok", pygame.Rect(40, 30, 420, 110), "OK", text="Keep it private", icon="lock")
    cached = game.surface.copy()
    direct = RecordingSurface(cached.get_size())
    draw_button(game, cached, button)
    face = button._face
    draw_button(game, direct, button)
    assert face is not None and button._face is face, "the face was not kept for reuse"
    worst = 0
    for y in range(30, 140):
        for x in range(40, 460, 3):
            a, b = cached.get_at((x, y)), direct.get_at((x, y))
            worst = max(worst, *(abs(a[i] - b[i]) for i in range(3)))
    assert worst <= 3, f"the cached face differs by {worst} levels"
    assert cached.get_at((40, 30)) == (90, 160, 220), "the rounded corner is not see-through"
    button.text = "Ask a grown-up"
    draw_button(game, cached, button)
    assert button._face is not face, "a new text must give a new face"


def test_waiting_for_events_sleeps_and_wakes_as_soon_as_a_key_comes(game: GameDriver) -> None:
    pygame.event.clear()
    started, cpu = time.monotonic(), time.process_time()
    assert wait_for_events(300) == []
    assert time.monotonic() - started >= 0.29
    assert time.process_time() - cpu < 0.15, "the wait spun instead of sleeping"

    def press() -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_TAB, mod=0))

    timer = threading.Timer(0.05, press)
    started = time.monotonic()
    timer.start()
    events = wait_for_events(2000)
    timer.join()
    assert [event.type for event in events] == [pygame.KEYUP]
    assert time.monotonic() - started < 1.0


def test_the_text_cache_keeps_to_its_memory_bound_at_big_text(game: GameDriver) -> None:
    from game.text.service import CACHE_BYTES

    text = game.ctx.text
    game.ctx.update_settings(text_scale=200)
    last = None
    for number in range(400):
        last = text.render(f"Message {number}: a long line " * 8, "body", (0, 0, 0), 1100)
    kept = list(text._cache.values())
    held = sum(surface.get_pitch() * surface.get_height() for surface in kept)
    assert held <= CACHE_BYTES, f"{held / 2**20:.0f} MiB of text kept"
    assert 1 < len(kept) < 400
    assert kept[-1] is last, "the newest block stays cached"
