"""Speech and braille through the player's own screen reader, when one is running.

Uses prismatoid (`prism`), which talks to NVDA, JAWS, Narrator, VoiceOver, Orca and others.
A child who uses a screen reader keeps their own voice, speed and braille display. When none
is running (or prism is missing or fails), `detect` returns None and the game's own narrator
speaks instead. Set SANGO_SCREEN_READER=off to never use one.
"""

from __future__ import annotations

import os
import sys
from typing import Any

_SCREEN_READERS = (
    "NVDA",
    "JAWS",
    "VOICE_OVER",
    "ORCA",
    "ZDSR",
    "ZOOM_TEXT",
    "SYSTEM_ACCESS",
    "PC_TALKER",
    "SENSE_READER",
    "BOY_PC_READER",
    "WINDOW_EYES",
    "ANDROID_SCREEN_READER",
    "UIA",
)
"""prism backends that are screen readers, best first. The plain text-to-speech backends
(SAPI, OneCore, AVSpeech, Speech Dispatcher) are not: our narrator does that job itself."""

_SPI_GETSCREENREADER = 0x0046


def _windows_screen_reader_running() -> bool:
    """Whether Windows says a screen reader is on (Narrator sets this; UIA alone does not)."""
    if not sys.platform.startswith("win"):
        return False
    try:
        import ctypes

        flag = ctypes.c_int(0)
        ctypes.windll.user32.SystemParametersInfoW(  # type: ignore[attr-defined]
            _SPI_GETSCREENREADER, 0, ctypes.byref(flag), 0
        )
        return bool(flag.value)
    except (AttributeError, OSError):
        return False


class ScreenReader:
    """A running screen reader: `say` speaks and shows a line in braille."""

    def __init__(self, backend: Any, context: Any) -> None:
        self._backend = backend
        self._context = context
        """Kept alive: the backend belongs to this prism context."""
        self.name = str(getattr(backend, "name", "screen reader"))

    @classmethod
    def detect(cls, environment: dict[str, str] | None = None) -> ScreenReader | None:
        """The running screen reader, or None. Never raises."""
        environment = dict(os.environ) if environment is None else environment
        if environment.get("SANGO_SCREEN_READER", "").lower() in ("off", "0", "no", "false"):
            return None
        try:
            import prism
        except Exception:  # noqa: BLE001 - a missing or broken native library means "none"
            return None
        try:
            context = prism.Context()
        except Exception:  # noqa: BLE001
            return None
        for name in _SCREEN_READERS:
            backend_id = getattr(prism.BackendId, name, None)
            if backend_id is None:
                continue
            if name == "UIA" and not _windows_screen_reader_running():
                continue
            try:
                if not context.exists(backend_id):
                    continue
                backend = context.create(backend_id)
                if not backend.features.is_supported_at_runtime:
                    continue
            except Exception:  # noqa: BLE001 - "not available" is the usual answer
                continue
            return cls(backend, context)
        return None

    def say(self, text: str, interrupt: bool = True) -> bool:
        """Speak and braille a line; False if the screen reader refused."""
        text = text.replace("\x00", " ").strip()
        if not text:
            return True
        try:
            self._backend.output(text, interrupt)
            return True
        except Exception:  # noqa: BLE001
            pass
        try:
            self._backend.speak(text, interrupt)
        except Exception:  # noqa: BLE001
            return False
        try:
            self._backend.braille(text)
        except Exception:  # noqa: BLE001 - not every screen reader drives a braille display
            pass
        return True

    def braille(self, text: str) -> None:
        """Show a line on the braille display only (a recorded voice is speaking it)."""
        text = text.replace("\x00", " ").strip()
        if not text:
            return
        try:
            self._backend.braille(text)
        except Exception:  # noqa: BLE001
            pass

    def stop(self) -> None:
        """Stop speaking."""
        try:
            self._backend.stop()
        except Exception:  # noqa: BLE001
            pass
