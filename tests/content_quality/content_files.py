"""Reads the shipped content files the way an author wrote them.

The content-quality checks use plain `yaml.safe_load`, independent of the game's own loader, so
they judge the words in the files, not what the engine makes of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
LEVELS_DIR = CONTENT_DIR / "levels"
BADGES_FILE = CONTENT_DIR / "badges.yaml"
HELPLINES_FILE = CONTENT_DIR / "helplines.yaml"
LEVEL_FILES = sorted(LEVELS_DIR.glob("*/*.yaml"))

# Keys of a step that never hold words a learner reads or hears.
NON_TEXT_KEYS = frozenset(
    {"label", "mood", "speaker", "voice", "goto", "result", "badge", "icon", "image", "sound"}
)


def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def step_texts(step: dict[str, Any]) -> Iterator[str]:
    """The words of one step that a learner reads or hears, in order.

    For `say` and `choice`: the line, the prompt, each option's text and feedback. For step types
    added later: every string under a key that is not plainly structural.
    """

    def walk(value: Any, key: str | None) -> Iterator[str]:
        if key in NON_TEXT_KEYS:
            return
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for child_key, child in value.items():
                yield from walk(child, child_key)
        elif isinstance(value, list):
            for child in value:
                yield from walk(child, key)

    yield from walk(step, None)


def learner_texts(level: dict[str, Any]) -> list[str]:
    """Every learner-facing string of a level: title, summary and the words of each step.

    Teacher notes are left out: adults read those.
    """
    texts = [level.get("title") or "", level.get("summary") or ""]
    for step in level.get("steps") or []:
        texts.extend(step_texts(step))
    return [text.strip() for text in texts if text and text.strip()]
