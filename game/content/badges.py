"""The badge catalogue (content/badges.yaml): the badges levels can award."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from game.content.models import FormatVersion
from game.steps import Slug, Text

COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"


class BadgeIcon(StrEnum):
    """The picture on a badge."""

    SHIELD = "shield"
    KEY = "key"
    HEART = "heart"
    STAR = "star"
    LIGHTBULB = "lightbulb"
    MEGAPHONE = "megaphone"
    HANDSHAKE = "handshake"
    MOON = "moon"
    MAGNIFIER = "magnifier"
    LOCK = "lock"
    ROBOT = "robot"
    GLOBE = "globe"


class Badge(BaseModel):
    """A medal the player earns in a level."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug = Field(description="Unique id used by `badge:` steps, e.g. treasure-keeper.")
    name: Text = Field(max_length=30, description="The name shown to the child (up to 30).")
    description: Text = Field(description="One short sentence saying what it is for.")
    icon: BadgeIcon = Field(description="The picture on the medal.")
    colour: str = Field(
        strict=True,
        pattern=COLOUR_PATTERN,
        description='The medal colour as a hex colour, e.g. "#3a7bd5".',
    )


class BadgeCatalogue(BaseModel):
    """Every badge in the game."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: FormatVersion = Field(description="The format version: always 1.")
    badges: tuple[Badge, ...] = Field(description="The badges, each with a unique id.")

    def get(self, badge_id: str) -> Badge | None:
        """The badge with this id, or None."""
        return next((badge for badge in self.badges if badge.id == badge_id), None)

    def ids(self) -> frozenset[str]:
        """Every badge id."""
        return frozenset(badge.id for badge in self.badges)

    def texts(self) -> Iterator[tuple[str, str]]:
        """Each badge's name and description with a comment for translators."""
        for badge in self.badges:
            yield badge.name, f"badge name ({badge.id})"
            yield badge.description, f"badge description ({badge.id})"
