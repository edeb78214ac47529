"""Offline text-to-speech engines that write a line to a WAV file.

eSpeak NG on Linux (and wherever it is installed); the platform's own voices through pyttsx3
(SAPI5 on Windows, NSSpeechSynthesizer on macOS) elsewhere. Nothing here touches the network.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

BASE_WORDS_PER_MINUTE = 150
"""A calm pace for children at 100% speed (eSpeak's own default is 175)."""

SYNTHESIS_TIMEOUT = 30.0


class SpeechError(Exception):
    """A line could not be synthesised."""


class SpeechEngine(Protocol):
    """Writes spoken text to a WAV file. Called from the narrator's worker thread only."""

    name: str

    def voice_for(self, language: str) -> str | None:
        """The engine's voice for a language code such as `fr` or `pt_BR`; None if it has none."""
        ...

    def synthesise(self, text: str, voice: str, speed: int, out: Path) -> None:
        """Speak `text` with `voice` at `speed` percent into the WAV file `out`.

        Raises:
            SpeechError: The engine failed.
        """
        ...


def romanise_chinese() -> Callable[[str], str] | None:
    """The pinyin converter the i18n package provides, if it is there.

    eSpeak NG reads Chinese best as tone-numbered pinyin (its cmn-latn-pinyin voice).
    """
    try:
        from game.i18n import pinyin  # type: ignore[attr-defined]
    except ImportError:
        return None
    for name in ("to_pinyin", "pinyin", "romanise", "romanize"):
        converter = getattr(pinyin, name, None)
        if callable(converter):
            return converter
    return None


class EspeakEngine:
    """eSpeak NG through its command line: `espeak-ng -v VOICE -s WPM -w OUT.wav`."""

    def __init__(self, command: str) -> None:
        self.command = command
        self.name = Path(command).name
        self._voices: set[str] | None = None
        self._lock = threading.Lock()

    def voices(self) -> set[str]:
        """The voice and language names the installed eSpeak knows, lower case."""
        with self._lock:
            if self._voices is None:
                self._voices = self._list_voices()
            return self._voices

    def _list_voices(self) -> set[str]:
        try:
            listing = subprocess.run(
                [self.command, "--voices"],
                capture_output=True,
                text=True,
                timeout=SYNTHESIS_TIMEOUT,
                check=False,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return set()
        names: set[str] = set()
        for line in listing.splitlines()[1:]:
            parts = line.split()
            if len(parts) >= 5:
                names.add(parts[1].lower())
                names.add(parts[4].split("/")[-1].lower())
        return names

    def voice_for(self, language: str) -> str | None:
        known = self.voices()
        tag = language.replace("_", "-").lower()
        base = tag.split("-")[0]
        if base == "zh":
            if "cmn-latn-pinyin" in known and romanise_chinese() is not None:
                return "cmn-latn-pinyin"
            return "cmn" if "cmn" in known else None
        for candidate in (tag, base):
            if candidate in known:
                return candidate
        return None

    def synthesise(self, text: str, voice: str, speed: int, out: Path) -> None:
        if voice == "cmn-latn-pinyin":
            converter = romanise_chinese()
            if converter is not None:
                text = converter(text)
        words_per_minute = max(80, min(450, round(BASE_WORDS_PER_MINUTE * speed / 100)))
        command = [
            self.command,
            "-v",
            voice,
            "-s",
            str(words_per_minute),
            "-w",
            str(out),
            "--stdin",
        ]
        try:
            result = subprocess.run(
                command,
                input=text.encode("utf-8"),
                capture_output=True,
                timeout=SYNTHESIS_TIMEOUT,
                check=False,
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise SpeechError(str(error)) from error
        if result.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
            raise SpeechError(result.stderr.decode("utf-8", "replace").strip() or "no audio")


class SystemVoiceEngine:
    """The platform's voices through pyttsx3's `save_to_file`, on the worker thread."""

    name = "system voice"

    def __init__(self) -> None:
        self._engine: Any = None
        self._lock = threading.Lock()

    def _driver(self) -> Any:
        if self._engine is None:
            import pyttsx3

            self._engine = pyttsx3.init()
        return self._engine

    def voice_for(self, language: str) -> str | None:
        base = language.replace("-", "_").split("_")[0].lower()
        with self._lock:
            try:
                voices = self._driver().getProperty("voices") or []
            except Exception:  # noqa: BLE001 - a broken platform voice must never stop the game
                return None
            for voice in voices:
                for spoken in getattr(voice, "languages", None) or []:
                    if isinstance(spoken, bytes):
                        spoken = spoken.decode("ascii", "ignore").strip("\x05\x00")
                    if str(spoken).replace("-", "_").split("_")[0].lower() == base:
                        return str(voice.id)
            if base == "en" and voices:
                return str(voices[0].id)
        return None

    def synthesise(self, text: str, voice: str, speed: int, out: Path) -> None:
        with self._lock:
            try:
                engine = self._driver()
                engine.setProperty("voice", voice)
                engine.setProperty("rate", round(BASE_WORDS_PER_MINUTE * speed / 100))
                engine.save_to_file(text, str(out))
                engine.runAndWait()
            except Exception as error:  # noqa: BLE001 - platform drivers raise anything
                raise SpeechError(str(error)) from error
        if not out.is_file() or out.stat().st_size == 0:
            raise SpeechError("no audio")


def find_engine(platform: str = sys.platform) -> SpeechEngine | None:
    """The offline speech engine for this computer, or None when there is none.

    Windows and macOS use their own voices; elsewhere (and as a fallback) eSpeak NG.
    """
    if platform.startswith(("win", "darwin")):
        try:
            import pyttsx3  # noqa: F401
        except ImportError:
            pass
        else:
            return SystemVoiceEngine()
    for command in ("espeak-ng", "espeak"):
        found = shutil.which(command)
        if found:
            return EspeakEngine(found)
    return None
