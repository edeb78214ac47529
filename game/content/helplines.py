"""Helplines (content/helplines.yaml): who a child can call, by country."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from game.content.models import FormatVersion
from game.steps import Text

COUNTRY_PATTERN = r"^[A-Z]{2}$"

EUROPEAN_UNION = "EU"
"""The country code of the harmonised 116 111 entry."""

EU_MEMBER_STATES = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
)
"""Countries where the EU-wide 116 111 child helpline number works."""


class Helpline(BaseModel):
    """A phone line for children in one country."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    country: str = Field(
        strict=True,
        pattern=COUNTRY_PATTERN,
        description='ISO 3166-1 alpha-2 country code, e.g. GB, or "EU" for the 116 111 entry.',
    )
    name: Text = Field(description="The helpline's name, e.g. Childline.")
    number: Text = Field(description='The number to call, as text, e.g. "0800 1111".')
    note: Text | None = Field(default=None, description="A short note, e.g. Free, 24 hours.")


class Helplines(BaseModel):
    """Every helpline the game can show."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: FormatVersion = Field(description="The format version: always 1.")
    helplines: tuple[Helpline, ...] = Field(description="The helplines, any order.")

    def for_country(self, country: str) -> tuple[Helpline, ...]:
        """The helplines for a country code, then the EU-wide one for EU member states.

        Args:
            country: An ISO 3166-1 alpha-2 code, any case.
        """
        code = country.upper()
        own = tuple(line for line in self.helplines if line.country == code)
        if code in EU_MEMBER_STATES:
            own += tuple(line for line in self.helplines if line.country == EUROPEAN_UNION)
        return own

    def countries(self) -> list[str]:
        """Every country code with a helpline to show, EU member states included, sorted."""
        codes = {line.country for line in self.helplines} - {EUROPEAN_UNION}
        if any(line.country == EUROPEAN_UNION for line in self.helplines):
            codes |= EU_MEMBER_STATES
        return sorted(codes)
