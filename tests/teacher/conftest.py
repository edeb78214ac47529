"""Fixtures for the adult-area tests: a store with a test clock, and a small class."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game.store import Store
from tests.store_clock import ManualClock


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def store(tmp_path: Path, clock: ManualClock) -> Iterator[Store]:
    opened = Store.open(tmp_path / "store", clock=clock)
    assert opened.saves, opened.read_only_reason
    yield opened
    opened.close()
