"""Fixtures for the store tests: a save folder, a clock the test controls, and an open store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from game.store import Store


class ManualClock:
    """A clock that starts on a school morning and ticks one second each time it is read."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        moment = self.now
        self.now += timedelta(seconds=1)
        return moment

    def advance(self, **amount: float) -> None:
        """Move the time on, as in `advance(days=1)`."""
        self.now += timedelta(**amount)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data" / "sango"


@pytest.fixture
def store(data_dir: Path, clock: ManualClock) -> Iterator[Store]:
    opened = Store.open(data_dir, clock=clock)
    assert opened.saves, opened.read_only_reason
    yield opened
    opened.close()
