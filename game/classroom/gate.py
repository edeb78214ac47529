"""The adult gate: a 4-6 digit PIN, kept only as a salted scrypt hash, with a pause after
too many wrong tries so a child cannot simply try every number."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.store.database import Store

PIN_LENGTHS = range(4, 7)
"""A PIN has 4, 5 or 6 digits."""

FREE_TRIES = 5
"""Wrong tries in a row before the gate pauses."""

PAUSE = timedelta(seconds=30)
"""The first pause; it doubles with each further wrong try, up to MAX_PAUSE."""

MAX_PAUSE = timedelta(minutes=15)

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_PBKDF2_ROUNDS = 600_000
_SALT_BYTES = 16


def is_valid_pin(pin: str) -> bool:
    """Whether the text is a PIN: 4 to 6 ASCII digits."""
    return len(pin) in PIN_LENGTHS and pin.isascii() and pin.isdigit()


def hash_pin(pin: str, salt: bytes | None = None) -> tuple[str, bytes, bytes]:
    """Hash a PIN with scrypt (or PBKDF2-SHA256 where OpenSSL has no scrypt).

    Returns:
        (algorithm with its parameters, salt, digest), as the store keeps them.
    """
    salt = salt if salt is not None else secrets.token_bytes(_SALT_BYTES)
    if hasattr(hashlib, "scrypt"):
        algorithm = "scrypt:{n}:{r}:{p}".format(**_SCRYPT)
    else:  # pragma: no cover - only on Pythons built without OpenSSL scrypt
        algorithm = f"pbkdf2-sha256:{_PBKDF2_ROUNDS}"
    return algorithm, salt, _digest(algorithm, pin, salt)


def pin_matches(pin: str, algorithm: str, salt: bytes, digest: bytes) -> bool:
    """Whether the PIN hashes to the stored digest (compared in constant time)."""
    try:
        candidate = _digest(algorithm, pin, salt)
    except ValueError:
        return False
    return hmac.compare_digest(candidate, digest)


def _digest(algorithm: str, pin: str, salt: bytes) -> bytes:
    name, *parameters = algorithm.split(":")
    secret = pin.encode("utf-8")
    if name == "scrypt" and len(parameters) == 3:
        n, r, p = (int(value) for value in parameters)
        return hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32)
    if name == "pbkdf2-sha256" and len(parameters) == 1:
        return hashlib.pbkdf2_hmac("sha256", secret, salt, int(parameters[0]), dklen=32)
    raise ValueError(f"unknown PIN hash {algorithm!r}")


class Check(StrEnum):
    """What happened when a PIN was tried."""

    OPEN = "open"
    WRONG = "wrong"
    PAUSED = "paused"
    NOT_SET = "not-set"


@dataclass(frozen=True)
class Outcome:
    """The result of trying a PIN, and how long to wait when the gate is paused."""

    check: Check
    wait_seconds: int = 0


class AdultGate:
    """The PIN that keeps children out of the adult area. It lives in the store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def is_set(self) -> bool:
        """Whether an adult has chosen a PIN yet."""
        return self.store.gate() is not None

    def set_pin(self, pin: str) -> None:
        """Choose (or change) the PIN.

        Raises:
            ValueError: The PIN is not 4 to 6 digits.
        """
        if not is_valid_pin(pin):
            raise ValueError("a PIN has 4 to 6 digits")
        self.store.set_gate(*hash_pin(pin))

    def wait_seconds(self) -> int:
        """How long until the next try is allowed (0 when it is allowed now)."""
        record = self.store.gate()
        if record is None or record.locked_until is None:
            return 0
        left = (record.locked_until - self.store.now()).total_seconds()
        return max(0, int(left + 0.999))

    def try_pin(self, pin: str) -> Outcome:
        """Try a PIN: the gate opens, says wrong, or asks to wait after too many tries."""
        record = self.store.gate()
        if record is None:
            return Outcome(Check.NOT_SET)
        wait = self.wait_seconds()
        if wait:
            return Outcome(Check.PAUSED, wait)
        if pin_matches(pin, record.algorithm, record.salt, record.digest):
            self.store.record_gate_attempt(True)
            return Outcome(Check.OPEN)
        failures = record.failures + 1
        locked_until: datetime | None = None
        if failures >= FREE_TRIES:
            pause = min(MAX_PAUSE, PAUSE * 2 ** (failures - FREE_TRIES))
            locked_until = self.store.now() + pause
        self.store.record_gate_attempt(False, locked_until)
        if locked_until is not None:
            return Outcome(Check.PAUSED, self.wait_seconds())
        return Outcome(Check.WRONG)

    def reset(self) -> None:
        """Forget the PIN (from `sango teacher --reset-pin`); the next adult sets a new one."""
        self.store.clear_gate()
