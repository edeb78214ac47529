"""Step types: one module per type (its model, and later its view) and the registry joining them.

This package stays import-light: the content pipeline uses the models without pygame.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""Lowercase words joined by single hyphens, e.g. `the-question`."""

Slug = Annotated[str, StringConstraints(strict=True, pattern=SLUG_PATTERN, max_length=40)]
"""An id or label written by a content author."""

Text = Annotated[str, StringConstraints(strict=True, min_length=1)]
"""Words shown or read to the player (and translated)."""

ReferenceKind = Literal["goto", "badge", "voice", "image"]


@dataclass(frozen=True)
class StepReference:
    """Something a step points at outside itself, checked after validation.

    Attributes:
        kind: A goto label, a badge id, or an asset file (voice, image).
        where: The data path of the value inside the step mapping, e.g. ("voice",).
        value: The label, badge id or relative file path as written.
    """

    kind: ReferenceKind
    where: tuple[str | int, ...]
    value: str


class StepModel(BaseModel):
    """What every step has: an optional label, its texts and its references."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type_key: ClassVar[str]
    """The key that marks a step of this type in a level file, e.g. "say"."""

    label: Slug | None = Field(
        default=None,
        description=(
            "A name for this step, unique in the level, so a choice option can `goto` it. "
            "Lowercase letters, digits and hyphens, e.g. `the-question`."
        ),
    )

    def translatable_texts(self) -> Iterator[str]:
        """The step's words that translators translate, in reading order."""
        yield from ()

    def references(self) -> Iterator[StepReference]:
        """The labels, badges and files this step points at."""
        yield from ()

    def exits(self) -> tuple[str | None, ...]:
        """Where the story can go after this step: a goto label, or None for the next step."""
        return (None,)

    def inner_problems(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """Mistakes inside the step that a schema cannot express, as (data path, message)."""
        yield from ()
