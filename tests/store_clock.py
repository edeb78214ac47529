"""A clock for the store that the test controls (store and adult-area tests share it)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class ManualClock:
    """A store clock that starts on a school morning and ticks a second each time it is read."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        moment = self.now
        self.now += timedelta(seconds=1)
        return moment

    def advance(self, **amount: float) -> None:
        """Move the time on, as in `advance(days=1)`."""
        self.now += timedelta(**amount)
