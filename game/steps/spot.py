"""The `spot` step: find the warning signs in a message, profile, post, web page or game."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from game.steps import StepModel, StepReference, Text
from game.steps.pictures import Picture, split_art


class SpotScene(StrEnum):
    """What the card looks like."""

    MESSAGE = "message"
    PROFILE = "profile"
    POST = "post"
    WEBPAGE = "webpage"
    GAME = "game"


class SpotLine(BaseModel):
    """One line of the card; a warning sign when it has a `sign`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: Text = Field(description="The line as it shows on the card.")
    sign: Text | None = Field(
        default=None,
        description="Present when this line is a warning sign: the explanation shown once it "
        "is found.",
    )


class Spot(BaseModel):
    """The task and the card."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    prompt: Text = Field(description="What to do, e.g. Find the 3 warning signs.")
    scene: SpotScene = Field(
        default=SpotScene.MESSAGE,
        description="How the card is drawn: message, profile, post, webpage or game.",
    )
    title: Text | None = Field(default=None, description="An optional heading on the card.")
    lines: tuple[SpotLine, ...] = Field(
        min_length=2, max_length=10, description="The card's lines, top to bottom: 2 to 10."
    )
    image: Picture | None = Field(default=None, description="An optional picture on the card.")


class SpotStep(StepModel):
    """Find the warning signs; each one found is explained."""

    type_key: ClassVar[str] = "spot"

    spot: Spot = Field(description="The task and the card with its lines.")

    def translatable_texts(self) -> Iterator[str]:
        """The prompt, the title, then each line and its explanation."""
        yield self.spot.prompt
        if self.spot.title is not None:
            yield self.spot.title
        for line in self.spot.lines:
            yield line.text
            if line.sign is not None:
                yield line.sign

    def references(self) -> Iterator[StepReference]:
        """The card's own picture file."""
        if self.spot.image is not None and split_art(self.spot.image) is None:
            yield StepReference("image", ("spot", "image"), self.spot.image)

    def inner_problems(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """At least one line is a warning sign."""
        if not any(line.sign for line in self.spot.lines):
            yield (
                ("spot", "lines"),
                "no line has a `sign:`: add `sign: <why it is a warning sign>` to each line "
                "the player should find",
            )
