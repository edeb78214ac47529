"""Frame time in the level player: a chat (or question) on screen at 200% text.

A frame is one turn of the game loop after a key press: the Tab key moves the focus, the loop
routes it and redraws what changed, and the frame is shown. A full frame redraws everything
(what a new step or message costs).
"""

from __future__ import annotations

import time

from game.bench.session import Session, frame_step, open_session, show_step
from game.bench.stats import Measurement, percentile

FRAME_TEXT_SCALE = 200
FULL_HD = (1920, 1080)
FRAME_TARGET_MS = 8.0
WARM_UP_FRAMES = 20


def press_tab() -> None:
    """Queue a Tab key press and release, as the keyboard would."""
    import pygame

    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(pygame.event.Event(kind, key=pygame.K_TAB, mod=0, unicode="", scancode=0))


def time_frames(
    session: Session, frames: int, scaled_to: tuple[int, int] | None = None, full: bool = False
) -> list[float]:
    """Milliseconds per frame: a Tab press handled by the loop, redrawn and shown.

    With `full`, everything visible is redrawn each frame. With `scaled_to`, each frame is also
    smooth-scaled to that window size, the work SDL's SCALED mode does for a bigger window.
    """
    import pygame

    window = pygame.Surface(scaled_to) if scaled_to else None
    times: list[float] = []
    for _ in range(frames):
        press_tab()
        if full:
            for scene in session.ctx.scenes.visible():
                scene.dirty = True
        start = time.perf_counter()
        session.app.step(wait=False)
        if window is not None:
            pygame.transform.smoothscale(session.surface, scaled_to, window)
        times.append((time.perf_counter() - start) * 1000)
    return times


def measure_frames(runs: int, frames: int) -> tuple[list[Measurement], str]:
    """p99 frame times at 1280x720 and scaled to 1920x1080; also says which step was drawn."""
    at_720 = Measurement(
        "frame_p99_ms_720p", "Frame p99, 1280x720, 200% text", "ms", target=FRAME_TARGET_MS
    )
    at_1080 = Measurement(
        "frame_p99_ms_1080p",
        "Frame p99, 1920x1080 window, 200% text",
        "ms",
        note="the 720p frame plus smoothscale to 1920x1080, the scaling SDL's SCALED mode pays",
    )
    full_720 = Measurement(
        "frame_full_p99_ms_720p",
        "Full-redraw frame p99, 1280x720",
        "ms",
        target=FRAME_TARGET_MS,
        note="everything redrawn each frame, as for a new step or message",
    )
    full_1080 = Measurement("frame_full_p99_ms_1080p", "Full-redraw frame p99, 1920x1080", "ms")
    with open_session(text_scale=FRAME_TEXT_SCALE) as session:
        level, index, kind = frame_step(session.ctx)
        show_step(session, level, index)
        time_frames(session, WARM_UP_FRAMES, FULL_HD, full=True)
        for _ in range(runs):
            for measurement, size, full in (
                (at_720, None, False),
                (at_1080, FULL_HD, False),
                (full_720, None, True),
                (full_1080, FULL_HD, True),
            ):
                times = time_frames(session, frames, size, full)
                measurement.samples.append(percentile(times, 0.99))
    step = f"a {kind} step of '{level.id}'"
    at_720.note = f"{frames} frames per run on {step}; each frame a Tab press, handled and shown"
    return [at_720, at_1080, full_720, full_1080], step
