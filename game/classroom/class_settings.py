"""What an adult sets for a whole class: helpline country, controls, narration, text size, a
settings lock and projector mode.

These are defaults: when the adult changes one, it is written into each member's own settings,
and a player who joins the class gets them too. A child may change them afterwards in Settings,
unless the adult locked Settings. For players without a class (`class_id` None) the same
choices apply, and the helpline country there is the one for the whole computer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.classroom.controls import LOCK_KEY, PROJECTOR_KEY
from game.settings import TEXT_SCALES, InputMode

if TYPE_CHECKING:
    from game.store.database import Store

PROJECTOR_TEXT_SCALE = 150
"""Projector mode never shows text smaller than this, in percent."""

NARRATION_CHOICES: tuple[str | None, ...] = (None, "band", "on", "off")
"""None: each player chooses; "band": on for under-9 only; "on"; "off"."""

INPUT_CHOICES: tuple[str | None, ...] = (None, *(str(mode) for mode in InputMode))
TEXT_SCALE_CHOICES: tuple[int | None, ...] = (None, *TEXT_SCALES)


@dataclass(frozen=True)
class ClassDefaults:
    """The adult's choices for one class; None means "each player chooses"."""

    helpline_country: str | None = None
    """For a class: None means "the same as this computer"."""
    input_mode: str | None = None
    narration: str | None = None
    text_scale: int | None = None
    settings_locked: bool = False
    projector: bool = False


def load_defaults(store: Store, class_id: int | None) -> ClassDefaults:
    """The adult's choices for a class, or for players without one."""
    stored = store.load_class_settings(class_id)
    helpline = (
        machine_helpline(store) if class_id is None else _text(stored.get("helpline_country"))
    )
    input_mode = _text(stored.get("input_mode"))
    narration = _text(stored.get("narration"))
    scale = stored.get("text_scale")
    return ClassDefaults(
        helpline_country=helpline,
        input_mode=input_mode if input_mode in INPUT_CHOICES else None,
        narration=narration if narration in NARRATION_CHOICES else None,
        text_scale=scale if isinstance(scale, int) and scale in TEXT_SCALES else None,
        settings_locked=bool(stored.get(LOCK_KEY, False)),
        projector=bool(stored.get(PROJECTOR_KEY, False)),
    )


def machine_helpline(store: Store) -> str | None:
    """The helpline country for the whole computer."""
    return _text(store.load_settings(None).get("helpline_country"))


def set_default(store: Store, class_id: int | None, key: str, value: Any) -> None:
    """Change one of a class's defaults and write it into its members' settings.

    Args:
        key: A field of ClassDefaults.
        value: Its new value (None for "each player chooses").

    Raises:
        ValueError: The key is unknown or the value is not one of its choices.
    """
    _check(key, value)
    if key == "helpline_country" and class_id is None:
        _set_machine_helpline(store, value)
        return
    stored_value: Any = value if key not in (LOCK_KEY, PROJECTOR_KEY) else bool(value)
    if stored_value is False:
        stored_value = None  # off is the default: keep the table small
    store.save_class_settings(class_id, {key: stored_value})
    if key in ("settings_locked",):
        return
    defaults = load_defaults(store, class_id)
    values = _member_values(store, class_id, defaults, only=_written_keys(key))
    if key == "projector" and not value:
        values["text_scale"] = defaults.text_scale or TEXT_SCALES[0]
    if key == "helpline_country":
        values["helpline_country"] = defaults.helpline_country or machine_helpline(store)
    _write(store, class_id, values)


def apply_to_player(store: Store, player_id: int) -> None:
    """Give a player their class's defaults, e.g. after joining it."""
    class_id = store.class_of(player_id)
    values = _member_values(store, class_id, load_defaults(store, class_id))
    if values:
        store.save_settings(player_id, values)


def _set_machine_helpline(store: Store, country: str | None) -> None:
    store.save_settings(None, {"helpline_country": country})
    for player in store.players():
        class_id = store.class_of(player.id)
        if class_id is not None and load_defaults(store, class_id).helpline_country:
            continue
        store.save_settings(player.id, {"helpline_country": country})


def _member_values(
    store: Store, class_id: int | None, defaults: ClassDefaults, only: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The settings the class's choices give each member: only what the adult has set."""
    values: dict[str, Any] = {}
    helpline = defaults.helpline_country or machine_helpline(store)
    if helpline:
        values["helpline_country"] = helpline
    if defaults.input_mode:
        values["input_mode"] = defaults.input_mode
    if defaults.narration:
        values["narration"] = {"band": None, "on": True, "off": False}[defaults.narration]
    scale = defaults.text_scale
    if defaults.projector:
        scale = max(PROJECTOR_TEXT_SCALE, scale or TEXT_SCALES[0])
    if scale:
        values["text_scale"] = scale
    if only:
        values = {key: value for key, value in values.items() if key in only}
    return values


def _written_keys(key: str) -> tuple[str, ...]:
    return ("text_scale",) if key in ("projector", "text_scale") else (key,)


def _write(store: Store, class_id: int | None, values: dict[str, Any]) -> None:
    if not values:
        return
    for player in store.class_members(class_id):
        store.save_settings(player.id, values)
    if class_id is None:
        store.save_settings(None, values)  # new players start with them too


def _check(key: str, value: Any) -> None:
    choices: dict[str, tuple[Any, ...]] = {
        "input_mode": INPUT_CHOICES,
        "narration": NARRATION_CHOICES,
        "text_scale": TEXT_SCALE_CHOICES,
        LOCK_KEY: (False, True),
        PROJECTOR_KEY: (False, True),
    }
    if key == "helpline_country":
        if value is not None and (not isinstance(value, str) or not value):
            raise ValueError(f"a helpline country is a country code, not {value!r}")
        return
    if key not in choices:
        raise ValueError(f"no class setting called {key!r}")
    if value not in choices[key]:
        raise ValueError(f"{key} cannot be {value!r}; choose one of {choices[key]}")


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
