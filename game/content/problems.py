"""Problems found in content files, worded for the writers who fix them."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content file, at a place in it.

    Attributes:
        path: The file the problem is in.
        line: 1-based line, or 0 when the problem is about the file as a whole.
        column: 1-based column, or 0 when the problem is about the file as a whole.
        message: Plain words saying what is wrong and how to fix it.
        severity: "error" stops the file being used; "warning" is advice.
    """

    path: Path
    line: int
    column: int
    message: str
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        """Whether this problem stops the file being used."""
        return self.severity == "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}" if self.line else f"{self.path}"
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {prefix}{self.message}"


def closest_match(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like `word` when one is close enough to be a likely typo, else None."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A " - did you mean 'x'?" suffix when `word` is close to one of `choices`, else ""."""
    match = closest_match(word, choices)
    return f" - did you mean '{match}'?" if match else ""


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in reading order: by file, then line, then column."""
    return sorted(problems, key=lambda p: (str(p.path), p.line, p.column))
