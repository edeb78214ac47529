"""The level model: what a level file holds, as pydantic models (the schema's source)."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from game.steps import Text
from game.steps.registry import AnyStep

FORMAT_VERSION = 1


def _refuse_booleans(value: Any) -> Any:
    """Stop `format: true` passing as 1 (True == 1 in Python)."""
    if isinstance(value, bool):
        raise PydanticCustomError("literal_error", "Input should be 1", {"expected": "1"})
    return value


FormatVersion = Annotated[Literal[1], BeforeValidator(_refuse_booleans)]
"""The content format version; only 1 exists."""


class Band(StrEnum):
    """The age band a level is written for."""

    UNDER_9 = "under-9"
    AGES_9_TO_12 = "9-12"
    AGES_13_TO_18 = "13-18"


class Topic(StrEnum):
    """A child online protection topic a level teaches."""

    RIGHTS = "rights"
    PRIVACY = "privacy"
    CYBERBULLYING = "cyberbullying"
    GROOMING = "grooming"
    SEXUAL_EXPLOITATION = "sexual-exploitation"
    INAPPROPRIATE_CONTENT = "inappropriate-content"
    MISINFORMATION = "misinformation"
    SCAMS_SECURITY = "scams-security"
    WELLBEING = "wellbeing"
    EMERGING_TECH = "emerging-tech"
    GETTING_HELP = "getting-help"
    INCLUSION = "inclusion"


SENSITIVE_TOPICS = frozenset({Topic.GROOMING, Topic.SEXUAL_EXPLOITATION, Topic.CYBERBULLYING})
"""Topics whose levels need a content note for teachers."""

LEVEL_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

LevelId = Annotated[
    str, StringConstraints(strict=True, pattern=LEVEL_ID_PATTERN, min_length=3, max_length=40)
]


class Teacher(BaseModel):
    """Notes for the teacher: what the level teaches and how to talk about it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    goals: tuple[Text, ...] = Field(
        min_length=1, description="What a child knows or can do after the level (at least one)."
    )
    discussion: tuple[Text, ...] = Field(
        default=(),
        description="Questions to talk about after playing (two or more recommended).",
    )
    content_note: Text | None = Field(
        default=None,
        description="What a teacher should know before a class plays this level. Required when "
        "the topics include grooming, sexual-exploitation or cyberbullying.",
    )


class Level(BaseModel):
    """One level: a short story of steps for one age band about one or more topics."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: FormatVersion = Field(description="The level format version: always 1.")
    id: LevelId = Field(
        description="Unique id of the level across all levels: lowercase letters, digits and "
        "hyphens, 3 to 40 characters, e.g. privacy-treasure."
    )
    band: Band = Field(description="The age band: under-9, 9-12 or 13-18.")
    topics: tuple[Topic, ...] = Field(
        min_length=1,
        json_schema_extra={"uniqueItems": True},
        description="The topics this level teaches (at least one, no repeats).",
    )
    title: Text = Field(max_length=60, description="The level's name (up to 60 characters).")
    summary: Text | None = Field(
        default=None,
        max_length=120,
        description="One line shown on the map card (up to 120 characters).",
    )
    minutes: int = Field(
        strict=True, ge=1, le=30, description="About how long the level takes, 1 to 30 minutes."
    )
    teacher: Teacher = Field(description="Notes for the teacher.")
    steps: tuple[AnyStep, ...] = Field(
        min_length=1,
        description="What happens, in order. Each step starts with its type key: say, choice, "
        "sort, chat, spot, pick-all or badge.",
    )

    def step_index(self, label: str) -> int | None:
        """The index of the step with this label, or None."""
        return next((index for index, step in enumerate(self.steps) if step.label == label), None)

    def texts(self) -> Iterator[tuple[str, str]]:
        """Every translatable string with a comment for translators, in reading order."""
        yield self.title, "level title"
        if self.summary is not None:
            yield self.summary, "level summary on the map card"
        for goal in self.teacher.goals:
            yield goal, "teacher notes: learning goal"
        for prompt in self.teacher.discussion:
            yield prompt, "teacher notes: discussion question"
        if self.teacher.content_note is not None:
            yield self.teacher.content_note, "teacher notes: content note"
        for number, step in enumerate(self.steps, start=1):
            for text in step.translatable_texts():
                yield text, f"step {number} ({step.type_key})"
