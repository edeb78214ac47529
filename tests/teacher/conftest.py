"""Fixtures for the adult-area tests: a store with a test clock, and a small class."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from game.store import Store


class ManualClock:
    """A store clock that starts on a school morning and ticks a second each time it is read."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        moment = self.now
        self.now += timedelta(seconds=1)
        return moment

    def advance(self, **amount: float) -> None:
        """Move the time on, as in `advance(minutes=1)`."""
        self.now += timedelta(**amount)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def store(tmp_path: Path, clock: ManualClock) -> Iterator[Store]:
    opened = Store.open(tmp_path / "store", clock=clock)
    assert opened.saves, opened.read_only_reason
    yield opened
    opened.close()
