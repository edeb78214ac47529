"""The `choice` step: a question with two to four answers, each with feedback."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from game.steps import Slug, StepModel, StepReference, Text


class Result(StrEnum):
    """What picking an option means for the player's safety."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    OK = "ok"


class ChoiceOption(BaseModel):
    """One answer the player can pick."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: Text = Field(description="The answer as the player sees it.")
    result: Result = Field(description="safe, unsafe, or ok (neither, e.g. a matter of taste).")
    feedback: Text = Field(description="What Sango says after this answer is picked.")
    goto: Slug | None = Field(
        default=None,
        description="The label of the step to jump to after the feedback; by default the story "
        "goes on to the next step.",
    )


class Choice(BaseModel):
    """The question and its answers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    prompt: Text = Field(description="The question the player answers.")
    options: tuple[ChoiceOption, ...] = Field(
        min_length=2, max_length=4, description="The answers to pick from: 2 to 4."
    )


class ChoiceStep(StepModel):
    """A question the player answers by picking one option."""

    type_key: ClassVar[str] = "choice"

    choice: Choice = Field(description="The question and its 2 to 4 answers.")

    def translatable_texts(self) -> Iterator[str]:
        """The prompt, then each option's text and feedback."""
        yield self.choice.prompt
        for option in self.choice.options:
            yield option.text
            yield option.feedback

    def references(self) -> Iterator[StepReference]:
        """The labels the options jump to."""
        for index, option in enumerate(self.choice.options):
            if option.goto is not None:
                yield StepReference("goto", ("choice", "options", index, "goto"), option.goto)

    def exits(self) -> tuple[str | None, ...]:
        """One exit per option: its goto label, or None for the next step."""
        return tuple(option.goto for option in self.choice.options)
