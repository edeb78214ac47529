"""Reads the shipped content files the way an author wrote them.

The content-quality checks use plain `yaml.safe_load`, independent of the game's own loader, so
they judge the words in the files, not what the engine makes of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
LEVELS_DIR = CONTENT_DIR / "levels"
BADGES_FILE = CONTENT_DIR / "badges.yaml"
HELPLINES_FILE = CONTENT_DIR / "helplines.yaml"
LEVEL_FILES = sorted(LEVELS_DIR.glob("*/*.yaml"))

BANDS = ("under-9", "9-12", "13-18")


def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def all_levels() -> list[dict[str, Any]]:
    """Every shipped level, in file order."""
    return [load_yaml(path) for path in LEVEL_FILES]


def _say(step: dict[str, Any]) -> Iterator[str]:
    yield step["say"]


def _choice(step: dict[str, Any]) -> Iterator[str]:
    choice = step["choice"]
    yield choice["prompt"]
    for option in choice["options"]:
        yield option["text"]
        yield option["feedback"]


def _sort(step: dict[str, Any]) -> Iterator[str]:
    sort = step["sort"]
    yield sort["prompt"]
    for bin_ in sort["bins"]:
        yield bin_["label"]
    for item in sort["items"]:
        yield item["text"]
        yield item["feedback"]


def chat_script_texts(script: list[dict[str, Any]]) -> Iterator[str]:
    """The messages, replies and feedback of a chat script, following every branch."""
    for entry in script:
        if "replies" not in entry:
            yield entry["text"]
            continue
        for reply in entry["replies"]:
            if reply.get("text"):
                yield reply["text"]
            if reply.get("feedback"):
                yield reply["feedback"]
            yield from chat_script_texts(reply.get("then") or [])


def _chat(step: dict[str, Any]) -> Iterator[str]:
    # Contact names, like a `say` speaker, are names: they are left out of the reading grade.
    chat = step["chat"]
    if chat.get("app"):
        yield chat["app"]
    yield from chat_script_texts(chat["script"])


def _spot(step: dict[str, Any]) -> Iterator[str]:
    spot = step["spot"]
    yield spot["prompt"]
    if spot.get("title"):
        yield spot["title"]
    for line in spot["lines"]:
        yield line["text"]
        if line.get("sign"):
            yield line["sign"]


def _pick_all(step: dict[str, Any]) -> Iterator[str]:
    pick_all = step["pick-all"]
    yield pick_all["prompt"]
    for option in pick_all["options"]:
        yield option["text"]
    yield pick_all["feedback"]["right"]
    yield pick_all["feedback"]["wrong"]


def _badge(step: dict[str, Any]) -> Iterator[str]:
    yield from ()


STEP_TEXTS: dict[str, Callable[[dict[str, Any]], Iterator[str]]] = {
    "say": _say,
    "choice": _choice,
    "sort": _sort,
    "chat": _chat,
    "spot": _spot,
    "pick-all": _pick_all,
    "badge": _badge,
}
"""For each step type, the words of a step that a learner reads or hears, in order."""

STEP_TYPES = tuple(STEP_TEXTS)
INTERACTIVE_STEP_TYPES = ("choice", "sort", "chat", "spot", "pick-all")


def step_type(step: dict[str, Any]) -> str:
    """The type key of a step, e.g. "say"; fails on a step these checks do not know."""
    keys = [key for key in STEP_TYPES if key in step]
    assert len(keys) == 1, (
        f"a step needs exactly one type key of {', '.join(STEP_TYPES)}; found {sorted(step)}. "
        "A new step type needs its words listed in tests/content_quality/content_files.py"
    )
    return keys[0]


def step_texts(step: dict[str, Any]) -> Iterator[str]:
    """The words of one step that a learner reads or hears, in order."""
    yield from STEP_TEXTS[step_type(step)](step)


def learner_texts(level: dict[str, Any]) -> list[str]:
    """Every learner-facing string of a level: title, summary and the words of each step.

    Teacher notes are left out: adults read those.
    """
    texts = [level.get("title") or "", level.get("summary") or ""]
    for step in level.get("steps") or []:
        texts.extend(step_texts(step))
    return [text.strip() for text in texts if text and text.strip()]
