"""The `say` step: Sango (or another character) says a line."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from game.steps import Slug, StepModel, StepReference, Text


class Mood(StrEnum):
    """How Sango looks while speaking."""

    HAPPY = "happy"
    THINKING = "thinking"
    SURPRISED = "surprised"
    CONCERNED = "concerned"
    PROUD = "proud"
    WAVING = "waving"


SANGO = "sango"
"""The speaker id meaning Sango himself."""


class SayStep(StepModel):
    """A line of dialogue, with an optional mood, speaker and recorded voice."""

    type_key: ClassVar[str] = "say"

    say: Text = Field(description="The line spoken, shown and read aloud.")
    mood: Mood = Field(default=Mood.HAPPY, description="How Sango looks while saying it.")
    speaker: Text = Field(
        default=SANGO,
        description=(
            'Who speaks: "sango" (the default) or a character name shown on the line, e.g. "Amara".'
        ),
    )
    voice: Text | None = Field(
        default=None,
        description=(
            "A recorded voice file for this line, relative to the level file's folder, "
            "e.g. voice/hello.ogg. Without one the narrator reads the line."
        ),
    )
    goto: Slug | None = Field(
        default=None,
        description="The label of the step to go to after this line (e.g. to join two branches "
        "of the story again); by default the next step.",
    )

    def translatable_texts(self) -> Iterator[str]:
        """The line, and a character's name (names may need another script)."""
        yield self.say
        if self.speaker != SANGO:
            yield self.speaker

    def references(self) -> Iterator[StepReference]:
        """The voice file and the goto label, when there are."""
        if self.voice is not None:
            yield StepReference("voice", ("voice",), self.voice)
        if self.goto is not None:
            yield StepReference("goto", ("goto",), self.goto)

    def exits(self) -> tuple[str | None, ...]:
        """The goto label, or the next step."""
        return (self.goto,)
