"""The game loop: one window, a scene stack, redraw only on change, block while idle."""

from __future__ import annotations

import os
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygame

from game.audio.announcer import Announcer
from game.audio.narrator import Narrator
from game.audio.player import Audio, start_mixer
from game.audio.screen_reader import ScreenReader
from game.audio.speech import find_engine
from game.audit.drawlog import DrawLog
from game.context import Context, data_dir_for
from game.i18n.catalog import I18n
from game.input.actions import Action
from game.input.devices import InputRouter
from game.input.gamepads import Gamepads
from game.input.scanner import Scanner
from game.paths import assets_dir, levels_dir, locales_dir
from game.scenes.base import CANVAS as CANVAS_RECT
from game.scenes.base import CANVAS_SIZE, Scene
from game.settings import Settings
from game.text.service import TextService, find_fonts
from game.ui.art import Art
from game.ui.captions import Captions, draw_notice

WINDOW_TITLE = "Sango"
MAX_WAIT_MS = 1000
"""The longest the loop sleeps with nothing to do; events wake it at once."""
EXIT_AFTER_FIRST_FRAME = "SANGO_EXIT_AFTER_FIRST_FRAME"
"""Set to 1, the game prints the time its first frame was shown and quits (`sango bench`)."""
POLL_MS = 10
"""How often a waiting loop looks for events. pygame's `event.wait` looks every 1 ms, which
alone keeps an idle game near 2% of a core; 10 ms is unnoticeable and well inside a frame."""


@dataclass
class LaunchOptions:
    """What the command line asked for."""

    data_dir: str | None = None
    levels_dir: Path | None = None
    player: str | None = None
    level: str | None = None
    overrides: dict[str, Any] = field(default_factory=dict)
    teacher: bool = False


def create_context(options: LaunchOptions, clock: Any = time.monotonic) -> Context:
    """Open the store, load content and start every service. Needs pygame initialised."""
    from game.content.catalogue import Catalogue
    from game.store.database import Store

    notices: list[str] = []
    audio_problem = start_mixer()
    if audio_problem:
        notices.append(audio_problem)
    data_dir = data_dir_for(options.data_dir, dict(os.environ))
    store = Store.open(data_dir)
    if store.recovered_from is not None:
        notices.append(
            f"The saved progress could not be read. It was moved aside to {store.recovered_from} "
            "and the game started fresh."
        )
    if store.read_only_reason:
        notices.append(store.read_only_reason)
    catalogue = Catalogue.load(options.levels_dir or levels_dir())
    stored = Settings.from_dict(store.load_settings(None))
    settings = stored.changed(**options.overrides) if options.overrides else stored
    audio = Audio(assets_dir() / "sounds", audio_problem)
    narrator = Narrator(
        audio,
        find_engine(),
        ScreenReader.detect(),
        cache_dir=data_dir / "cache" / "narration",
    )
    if narrator.screen_reader is None and narrator.engine is None:
        notices.append(
            "No text-to-speech voice was found on this computer, so the game cannot read aloud. "
            "Everything can still be read on screen."
        )
    ctx = Context(
        stored_settings=stored,
        store=store,
        catalogue=catalogue,
        i18n=I18n(locales_dir(), settings.locale),
        text=TextService(
            find_fonts(assets_dir() / "fonts", settings.dyslexia_font),
            settings.text_scale,
            settings.line_spacing,
        ),
        art=Art(assets_dir() / "art"),
        audio=audio,
        input=InputRouter(settings.input_mode, settings.debounce, clock),
        scanner=Scanner(settings.scan_interval),
        clock=clock,
        overrides=dict(options.overrides),
        notices=notices,
        narrator=narrator,
    )
    ctx.apply()
    return ctx


def first_scene(ctx: Context, options: LaunchOptions) -> None:
    """Fill the scene stack for how the game was started."""
    from game.scenes.title import TitleScene

    ctx.scenes.reset(TitleScene(ctx))
    if options.player or options.level:
        from game.scenes.shortcuts import start_shortcut

        start_shortcut(ctx, options.player, options.level)
    elif not ctx.settings.setup_done:
        from game.scenes.setup import SetupScene

        ctx.scenes.push(SetupScene(ctx))


def open_window(fullscreen: bool = False) -> pygame.Surface:
    """The window, showing the 1280x720 canvas scaled and letterboxed by SDL."""
    pygame.display.set_caption(WINDOW_TITLE)
    if os.environ.get("SDL_VIDEODRIVER") == "dummy":
        return pygame.display.set_mode(CANVAS_SIZE)
    flags = pygame.SCALED | pygame.RESIZABLE
    if fullscreen:
        flags |= pygame.FULLSCREEN
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pygame.display.set_mode(CANVAS_SIZE, flags)


def wait_for_events(timeout_ms: int) -> list[pygame.event.Event]:
    """The events that arrive within `timeout_ms`, as soon as there are any."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        events = pygame.event.get()
        remaining = deadline - time.monotonic()
        if events or remaining <= 0:
            return events
        time.sleep(min(POLL_MS / 1000, remaining))


class App:
    """Runs the scene stack: routes input, times the scanner, and draws only when needed."""

    def __init__(self, ctx: Context, surface: pygame.Surface) -> None:
        self.ctx = ctx
        self.surface = surface
        self.frames = 0
        self._needs_draw = True
        self._seen_top: tuple[int, int] | None = None
        self.gamepads = Gamepads()
        self.gamepads.start()
        self.captions = Captions(ctx)
        self.announcer = Announcer(ctx)
        self.watcher: Any = None
        """`sango play --watch` only: reloads the level file when it is saved (see
        game/authoring/watch.py). Asked for a deadline, updated with the timers, drawn last."""
        if ctx.text.log is None:
            ctx.text.log = DrawLog()

    @property
    def scanning(self) -> bool:
        """Whether the highlight moves by itself: one-switch mode, or a screen that scans."""
        return self.ctx.input.scanning or self.top.auto_scan

    @property
    def top(self) -> Scene:
        """The scene with the input."""
        return self.ctx.scenes.top

    def handle_event(self, event: pygame.event.Event) -> None:
        """Feed one raw event through the top scene and the input router."""
        ctx = self.ctx
        if event.type == pygame.QUIT:
            ctx.quit()
            return
        if event.type in (
            pygame.WINDOWEXPOSED,
            pygame.WINDOWRESIZED,
            pygame.WINDOWSIZECHANGED,
            pygame.VIDEOEXPOSE,
            pygame.WINDOWRESTORED,
            pygame.WINDOWMAXIMIZED,
        ):
            self._needs_draw = True
            return
        if event.type == pygame.KEYUP and event.key == pygame.K_F11:
            try:
                pygame.display.toggle_fullscreen()
            except pygame.error:  # some drivers cannot: the window simply stays as it is
                pass
            self._needs_draw = True
            return
        if self.gamepads.handle(event):
            return
        top = self.top
        if top.handle_event(event):
            return
        for signal in ctx.input.translate(event):
            if self.scanning and signal is Action.SELECT and ctx.scanner.resume(ctx.clock()):
                self._needs_draw = True
                continue
            self.top.handle(signal)
            if self.scanning and signal is Action.SELECT:
                ctx.scanner.restart(ctx.clock())

    def tick(self) -> None:
        """Run timers: the top scene's, the auto-scan, captions and the narrator's queue."""
        ctx = self.ctx
        now = ctx.clock()
        ctx.narrator.poll(now)
        if self.captions.update(now):
            self._needs_draw = True
        if self.watcher is not None and self.watcher.update(now):
            self._needs_draw = True
        top = self.top
        if top.update(now):
            top.dirty = True
        identity = (id(top), top.layout_version)
        if identity != self._seen_top:
            new_screen = self._seen_top is None or self._seen_top[0] != id(top)
            self._seen_top = identity
            if self.scanning:
                # A new screen scans from its first item; the same screen laid out again (a new
                # step, a setting changed) keeps the highlight where it was, if it still exists.
                if new_screen:
                    top.focus.first()
                ctx.scanner.restart(now)
        if self.scanning and ctx.scanner.due(now, len(top.focus.items)):
            top.focus.move(1)
            if ctx.settings.scan_sound:
                ctx.audio.play("scan-tick")
            top.dirty = True

    def timeout_ms(self) -> int:
        """How long the loop may sleep before a timer is due."""
        deadlines = [
            d
            for d in (
                self.top.deadline(),
                self.captions.deadline(),
                self.ctx.narrator.deadline(),
                self.watcher.deadline() if self.watcher is not None else None,
            )
            if d is not None
        ]
        if self.scanning and self.ctx.scanner.deadline is not None:
            deadlines.append(self.ctx.scanner.deadline)
        if not deadlines:
            return MAX_WAIT_MS
        wait = min(deadlines) - self.ctx.clock()
        return max(1, min(MAX_WAIT_MS, int(wait * 1000) + 1))

    def needs_draw(self) -> bool:
        """Whether anything on screen changed since the last frame."""
        return (
            self._needs_draw
            or self.ctx.scenes.changed
            or any(scene.dirty or scene.damage for scene in self.ctx.scenes.visible())
        )

    def redraw_area(self) -> pygame.Rect | None:
        """The part of the canvas the next frame changes when only the focus moved, else None
        (everything). Drawing clipped to it leaves the rest of the frame as it was."""
        scenes = self.ctx.scenes.visible()
        if self._needs_draw or self.ctx.scenes.changed or any(scene.dirty for scene in scenes):
            return None
        parts = [rect for scene in scenes for rect in scene.damage]
        return parts[0].unionall(parts[1:]).clip(self.surface.get_rect()) if parts else None

    def draw(self) -> None:
        """Draw the visible scenes onto the canvas, then the overlays; then say what changed."""
        ctx = self.ctx
        log = ctx.text.log
        if log is not None:
            log.clear()
        for scene in ctx.scenes.visible():
            if log is not None:
                log.mark(scene, "content")
            scene.draw(self.surface)
        if log is not None:
            log.mark(None, "overlay")
        if self.scanning and ctx.scanner.paused:
            _ = ctx._
            draw_notice(
                self.surface,
                ctx,
                "pause",
                _("The scan is resting. Press your switch to start again."),
                CANVAS_RECT.center,
            )
        self.captions.draw(self.surface)
        if self.watcher is not None:
            self.watcher.draw(self.surface)
        ctx.scenes.changed = False
        self._needs_draw = False
        self.frames += 1
        self.announcer.after_draw()

    def step(self, wait: bool = True) -> None:
        """One turn of the loop: events (blocking until one arrives or a timer is due), timers,
        and a redraw if something changed."""
        if wait:
            events = wait_for_events(self.timeout_ms())
        else:
            events = pygame.event.get()
        for event in events:
            self.handle_event(event)
            if not self.ctx.running:
                return
        self.tick()
        if self.needs_draw():
            self.surface.set_clip(self.redraw_area())
            try:
                self.draw()
            finally:
                self.surface.set_clip(None)
            pygame.display.flip()

    def run(self) -> None:
        """Play until the player quits."""
        exit_after_first_frame = os.environ.get(EXIT_AFTER_FIRST_FRAME) == "1"
        while self.ctx.running:
            self.step()
            if exit_after_first_frame and self.frames:
                print(f"sango: first frame at {time.time():.6f}", flush=True)
                self.ctx.quit()
