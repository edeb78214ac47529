"""Drives a real game headless the way a player would: keys, clicks, switches and time."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygame

from game.app import App, LaunchOptions, create_context, first_scene
from game.scenes.base import Scene


@dataclass
class FakeClock:
    """A clock the test moves by hand, so scanning is exact and tests never sleep."""

    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class GameDriver:
    """Presses keys and clicks widgets in a running game, then lets the game draw a frame."""

    app: App
    clock: FakeClock
    surface: pygame.Surface
    options: LaunchOptions
    log: list[str] = field(default_factory=list)

    @property
    def ctx(self) -> Any:
        return self.app.ctx

    @property
    def top(self) -> Scene:
        return self.app.top

    @property
    def focused(self) -> str | None:
        item = self.top.focus.focused
        return item.id if item else None

    def ids(self) -> list[str]:
        """The ids of the focusables on screen, in focus order."""
        return [item.id for item in self.top.focus.items]

    def widget(self, widget_id: str) -> Any:
        for widget in self.top.widgets:
            if widget.id == widget_id:
                return widget
        raise AssertionError(f"no widget {widget_id!r} on {type(self.top).__name__}: {self.ids()}")

    def frame(self) -> None:
        """Run timers and draw if anything changed, like one turn of the real loop."""
        self.app.tick()
        if self.app.needs_draw():
            self.app.draw()

    def send(self, event: pygame.event.Event) -> None:
        self.app.handle_event(event)
        self.frame()

    def key(self, key: int, mod: int = 0, unicode: str = "") -> None:
        """Press and release a key."""
        self.send(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0))
        self.send(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode, scancode=0))

    def type_text(self, text: str) -> None:
        for char in text:
            self.send(pygame.event.Event(pygame.TEXTINPUT, text=char))

    def click_at(self, pos: tuple[int, int]) -> None:
        self.send(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        self.send(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        self.send(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))

    def click(self, widget_id: str) -> None:
        """Click the middle of a widget with the mouse."""
        self.click_at(self.widget(widget_id).rect.center)

    def tab_to(self, widget_id: str, limit: int = 60) -> None:
        """Press Tab until the widget has focus."""
        self.widget(widget_id)
        for _ in range(limit):
            if self.focused == widget_id:
                return
            self.key(pygame.K_TAB)
        raise AssertionError(f"Tab never reached {widget_id!r}; order: {self.ids()}")

    def keyboard_select(self, widget_id: str) -> None:
        """Tab to a widget and press Enter."""
        self.tab_to(widget_id)
        self.key(pygame.K_RETURN)

    def wait(self, seconds: float) -> None:
        """Let time pass (the fake clock), running timers in small steps."""
        end = self.clock.now + seconds
        while self.clock.now < end:
            self.clock.now = min(end, self.clock.now + 0.05)
            self.frame()

    def switch_select(self, widget_id: str, limit: float = 120.0) -> None:
        """One-switch: wait for the scan to reach the widget, then press the switch (Space)."""
        self.widget(widget_id)
        waited = 0.0
        while self.focused != widget_id:
            if waited > limit:
                raise AssertionError(f"scan never reached {widget_id!r}; order: {self.ids()}")
            if self.ctx.scanner.paused:
                self.key(pygame.K_SPACE)
            self.wait(0.1)
            waited += 0.1
        self.key(pygame.K_SPACE)

    def two_switch_select(self, widget_id: str, limit: int = 60) -> None:
        """Two switches: Space moves, Enter selects."""
        self.widget(widget_id)
        for _ in range(limit):
            if self.focused == widget_id:
                self.key(pygame.K_RETURN)
                return
            self.key(pygame.K_SPACE)
        raise AssertionError(f"step-scan never reached {widget_id!r}")

    def screenshot(self, path: Path) -> None:
        self.app.draw()
        pygame.image.save(self.surface, str(path))

    def close(self) -> None:
        self.ctx.narrator.close()
        self.ctx.close()


def make_driver(data_dir: Path, **launch: Any) -> GameDriver:
    """Start a game headless, as `sango` would, with a fake clock."""
    pygame.init()
    surface = pygame.display.set_mode((1280, 720))
    clock = FakeClock()
    # The first-run setup screen has tests of its own; other stories start on the title screen.
    launch["overrides"] = {"setup_done": True, **launch.get("overrides", {})}
    options = LaunchOptions(data_dir=str(data_dir), **launch)
    ctx = create_context(options, clock=clock)
    first_scene(ctx, options)
    app = App(ctx, surface)
    driver = GameDriver(app, clock, surface, options)
    driver.frame()
    return driver


def safe_option(step: Any) -> int:
    """The 1-based number of the first safe answer of a choice step (else the first ok one)."""
    for wanted in ("safe", "ok"):
        for number, option in enumerate(step.choice.options, start=1):
            if str(option.result) == wanted:
                return number
    return 1


def play_current_level(driver: GameDriver, select: Any, wrong_first: bool = False) -> list[str]:
    """Play the level on screen to its end with `select(widget_id)`, picking safe answers.

    With `wrong_first`, each question is first answered unsafely once, as a child might.
    Every step type is handled (tests/steps/play.py knows the mini-games).
    """
    from tests.steps.play import play_level

    return play_level(driver, select, wrong_first)


def show_widget(driver: GameDriver, widget_id: str, select: Any) -> None:
    """Turn the pages of a screen with its More button until the widget shows."""
    for _ in range(20):
        if widget_id in driver.ids():
            return
        select("more")
    raise AssertionError(f"{widget_id!r} is on no page: {driver.ids()}")
