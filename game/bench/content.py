"""Content speed: loading every shipped level, and validating a big generated set of levels."""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from pathlib import Path

from game.bench.stats import Measurement

CONTENT_LOAD_TARGET_MS = 300.0
VALIDATE_TARGET_S = 5.0
GENERATED_LEVELS = 1000
_ID_LINE = re.compile(r"^id: *\S+ *$", re.MULTILINE)


def measure_content_load(runs: int) -> Measurement:
    """Milliseconds for `Catalogue.load()`: every shipped level, badge and helpline, checked."""
    from game.content.catalogue import Catalogue

    measurement = Measurement(
        "content_load_ms",
        "Load + validate all shipped content",
        "ms",
        target=CONTENT_LOAD_TARGET_MS,
    )
    levels = 0
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        catalogue = Catalogue.load()
        measurement.samples.append((time.perf_counter() - start) * 1000)
        measurement.cpu_samples.append((time.process_time() - start_cpu) * 1000)
        levels = len(catalogue.levels)
    measurement.note = f"Catalogue.load() of {levels} shipped levels, badges and helplines"
    return measurement


def generate_levels(count: int, content_dir: Path) -> int:
    """Write `count` valid level files under `content_dir/levels`, made from the shipped ones
    with new ids, beside a copy of the shipped badges. Returns how many templates were used."""
    from game import paths
    from game.content.catalogue import BADGES_FILE, HELPLINES_FILE, validate

    shipped = paths.content_dir()
    levels_dir = content_dir / "levels"
    levels_dir.mkdir(parents=True)
    for name in (BADGES_FILE, HELPLINES_FILE):
        shutil.copy(shipped / name, content_dir / name)
    templates: list[tuple[str, str]] = []
    for path in sorted((shipped / "levels").glob("*/*.yaml")):
        text = path.read_text(encoding="utf-8")
        if _ID_LINE.search(text):
            templates.append((path.parent.name, text))
    if not templates:
        raise RuntimeError("there are no shipped levels to copy")
    for number in range(count):
        band, text = templates[number % len(templates)]
        level_id = f"bench-level-{number:05d}"
        folder = levels_dir / band
        folder.mkdir(exist_ok=True)
        new_text = _ID_LINE.sub(f"id: {level_id}", text, count=1)
        (folder / f"{number:05d}-{level_id}.yaml").write_text(new_text, encoding="utf-8")
    report = validate([levels_dir])
    if report.errors:
        raise RuntimeError(f"a generated level is not valid: {report.errors[0]}")
    return len(templates)


def measure_validation(runs: int, count: int = GENERATED_LEVELS) -> Measurement:
    """Seconds to validate 1,000 levels with `game.content.catalogue.validate`.

    With a smaller `count` (the quick mode), the time is scaled up to 1,000 levels.
    """
    from game.content.catalogue import validate

    measurement = Measurement(
        "validate_1000_s",
        "Validate 1,000 generated levels",
        "s",
        target=VALIDATE_TARGET_S,
    )
    with tempfile.TemporaryDirectory(prefix="sango-bench-levels-") as folder:
        content_dir = Path(folder) / "content"
        templates = generate_levels(count, content_dir)
        for _ in range(runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            report = validate([content_dir / "levels"])
            elapsed, used = time.perf_counter() - start, time.process_time() - start_cpu
            if report.levels_checked != count:
                raise RuntimeError(f"{report.levels_checked} of {count} levels were checked")
            measurement.samples.append(elapsed * GENERATED_LEVELS / count)
            measurement.cpu_samples.append(used * GENERATED_LEVELS / count)
    scaled = "" if count == GENERATED_LEVELS else f", timed on {count} and scaled to 1,000"
    measurement.note = f"copies of the {templates} shipped levels with new ids{scaled}"
    return measurement
