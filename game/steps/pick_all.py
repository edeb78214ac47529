"""The `pick-all` step: a question with several right answers, checked together."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from game.steps import StepModel, Text


class PickAllOption(BaseModel):
    """One answer the player can tick."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: Text = Field(description="The answer as the player sees it.")
    correct: bool = Field(description="true if this answer is one to pick, false if not.")


class PickAllFeedback(BaseModel):
    """What Sango says after Check."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    right: Text = Field(description="Said when exactly the right answers are picked.")
    wrong: Text = Field(description="Said otherwise; the right answers are then shown.")


class PickAll(BaseModel):
    """The question, its answers and the feedback."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    prompt: Text = Field(description="The question, e.g. Which of these are private?")
    options: tuple[PickAllOption, ...] = Field(
        min_length=3, max_length=8, description="3 to 8 answers; at least one is correct."
    )
    feedback: PickAllFeedback = Field(description="What Sango says after Check: right and wrong.")


class PickAllStep(StepModel):
    """Tick every right answer, then Check."""

    type_key: ClassVar[str] = "pick-all"

    pick_all: PickAll = Field(
        alias="pick-all", description="The question, 3-8 answers and the feedback."
    )

    def translatable_texts(self) -> Iterator[str]:
        """The prompt, each option, then the feedback."""
        yield self.pick_all.prompt
        for option in self.pick_all.options:
            yield option.text
        yield self.pick_all.feedback.right
        yield self.pick_all.feedback.wrong

    def inner_problems(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """At least one answer is correct."""
        if not any(option.correct for option in self.pick_all.options):
            yield (
                ("pick-all", "options"),
                "no option has `correct: true`: mark every answer the player should pick",
            )
