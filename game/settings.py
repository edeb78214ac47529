"""The player's settings: one frozen value, saved per player, overridable for a session."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from typing import Any


class InputMode(StrEnum):
    """How the player moves and presses."""

    MOUSE = "mouse"
    KEYBOARD = "keyboard"
    ONE_SWITCH = "one-switch"
    TWO_SWITCH = "two-switch"
    GAMEPAD = "gamepad"


TEXT_SCALES: tuple[int, ...] = (100, 125, 150, 175, 200)
"""The text-size steps, in percent of the 28 px body text."""

LINE_SPACINGS: tuple[float, ...] = (1.0, 1.25, 1.5, 1.75, 2.0)
SCAN_INTERVALS: tuple[float, ...] = (0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 5.0)
VOLUME_STEPS: tuple[int, ...] = (0, 25, 50, 75, 100)
DEBOUNCE_STEPS: tuple[float, ...] = (0.0, 0.25, 0.5, 0.75, 1.0)
"""Input delay steps in seconds: presses closer together than this count once (tremor)."""
NARRATION_SPEEDS: tuple[int, ...] = (60, 80, 100, 125, 150)
"""Reading-aloud speeds, in percent of a calm speaking pace."""
NARRATION_BAND = "under-9"
"""The band where reading aloud is on unless the player or an adult turned it off."""


@dataclass(frozen=True)
class Settings:
    """Everything a player or an adult can set. Defaults suit a first launch."""

    text_scale: int = 100
    line_spacing: float = 1.25
    input_mode: InputMode = InputMode.MOUSE
    scan_interval: float = 1.5
    debounce: float = 0.0
    locale: str | None = None
    narration: bool | None = None
    """None means "the band decides": on for under-9, off otherwise."""
    narration_speed: int = 100
    effects_volume: int = 75
    narration_volume: int = 100
    music_volume: int = 50
    mute: bool = False
    captions: bool = False
    scan_sound: bool = True
    """A soft tick each time the auto-scan highlight moves."""
    high_contrast: bool = False
    reduced_motion: bool = False
    dyslexia_font: bool = False
    helpline_country: str | None = None
    setup_done: bool = False

    def changed(self, **values: Any) -> Settings:
        """A copy with some values changed, each checked and clamped."""
        return Settings.from_dict({**self.to_dict(), **values})

    def narration_for(self, band: str | None) -> bool:
        """Whether the game reads aloud in this band (None: outside any band)."""
        if self.narration is not None:
            return self.narration
        return band == NARRATION_BAND

    def to_dict(self) -> dict[str, Any]:
        """Plain values, for the store."""
        data = asdict(self)
        data["input_mode"] = str(self.input_mode)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Settings from stored values; unknown keys and bad values fall back to defaults."""
        defaults = cls()
        clean: dict[str, Any] = {}
        for field in fields(cls):
            if field.name not in data:
                continue
            value = data[field.name]
            default = getattr(defaults, field.name)
            try:
                clean[field.name] = _coerce(field.name, value, default)
            except (TypeError, ValueError):
                continue
        return replace(defaults, **clean)


def _coerce(name: str, value: Any, default: Any) -> Any:
    if name == "input_mode":
        return InputMode(value)
    if name == "text_scale":
        return min(TEXT_SCALES, key=lambda step: abs(step - int(value)))
    if name == "line_spacing":
        return max(1.0, min(2.0, float(value)))
    if name == "scan_interval":
        return max(0.5, min(5.0, float(value)))
    if name == "debounce":
        return max(0.0, min(1.0, float(value)))
    if name == "narration_speed":
        return min(NARRATION_SPEEDS, key=lambda step: abs(step - int(value)))
    if name.endswith("_volume"):
        return max(0, min(100, int(value)))
    if name in ("locale", "helpline_country"):
        return None if value is None else str(value)
    if name == "narration":
        return None if value is None else bool(value)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise TypeError(name)
        return value
    return type(default)(value)
