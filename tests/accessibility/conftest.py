"""Helpers for the accessibility stories: a voice that speaks at once, and a gamepad."""

from __future__ import annotations

import struct
import time
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygame
import pytest

from tests.driver import GameDriver, make_driver


@dataclass
class QuickVoice:
    """A speech engine that writes a short silent WAV at once and remembers what it said."""

    name: str = "quick"
    said: list[str] = field(default_factory=list)

    def voice_for(self, language: str) -> str | None:
        return f"quick-{language}"

    def synthesise(self, text: str, voice: str, speed: int, out: Path) -> None:
        self.said.append(text)
        with wave.open(str(out), "wb") as file:
            file.setnchannels(1)
            file.setsampwidth(2)
            file.setframerate(8000)
            file.writeframes(struct.pack("<h", 0) * 400)


@dataclass
class FakeScreenReader:
    """Stands in for NVDA or Orca: keeps what it was asked to speak and to show in braille."""

    name: str = "Fake reader"
    spoken: list[str] = field(default_factory=list)
    brailled: list[str] = field(default_factory=list)

    def say(self, text: str, interrupt: bool = True) -> bool:
        self.spoken.append(text)
        self.brailled.append(text)
        return True

    def braille(self, text: str) -> None:
        self.brailled.append(text)

    def stop(self) -> None:
        pass


def write_wav(path: Path, frames: int = 800) -> Path:
    """A short silent WAV file (a stand-in for a recorded voice line)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(8000)
        file.writeframes(struct.pack("<h", 0) * frames)
    return path


def let_the_narrator_speak(game: GameDriver, seconds: float = 5.0) -> None:
    """Run frames (fake time) while the narrator's worker thread synthesises, until all is said."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        game.wait(0.2)
        if not game.ctx.narrator.pending:
            return
        time.sleep(0.01)
    raise AssertionError(f"the narrator still has {game.ctx.narrator.pending} lines to say")


@pytest.fixture
def voice(monkeypatch: pytest.MonkeyPatch) -> QuickVoice:
    """Every game started in the test speaks with a quick voice and sees no screen reader."""
    import game.app
    from game.audio.screen_reader import ScreenReader

    engine = QuickVoice()
    monkeypatch.setattr(game.app, "find_engine", lambda: engine)
    monkeypatch.setattr(ScreenReader, "detect", classmethod(lambda cls, environment=None: None))
    return engine


@pytest.fixture
def start_game(data_dir: Path) -> Iterator[Callable[..., GameDriver]]:
    """Start games headless (closed at the end of the test)."""
    started: list[GameDriver] = []

    def start(**launch: Any) -> GameDriver:
        driver = make_driver(data_dir, **launch)
        started.append(driver)
        return driver

    yield start
    for driver in started:
        driver.close()


# Gamepad ---------------------------------------------------------------------------------------
PAD = {"joy": 0, "instance_id": 0}


def press_button(game: GameDriver, button: int) -> None:
    """Press and release a gamepad button (0 is A, 1 is B)."""
    game.send(pygame.event.Event(pygame.JOYBUTTONDOWN, button=button, **PAD))
    game.send(pygame.event.Event(pygame.JOYBUTTONUP, button=button, **PAD))


def press_dpad(game: GameDriver, value: tuple[int, int]) -> None:
    """Press the D-pad in a direction and let it spring back."""
    game.send(pygame.event.Event(pygame.JOYHATMOTION, hat=0, value=value, **PAD))
    game.send(pygame.event.Event(pygame.JOYHATMOTION, hat=0, value=(0, 0), **PAD))


def gamepad_select(game: GameDriver, widget_id: str, limit: int = 60) -> None:
    """D-pad down until the widget has focus, then A."""
    game.widget(widget_id)
    for _ in range(limit):
        if game.focused == widget_id:
            press_button(game, 0)
            return
        press_dpad(game, (0, -1))
    raise AssertionError(f"the D-pad never reached {widget_id!r}; order: {game.ids()}")
