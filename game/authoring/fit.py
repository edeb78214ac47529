"""Does a level's text fit the screen at the biggest text size? Measured, not guessed.

Each step is laid out by its real view with the real text service at 200% text, on a quiet
stage, and played through by the careful child (every page, every answer's feedback, the
mini-games part-way and at the end). A long text pages itself, so nothing is ever cut off; but
a line that needs many pages of the speech bubble is hard work for a young reader, and a button
or card taller than the step's area cannot be shown whole. Both are reported, located at the
words in the file. `sango validate --strict` calls this; it is the only check that needs pygame.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.content.models import Level
    from game.content.yaml_source import DataPath, YamlDocument

BIGGEST_TEXT = 200
MAX_BUBBLE_PAGES = 3
SOURCE_LANGUAGE = "en"
"""Levels are written in English; translations are measured by `sango audit`."""
"""A speech bubble that needs more pages than this at the biggest text asks too much reading."""


def fit_problems(level: Level, document: YamlDocument) -> Iterator[tuple[DataPath, str]]:
    """Where the level's text is too long for the screen at 200%, as (data path, message)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game import paths
    from game.authoring.autoplay import CHROME, moments
    from game.authoring.levels import catalogue_with
    from game.authoring.stage import quiet_context
    from game.content.catalogue import BADGES_FILE, Catalogue, load_badges
    from game.scenes.level import LevelScene
    from game.steps.view import Bubble

    badges, _ = load_badges(paths.content_dir() / BADGES_FILE)
    catalogue = catalogue_with(Catalogue(levels=(), badges=badges), level, document.path)
    ctx = quiet_context(catalogue, text_scale=BIGGEST_TEXT, locale=SOURCE_LANGUAGE)
    texts = _texts_by_path(document)
    reported: set[tuple[DataPath, str]] = set()
    spilling: set[int] = set()
    try:
        for index in range(len(level.steps)):

            def make_scene(start: int = index) -> LevelScene:
                scene = LevelScene(ctx, level, start=start)
                ctx.scenes.reset(scene)
                return scene

            step_path: DataPath = ("steps", index)
            for _moment, scene in moments(make_scene):
                area = scene.place(scene.step_area())
                spilt = [
                    widget
                    for widget in scene.widgets
                    if widget.id not in CHROME
                    and widget.enabled
                    and widget.rect.width
                    and not area.contains(widget.rect)
                    and not scene.in_bar_row(widget.rect)
                ]
                if spilt and index not in spilling:
                    spilling.add(index)
                    yield _spill_problem(level, index, spilt, area.height, texts)
                for bubble in _bubbles(scene.view, Bubble):
                    pages = len(bubble.pages)
                    if pages <= MAX_BUBBLE_PAGES:
                        continue
                    where = _find(texts, bubble.text, step_path)
                    found = (
                        where,
                        f"at the biggest text size ({BIGGEST_TEXT}%) this text needs {pages} "
                        f"pages of the speech bubble (more than {MAX_BUBBLE_PAGES} is a lot to "
                        "read): shorten it, or split it into two steps",
                    )
                    if found not in reported:
                        reported.add(found)
                        yield found
    finally:
        ctx.close()


def _spill_problem(
    level: Level, index: int, spilt: list[Any], room: int, texts: list[tuple[DataPath, str]]
) -> tuple[DataPath, str]:
    """One warning for a step whose buttons or cards spill out of its area, at its longest."""
    words = [str(getattr(widget, "text", "") or widget.label) for widget in spilt]
    longest = max(words, key=len)
    tallest = max(widget.rect.height for widget in spilt)
    kind = level.steps[index].type_key
    count = f"{len(spilt)} of its buttons spill" if len(spilt) > 1 else "a button spills"
    return _find(texts, longest, ("steps", index)), (
        f"at the biggest text size ({BIGGEST_TEXT}%) this {kind} step does not fit on the "
        f"screen: {count} out of its area, over the title or onto the bottom bar's buttons "
        f"(the tallest is {tallest} px, with {room} px of room for the whole step). Use fewer "
        f"or shorter answers and a shorter question; the "
        f"longest is {_shown(longest)}"
    )


def _bubbles(view: Any, kind: type) -> list[Any]:
    """The speech bubbles a step view holds (prompt, feedback...)."""
    return [value for value in vars(view).values() if isinstance(value, kind)]


def _texts_by_path(document: YamlDocument) -> list[tuple[DataPath, str]]:
    """Every text in the file with where it is written, in file order."""
    found: list[tuple[DataPath, str]] = []

    def walk(value: Any, path: DataPath) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                walk(child, (*path, key))
        elif isinstance(value, list):
            for number, child in enumerate(value):
                walk(child, (*path, number))
        elif isinstance(value, str):
            found.append((path, value))

    walk(document.data, ())
    return found


def _find(texts: list[tuple[DataPath, str]], shown: str, within: DataPath) -> DataPath:
    """Where the words on screen are written: the longest text of the step that they contain
    (a feedback shows the author's words after a heading of the game's); else the step."""
    inside = [(path, text) for path, text in texts if path[: len(within)] == within]
    matches = [(len(text), path) for path, text in inside if text.strip() and text in shown]
    return max(matches)[1] if matches else within


def _shown(words: str) -> str:
    words = " ".join(words.split())
    return f"'{words}'" if len(words) <= 40 else f"'{words[:37]}...'"
