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
    """Earcons at the effects volume, the narrator's voice on a channel of its own at the
    narration volume, and music at the music volume. Every sound also has a visual equivalent
    on screen (sound captions), and nothing breaks without a sound device."""

    def __init__(self, sounds_dir: Path, problem: str | None = None) -> None:
        self.sounds_dir = sounds_dir
        self.problem = problem
        self.volume = 0.75
        self.narration_volume = 1.0
        self.music_volume = 0.5
        self.muted = False
        self._sounds: dict[str, pygame.mixer.Sound | None] = {}
        self._voice_channel: pygame.mixer.Channel | None = None
        self.listeners: list[Callable[[str], None]] = []
        """Called with each earcon name as it plays, e.g. for sound captions."""

    def configure(
        self, effects_volume: int, mute: bool, narration_volume: int = 100, music_volume: int = 50
    ) -> None:
        """Apply the volume settings (each 0-100) and mute."""
        self.volume = effects_volume / 100
        self.narration_volume = narration_volume / 100
        self.music_volume = music_volume / 100
        self.muted = mute
        if pygame.mixer.get_init():
            pygame.mixer.music.set_volume(0.0 if mute else self.music_volume)
            channel = self._voice_channel
            if channel is not None:
                channel.set_volume(0.0 if mute else self.narration_volume)

    @property
    def working(self) -> bool:
        """Whether sound can be heard at all (a device, and not the silent fallback)."""
        return self.problem is None and bool(pygame.mixer.get_init())

    def play_voice(self, path: Path) -> float:
        """Play a spoken line on the voice channel, cutting off the previous one.

        Returns its length in seconds (0 when it cannot play).
        """
        channel = self._channel()
        if channel is None:
            return 0.0
        try:
            sound = pygame.mixer.Sound(str(path))
        except (pygame.error, FileNotFoundError, OSError):
            return 0.0
        channel.set_volume(0.0 if self.muted else self.narration_volume)
        channel.play(sound)
        return sound.get_length()

    def stop_voice(self) -> None:
        """Stop speaking at once."""
        if self._voice_channel is not None and pygame.mixer.get_init():
            self._voice_channel.stop()

    def _channel(self) -> pygame.mixer.Channel | None:
        if not pygame.mixer.get_init():
            return None
        if self._voice_channel is None:
            pygame.mixer.set_reserved(1)
            self._voice_channel = pygame.mixer.Channel(0)
        return self._voice_channel

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
