"""Which levels a class may play: age bands, topics and single levels turned on or off by an
adult, and the sensitive topics that stay off for younger children until an adult allows them.

`visible_levels(ctx, levels)` is the filter the map applies. `settings_locked(ctx)` says whether
a child may open Settings. `projector_mode(ctx)` says whether the class plays on a projector.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from game.content.models import Level
    from game.context import Context
    from game.store.database import Store

GATED_TOPICS: tuple[str, ...] = ("grooming", "sexual-exploitation")
"""Topics an adult must turn on, one age band at a time, for the younger bands."""

GATED_BANDS: tuple[str, ...] = ("under-9", "9-12")
"""The bands where the gated topics start off."""

CONTROLS_KEY = "controls"
LOCK_KEY = "settings_locked"
PROJECTOR_KEY = "projector"

LevelT = TypeVar("LevelT", bound="Level")


class Hidden(StrEnum):
    """Why a level is not on a class's map."""

    BAND = "band"
    TOPIC = "topic"
    LEVEL = "level"
    SENSITIVE = "sensitive"


@dataclass(frozen=True)
class Controls:
    """An adult's on/off choices for one class (or for the players without a class).

    Everything is on, except the gated topics in the gated bands, which an adult turns on per
    band in `sensitive_on` as (band, topic) pairs.
    """

    bands_off: frozenset[str] = field(default_factory=frozenset)
    topics_off: frozenset[str] = field(default_factory=frozenset)
    levels_off: frozenset[str] = field(default_factory=frozenset)
    sensitive_on: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    def hidden_because(self, level: Level) -> Hidden | None:
        """Why the level is hidden from the class, or None when it shows."""
        band = str(level.band)
        topics = [str(topic) for topic in level.topics]
        if band in self.bands_off:
            return Hidden.BAND
        if level.id in self.levels_off:
            return Hidden.LEVEL
        if any(topic in self.topics_off for topic in topics):
            return Hidden.TOPIC
        if band in GATED_BANDS and any(
            topic in GATED_TOPICS and (band, topic) not in self.sensitive_on for topic in topics
        ):
            return Hidden.SENSITIVE
        return None

    def shows(self, level: Level) -> bool:
        """Whether the class sees this level on its map."""
        return self.hidden_because(level) is None

    def band_on(self, band: str) -> bool:
        return band not in self.bands_off

    def topic_on(self, topic: str) -> bool:
        return topic not in self.topics_off

    def level_on(self, level_id: str) -> bool:
        return level_id not in self.levels_off

    def sensitive_allowed(self, band: str, topic: str) -> bool:
        """Whether an adult turned a gated topic on for a band (always True outside the gates)."""
        if band not in GATED_BANDS or topic not in GATED_TOPICS:
            return True
        return (band, topic) in self.sensitive_on

    def toggled_band(self, band: str) -> Controls:
        return replace(self, bands_off=_flip(self.bands_off, band))

    def toggled_topic(self, topic: str) -> Controls:
        return replace(self, topics_off=_flip(self.topics_off, topic))

    def toggled_level(self, level_id: str) -> Controls:
        return replace(self, levels_off=_flip(self.levels_off, level_id))

    def toggled_sensitive(self, band: str, topic: str) -> Controls:
        return replace(self, sensitive_on=_flip(self.sensitive_on, (band, topic)))

    def to_dict(self) -> dict[str, list[str]]:
        """Plain, sorted values for the store."""
        return {
            "bands_off": sorted(self.bands_off),
            "topics_off": sorted(self.topics_off),
            "levels_off": sorted(self.levels_off),
            "sensitive_on": sorted(f"{band}/{topic}" for band, topic in self.sensitive_on),
        }

    @classmethod
    def from_dict(cls, data: object) -> Controls:
        """Controls from stored values; anything unreadable counts as the defaults."""
        if not isinstance(data, Mapping):
            return cls()

        def names(key: str) -> frozenset[str]:
            value = data.get(key, [])
            if not isinstance(value, list):
                return frozenset()
            return frozenset(item for item in value if isinstance(item, str) and item)

        pairs = frozenset(
            (band, topic)
            for band, _, topic in (item.partition("/") for item in names("sensitive_on"))
            if band in GATED_BANDS and topic in GATED_TOPICS
        )
        return cls(names("bands_off"), names("topics_off"), names("levels_off"), pairs)


def _flip(items: frozenset[Any], item: Any) -> frozenset[Any]:
    return items - {item} if item in items else items | {item}


def load_controls(store: Store, class_id: int | None) -> Controls:
    """The controls of a class, or of the players without a class for None."""
    return Controls.from_dict(store.load_class_settings(class_id).get(CONTROLS_KEY))


def save_controls(store: Store, class_id: int | None, controls: Controls) -> None:
    """Keep a class's controls."""
    store.save_class_settings(class_id, {CONTROLS_KEY: controls.to_dict()})


def current_class(ctx: Context) -> int | None:
    """The class of the player now playing; None without a player or a class."""
    if ctx.player is None:
        return None
    return ctx.store.class_of(ctx.player.id)


def visible_levels(ctx: Context, levels: Iterable[LevelT]) -> list[LevelT]:
    """The levels the current player's class may play, in the order given."""
    controls = load_controls(ctx.store, current_class(ctx))
    return [level for level in levels if controls.shows(level)]


def settings_locked(ctx: Context) -> bool:
    """Whether an adult locked the settings for the current player's class, so the child's
    Settings button is hidden."""
    return bool(ctx.store.load_class_settings(current_class(ctx)).get(LOCK_KEY, False))


def projector_mode(ctx: Context) -> bool:
    """Whether the current player's class plays on a projector: everything bigger."""
    return bool(ctx.store.load_class_settings(current_class(ctx)).get(PROJECTOR_KEY, False))
