"""Plays the earcons, and keeps playing silently when there is no audio device."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pygame

EARCONS = (
    "focus",
    "select",
    "correct",
    "try-again",
    "message",
    "badge",
    "complete",
    "scan-tick",
    "back",
)


def start_mixer() -> str | None:
    """Open the audio device; on failure fall back to SDL's silent driver.

    Returns None when real audio works, else a plain sentence saying what is unavailable.
    """
    try:
        pygame.mixer.init()
        return None
    except pygame.error as error:
        problem = f"No sound device was found ({error}). The game plays silently."
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    try:
        pygame.mixer.init()
    except pygame.error:
        return problem + " Sound is off."
    return problem


class Audio:
    """Earcons at the effects volume. Every sound also has a visual equivalent on screen."""

    def __init__(self, sounds_dir: Path, problem: str | None = None) -> None:
        self.sounds_dir = sounds_dir
        self.problem = problem
        self.volume = 0.75
        self.muted = False
        self._sounds: dict[str, pygame.mixer.Sound | None] = {}
        self.listeners: list[Callable[[str], None]] = []
        """Called with each earcon name as it plays, e.g. for sound captions."""

    def configure(self, effects_volume: int, mute: bool) -> None:
        """Apply the volume settings."""
        self.volume = effects_volume / 100
        self.muted = mute

    def play(self, name: str) -> None:
        """Play an earcon; silently nothing when it cannot."""
        for listener in self.listeners:
            listener(name)
        if self.muted or self.volume <= 0:
            return
        sound = self._sound(name)
        if sound is not None:
            sound.set_volume(self.volume)
            sound.play()

    def _sound(self, name: str) -> pygame.mixer.Sound | None:
        if name not in self._sounds:
            sound: pygame.mixer.Sound | None = None
            if pygame.mixer.get_init():
                try:
                    sound = pygame.mixer.Sound(self.sounds_dir / f"{name}.wav")
                except (pygame.error, FileNotFoundError):
                    sound = None
            self._sounds[name] = sound
        return self._sounds[name]
