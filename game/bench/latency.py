"""Input latency: from a key press to the frame that shows it, through the real waiting loop."""

from __future__ import annotations

import random
import threading
import time

from game.bench.session import frame_step, open_session, show_step
from game.bench.stats import Measurement

LATENCY_TARGET_FRAMES = 1.5
"""The press must show in the first frame drawn after it (1); 2 would be a frame late."""
FRAME_MS = 1000 / 60


def measure_latency(presses: int) -> list[Measurement]:
    """Press Tab at a random moment while the loop waits; count frames until the focus shows it.

    The press comes from another thread, as the operating system's would, so the time the loop
    takes to notice it (its polling) is part of the measure.
    """
    import pygame

    from game.bench.frames import press_tab

    frames = Measurement(
        "input_latency_frames",
        "Input latency, key press to changed frame",
        "frames",
        target=LATENCY_TARGET_FRAMES,
        note="frames drawn from the press to the first one showing it (1 = the very next frame)",
    )
    milliseconds = Measurement(
        "input_latency_ms",
        "Input latency, key press to frame shown",
        "ms",
        target=FRAME_MS,
        note="wall time from posting the key event to the flip of the frame showing it",
    )
    with open_session(text_scale=200) as session:
        level, index, _ = frame_step(session.ctx)
        show_step(session, level, index)
        app = session.app
        for _ in range(presses):
            pygame.event.clear()
            before = app.top.focus.focused
            posted: list[float] = []

            def press(stamp: list[float] = posted) -> None:
                stamp.append(time.perf_counter())
                press_tab()

            timer = threading.Timer(random.uniform(0.02, 0.06), press)
            timer.start()
            drawn = 0
            shown = None
            deadline = time.monotonic() + 5
            while shown is None and time.monotonic() < deadline:
                count = app.frames
                app.step(wait=True)
                if posted and app.frames > count:
                    drawn += 1
                    if app.top.focus.focused is not before:
                        shown = time.perf_counter()
            timer.join()
            if shown is None:
                raise RuntimeError("a key press never showed on screen")
            frames.samples.append(drawn)
            milliseconds.samples.append((shown - posted[0]) * 1000)
    return [frames, milliseconds]
