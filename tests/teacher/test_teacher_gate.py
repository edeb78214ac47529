"""The adult gate: a PIN kept only as a salted hash, and a pause after too many wrong tries."""

from __future__ import annotations

import pytest

from game.classroom.gate import FREE_TRIES, AdultGate, Check, hash_pin, is_valid_pin
from game.store import Store
from tests.store_clock import ManualClock


def test_pins_have_four_to_six_digits() -> None:
    assert [is_valid_pin(pin) for pin in ("1234", "12345", "123456")] == [True] * 3
    assert not any(is_valid_pin(pin) for pin in ("123", "1234567", "12a4", "١٢٣٤", " 1234", ""))


def test_the_pin_is_stored_salted_and_hashed_never_as_itself(store: Store) -> None:
    gate = AdultGate(store)
    assert not gate.is_set
    gate.set_pin("2468")

    record = store.gate()
    assert record is not None and record.algorithm.startswith("scrypt:")
    assert b"2468" not in record.digest and b"2468" not in record.salt
    assert len(record.salt) >= 16
    raw = store._connection.execute("SELECT * FROM adult_gate").fetchall()
    assert "2468" not in repr(raw)
    # The same PIN with another salt hashes differently: no lookup tables.
    assert hash_pin("2468")[2] != hash_pin("2468")[2]
    with pytest.raises(ValueError):
        gate.set_pin("12")


def test_the_right_pin_opens_and_a_wrong_one_does_not(store: Store) -> None:
    gate = AdultGate(store)
    assert gate.try_pin("2468").check is Check.NOT_SET
    gate.set_pin("2468")

    assert gate.try_pin("1357").check is Check.WRONG
    assert gate.try_pin("24680").check is Check.WRONG
    assert gate.try_pin("2468").check is Check.OPEN
    assert store.gate().failures == 0


def test_too_many_wrong_tries_pause_the_gate_even_for_the_right_pin(
    store: Store, clock: ManualClock
) -> None:
    gate = AdultGate(store)
    gate.set_pin("2468")
    outcomes = [gate.try_pin("0000").check for _ in range(FREE_TRIES)]

    assert outcomes == [Check.WRONG] * (FREE_TRIES - 1) + [Check.PAUSED]
    paused = gate.try_pin("2468")
    assert paused.check is Check.PAUSED and 25 <= paused.wait_seconds <= 30

    clock.advance(seconds=31)
    assert gate.try_pin("0000").check is Check.PAUSED, "each further wrong try pauses longer"
    assert gate.wait_seconds() > 50
    clock.advance(minutes=2)
    assert gate.try_pin("2468").check is Check.OPEN
    assert gate.try_pin("0000").check is Check.WRONG, "a right PIN clears the count"


def test_reset_forgets_the_pin(store: Store) -> None:
    gate = AdultGate(store)
    gate.set_pin("2468")
    gate.reset()

    assert not gate.is_set
    assert gate.try_pin("2468").check is Check.NOT_SET
