"""One measured quantity: its repeated samples, median and spread, and the target it must meet."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value below which `fraction` of `values` lie (nearest rank; 0.99 is the p99)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


@dataclass
class Measurement:
    """Repeated samples of one quantity.

    Attributes:
        key: The key in the JSON output, e.g. `startup_s`.
        label: What it is, for the table.
        unit: Unit of the samples, e.g. `s`, `ms`, `%`.
        samples: One value per run (each run may itself summarise many frames).
        target: The value the median must stay below, or None when it is only reported.
        note: How it was measured, when the label is not enough.
        cpu_samples: The same runs in CPU time, for timings: on a machine other programs keep
            busy, wall time waits for a turn on a core and CPU time does not, so CPU time is
            what the wall time would be on a quiet machine.
    """

    key: str
    label: str
    unit: str
    samples: list[float] = field(default_factory=list)
    target: float | None = None
    note: str = ""
    cpu_samples: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples) if self.samples else math.nan

    @property
    def low(self) -> float:
        return min(self.samples) if self.samples else math.nan

    @property
    def high(self) -> float:
        return max(self.samples) if self.samples else math.nan

    @property
    def cpu_median(self) -> float | None:
        return statistics.median(self.cpu_samples) if self.cpu_samples else None

    @property
    def passed(self) -> bool | None:
        """Whether the median meets the target; None when there is no target."""
        if self.target is None:
            return None
        return self.median < self.target

    def to_dict(self) -> dict[str, object]:
        """Plain values for the JSON report."""
        return {
            "label": self.label,
            "unit": self.unit,
            "median": self.median,
            "min": self.low,
            "max": self.high,
            "runs": len(self.samples),
            "samples": self.samples,
            "cpu_median": self.cpu_median,
            "cpu_samples": self.cpu_samples,
            "target": self.target,
            "passed": self.passed,
            "note": self.note,
        }
