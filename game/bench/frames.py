"""Frame time in the level player, a chat (or question) on screen at 200% text, against the
pygame_gui baseline drawing the same step.

A frame is one turn of the game loop after a key press: Tab moves the focus, the loop routes
it, redraws what changed and shows the frame. A full frame redraws everything, as a new step
or message does. Ours and the baseline's runs alternate, so both meet the same machine load.
Wall time is what a child sees; CPU time (this thread's) is kept too, as it barely moves when
other programs share the machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable

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
    make_frame: Callable[[], None], frames: int, scale: Callable[[], None] | None = None
) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of `frames` calls of `make_frame` (and `scale` after each)."""
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(frames):
        start, start_cpu = time.perf_counter(), time.thread_time()
        make_frame()
        if scale is not None:
            scale()
        cpu.append((time.thread_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    return wall, cpu


def our_frame(session: Session, full: bool) -> Callable[[], None]:
    """One loop turn after a Tab press; with `full`, everything visible is redrawn."""

    def frame() -> None:
        press_tab()
        if full:
            for scene in session.ctx.scenes.visible():
                scene.dirty = True
        session.app.step(wait=False)

    return frame


def scaler(session: Session) -> Callable[[], None]:
    """Smooth-scale the canvas to a 1920x1080 window, as SDL's SCALED mode would."""
    import pygame

    window = pygame.Surface(FULL_HD)
    return lambda: pygame.transform.smoothscale(session.surface, FULL_HD, window)


def measure_frames(runs: int, frames: int) -> tuple[list[Measurement], str]:
    """p99 frame times per run, ours (focus move and full redraw) and the baseline's."""
    from game.bench.baseline import BASELINE_FPS, build_baseline

    ours = Measurement(
        "frame_p99_ms_720p", "Frame p99, 1280x720, 200% text", "ms", target=FRAME_TARGET_MS
    )
    ours_1080 = Measurement(
        "frame_p99_ms_1080p",
        "Frame p99, 1920x1080 window",
        "ms",
        note="the 720p frame plus smoothscale to 1920x1080, the scaling SDL's SCALED mode pays",
    )
    full = Measurement(
        "frame_full_p99_ms_720p",
        "Full-redraw frame p99, 1280x720",
        "ms",
        target=FRAME_TARGET_MS,
        note="everything redrawn each frame, as for a new step or message",
    )
    full_1080 = Measurement("frame_full_p99_ms_1080p", "Full-redraw frame p99, 1920x1080", "ms")
    baseline = Measurement(
        "baseline_frame_p99_ms_720p",
        "Baseline frame p99, 1280x720 (pygame_gui)",
        "ms",
        note="events, UIManager.update, background, draw_ui and flip; not the 60 fps tick's wait",
    )
    with open_session(text_scale=FRAME_TEXT_SCALE) as session:
        level, index, kind = frame_step(session.ctx)
        scene = show_step(session, level, index)
        twin = build_baseline(session.ctx, scene)

        def baseline_frame() -> None:
            press_tab()
            twin.frame(session.surface, 1 / BASELINE_FPS)

        kinds = (
            (ours, our_frame(session, False), None),
            (ours_1080, our_frame(session, False), scaler(session)),
            (full, our_frame(session, True), None),
            (full_1080, our_frame(session, True), scaler(session)),
            (baseline, baseline_frame, None),
        )
        for _, make_frame, scale in kinds:
            time_frames(make_frame, WARM_UP_FRAMES, scale)
        for _ in range(runs):
            for measurement, make_frame, scale in kinds:
                wall_times, cpu_times = time_frames(make_frame, frames, scale)
                measurement.samples.append(percentile(wall_times, 0.99))
                measurement.cpu_samples.append(percentile(cpu_times, 0.99))
    step = f"a {kind} step of '{level.id}'"
    ours.note = f"{frames} frames per run on {step}; each a Tab press, handled and shown"
    return [ours, ours_1080, full, full_1080, baseline], step
