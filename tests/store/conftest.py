"""Fixtures for the store tests: a save folder, a clock the test controls, and an open store."""

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
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data" / "sango"


@pytest.fixture
def store(data_dir: Path, clock: ManualClock) -> Iterator[Store]:
    opened = Store.open(data_dir, clock=clock)
    assert opened.saves, opened.read_only_reason
    yield opened
    opened.close()
