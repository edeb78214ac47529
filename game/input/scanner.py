"""Switch access auto-scan: the highlight steps through the focus ring on its own."""

from __future__ import annotations

from dataclasses import dataclass

LOOPS_BEFORE_PAUSE = 3


@dataclass
class Scanner:
    """Times the automatic steps of one-switch scanning.

    The first item waits twice as long, so the player can get ready. After three full loops
    with no press the scan pauses until the next press, which resumes it without selecting.
    """

    interval: float = 1.5
    _deadline: float | None = None
    _steps: int = 0
    paused: bool = False

    def restart(self, now: float) -> None:
        """Start scanning from the first item (a new screen, or after a selection)."""
        self._steps = 0
        self.paused = False
        self._deadline = now + 2 * self.interval

    def stop(self) -> None:
        """Stop scanning until restarted."""
        self._deadline = None

    @property
    def deadline(self) -> float | None:
        """When the highlight moves next, or None when it does not."""
        return None if self.paused else self._deadline

    def due(self, now: float, ring_size: int) -> bool:
        """Whether the highlight should move now; advances the timer and loop count if so."""
        if self.deadline is None or now < self.deadline or ring_size == 0:
            return False
        self._steps += 1
        if self._steps >= LOOPS_BEFORE_PAUSE * ring_size:
            self.paused = True
            return True
        self._deadline = now + self.interval
        if self._steps % ring_size == 0:
            self._deadline = now + 2 * self.interval
        return True

    def resume(self, now: float) -> bool:
        """Resume a paused scan; True if it was paused, so the press only woke it up."""
        if not self.paused:
            return False
        self.restart(now)
        return True
