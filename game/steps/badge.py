"""The `badge` step: the player earns a badge from content/badges.yaml."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import Field

from game.steps import Slug, StepModel, StepReference


class BadgeStep(StepModel):
    """Awards a badge; usually the last step of a level."""

    type_key: ClassVar[str] = "badge"

    badge: Slug = Field(description="The id of a badge in content/badges.yaml.")

    def references(self) -> Iterator[StepReference]:
        """The badge awarded."""
        yield StepReference("badge", ("badge",), self.badge)
