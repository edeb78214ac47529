"""The whole suite: what runs, how often, and the table and JSON it prints."""

from __future__ import annotations

import math
import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.bench.process import load_average
from game.bench.stats import Measurement

REQUIRED_KEYS = (
    "startup_s",
    "frame_p99_ms_720p",
    "frame_p99_ms_1080p",
    "idle_cpu_percent",
    "input_latency_frames",
    "relayout_ms",
    "content_load_ms",
    "validate_1000_s",
    "peak_rss_mb",
    "wheel_mb",
    "baseline_ratio_idle_cpu",
    "baseline_ratio_frame",
)
"""The keys `sango bench --json` always prints, each a number (a median)."""


@dataclass(frozen=True)
class Plan:
    """How much to repeat each measure: the full suite, or a quick run that only checks it works."""

    startup_runs: int = 7
    frame_runs: int = 5
    frames: int = 300
    idle_runs: int = 3
    idle_seconds: float = 10.0
    presses: int = 30
    relayout_changes: int = 10
    content_runs: int = 10
    validate_runs: int = 3
    validate_levels: int = 1000
    memory_runs: int = 3
    memory_levels: int | None = None
    build_wheel: bool = True


FULL = Plan()
QUICK = Plan(
    startup_runs=1,
    frame_runs=1,
    frames=20,
    idle_runs=1,
    idle_seconds=1.0,
    presses=3,
    relayout_changes=1,
    content_runs=1,
    validate_runs=1,
    validate_levels=20,
    memory_runs=1,
    memory_levels=1,
    build_wheel=False,
)


@dataclass
class Report:
    """Every measurement, the ratios to the baseline, and the machine they were taken on."""

    measurements: list[Measurement] = field(default_factory=list)
    ratios: dict[str, float] = field(default_factory=dict)
    machine: dict[str, Any] = field(default_factory=dict)
    frame_step: str = ""
    quick: bool = False
    seconds: float = 0.0

    def get(self, key: str) -> Measurement:
        return next(m for m in self.measurements if m.key == key)

    def summary(self) -> dict[str, float]:
        """One number per key: the medians, then the ratios."""
        values = {m.key: m.median for m in self.measurements}
        values.update(self.ratios)
        return values

    def to_json(self) -> dict[str, Any]:
        """The JSON object `--json` prints: the summary keys at the top level, then details."""
        return {
            **self.summary(),
            "quick": self.quick,
            "frame_step": self.frame_step,
            "seconds": self.seconds,
            "machine": self.machine,
            "measurements": {m.key: m.to_dict() for m in self.measurements},
        }


def machine() -> dict[str, Any]:
    """What the numbers were measured on: cores, CPU, memory, load and versions."""
    import pygame

    cpu = platform.processor() or platform.machine()
    memory_mb: float | None = None
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(
                (line.split(":", 1)[1].strip() for line in info if line.startswith("model name")),
                cpu,
            )
        with open("/proc/meminfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("MemTotal:"):
                    memory_mb = int(line.split()[1]) / 1024
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "memory_mb": memory_mb,
        "load_average_1min": load_average(),
        "system": platform.platform(),
        "python": platform.python_version(),
        "pygame_ce": pygame.version.ver,
        "sdl": ".".join(str(part) for part in pygame.get_sdl_version()),
        "video": "SDL dummy driver (software, no window); frames drawn by the CPU",
    }


def ratio(ours: float, baseline: float) -> float:
    """ours / baseline (a baseline that measured nothing counts as a tiny number)."""
    return ours / max(baseline, 1e-9)


def run_suite(quick: bool = False, progress: Callable[[str], None] | None = None) -> Report:
    """Run every measure; `progress` hears the name of each as it starts."""
    from game.bench import content, frames, idle, latency, memory, relayout, startup
    from game.bench.session import frame_step, open_session

    plan = QUICK if quick else FULL
    say = progress or (lambda _: None)
    report = Report(quick=quick, machine=machine())
    started = time.perf_counter()
    found = report.measurements

    say("cold start")
    found.append(startup.measure_startup(plan.startup_runs))
    say("frames")
    frame_measures, report.frame_step = frames.measure_frames(plan.frame_runs, plan.frames)
    found.extend(frame_measures)
    with open_session() as session:
        level, _, _ = frame_step(session.ctx)
        level_id = level.id if session.ctx.catalogue.get(level.id) is level else None
    say("idle CPU (ours, then the baseline)")
    found.extend(idle.measure_idle(plan.idle_runs, plan.idle_seconds, level_id))
    say("input latency")
    found.extend(latency.measure_latency(plan.presses))
    say("relayout")
    found.extend(relayout.measure_relayout(plan.relayout_changes))
    say("content")
    found.append(content.measure_content_load(plan.content_runs))
    found.append(content.measure_validation(plan.validate_runs, plan.validate_levels))
    say("memory")
    found.append(memory.measure_peak_memory(plan.memory_runs, plan.memory_levels))
    say("wheel")
    found.extend(memory.measure_wheel(plan.build_wheel))

    report.ratios = {
        "baseline_ratio_idle_cpu": ratio(
            report.get("idle_cpu_percent").median, report.get("baseline_idle_cpu_percent").median
        ),
        "baseline_ratio_frame": ratio(
            report.get("frame_p99_ms_720p").median,
            report.get("baseline_frame_p99_ms_720p").median,
        ),
        "baseline_ratio_frame_cpu": ratio(
            report.get("frame_p99_ms_720p").cpu_median or 0.0,
            report.get("baseline_frame_p99_ms_720p").cpu_median or 0.0,
        ),
        "baseline_ratio_frame_full": ratio(
            report.get("frame_full_p99_ms_720p").median,
            report.get("baseline_frame_p99_ms_720p").median,
        ),
        "baseline_ratio_frame_full_cpu": ratio(
            report.get("frame_full_p99_ms_720p").cpu_median or 0.0,
            report.get("baseline_frame_p99_ms_720p").cpu_median or 0.0,
        ),
    }
    report.machine["load_average_after"] = load_average()
    report.seconds = time.perf_counter() - started
    return report


def _number(value: float, unit: str) -> str:
    if math.isnan(value):
        return "-"
    if unit in ("frames",) and value == int(value):
        return f"{value:.0f}"
    magnitude = abs(value)
    digits = 3 if magnitude < 1 else (2 if magnitude < 10 else (1 if magnitude < 100 else 0))
    return f"{value:.{digits}f}"


def format_table(report: Report) -> str:
    """The report as a plain-text table: median, spread (min-max), runs, target, verdict."""
    rows = [("Measure", "Median", "Spread (min-max)", "CPU median", "Runs", "Target", "")]
    for m in report.measurements:
        target = f"< {_number(m.target, m.unit)}" if m.target is not None else ""
        verdict = {True: "ok", False: "MISSED", None: ""}[m.passed]
        rows.append(
            (
                f"{m.label} ({m.unit})",
                _number(m.median, m.unit),
                f"{_number(m.low, m.unit)} - {_number(m.high, m.unit)}",
                _number(m.cpu_median, m.unit) if m.cpu_median is not None else "",
                str(len(m.samples)),
                target,
                verdict,
            )
        )
    for key, value in report.ratios.items():
        label = {
            "baseline_ratio_idle_cpu": "Idle CPU, ours / baseline",
            "baseline_ratio_frame": "Frame p99, ours / baseline",
            "baseline_ratio_frame_cpu": "Frame p99 CPU time, ours / baseline",
            "baseline_ratio_frame_full": "Full-redraw frame p99, ours / baseline",
            "baseline_ratio_frame_full_cpu": "Full-redraw frame p99 CPU time, ours / baseline",
        }.get(key, key)
        verdict = "ok" if value < 1 else "MISSED"
        rows.append((label, _number(value, ""), "", "", "", "< 1", verdict))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [
            cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    info = report.machine
    load = info.get("load_average_1min")
    lines += [
        "",
        f"Frames drawn on {report.frame_step}. CPU median: the same runs in CPU time; when other "
        "programs keep the machine busy, it is what the wall time would be on a quiet one.",
        f"Machine: {info.get('cores')} cores, {info.get('cpu')}, "
        f"{(info.get('memory_mb') or 0) / 1024:.1f} GB RAM; load average {load} at the start; "
        f"Python {info.get('python')}, pygame-ce {info.get('pygame_ce')}, SDL {info.get('sdl')}.",
        f"{'Quick run: too few repeats to trust the numbers. ' if report.quick else ''}"
        f"Took {report.seconds:.0f} s.",
    ]
    return "\n".join(lines)


def print_progress(name: str) -> None:
    """Tell the person waiting what is being measured (on stderr, so JSON stays clean)."""
    print(f"sango bench: measuring {name}...", file=sys.stderr, flush=True)
