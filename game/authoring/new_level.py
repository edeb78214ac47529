"""What `sango new-level` does: check the request, write the starter level, say what is next."""

from __future__ import annotations

from pathlib import Path

from game import paths
from game.authoring.starter import (
    Starter,
    StarterError,
    new_level_id_problem,
    next_file,
    write_starter,
)
from game.content.catalogue import BADGES_FILE, Catalogue, load_badges
from game.content.models import Band, Topic
from game.content.problems import did_you_mean
from game.content.schema import SCHEMA_FILE

FIRST_BADGE = "treasure-keeper"
"""The badge a starter ends with when badges.yaml has it (any badge otherwise)."""


def main_new_level(
    band: str,
    topics: list[str],
    level_id: str,
    out: Path | None,
    levels_dir: Path | None = None,
) -> int:
    """Write a starter level and print its path and the next steps; 0 on success, 1 if not.

    Args:
        band: The age band.
        topics: One or more topic ids.
        level_id: The new level's id (must be new).
        out: The file to write; by default the next free number in the band's folder.
        levels_dir: The folder of band folders (the shipped levels by default).
    """
    levels_dir = levels_dir or paths.levels_dir()
    problems = _request_problems(band, topics, level_id)
    if problems:
        for problem in problems:
            print(f"sango new-level: {problem}")
        return 1
    catalogue = Catalogue.load(levels_dir)
    if catalogue.get(level_id) is not None:
        where = catalogue.files.get(level_id)
        print(f"sango new-level: id '{level_id}' is already used by {where}: choose another id")
        return 1
    chosen = Band(band)
    target = out if out is not None else next_file(levels_dir / chosen.value, level_id)
    starter = Starter(level_id, chosen, tuple(Topic(topic) for topic in topics), _badge(levels_dir))
    try:
        write_starter(starter, target, levels_dir.parent / SCHEMA_FILE)
    except StarterError as error:
        print(f"sango new-level: {error}")
        return 1
    print(f"wrote {target}")
    print("Next:")
    print(f"  change it:  open {target} in your editor (each line has a comment)")
    print(f"  check it:   uv run sango validate {target} --strict")
    print(f"  see it:     uv run sango preview {target} --out /tmp/{level_id}")
    print(f"  play it:    uv run sango play --level {target} --watch")
    return 0


def _request_problems(band: str, topics: list[str], level_id: str) -> list[str]:
    problems: list[str] = []
    bands = [member.value for member in Band]
    if band not in bands:
        problems.append(
            f"band '{band}' is not a band: use one of {', '.join(bands)}{did_you_mean(band, bands)}"
        )
    known = [member.value for member in Topic]
    for topic in topics:
        if topic not in known:
            problems.append(
                f"topic '{topic}' is not a topic{did_you_mean(topic, known)} "
                f"(topics: {', '.join(known)})"
            )
    if len(set(topics)) != len(topics):
        problems.append("a topic is given twice: give each topic once")
    id_problem = new_level_id_problem(level_id)
    if id_problem:
        problems.append(id_problem)
    return problems


def _badge(levels_dir: Path) -> str:
    badges, _ = load_badges(levels_dir.parent / BADGES_FILE)
    if badges is None or not badges.ids():
        return FIRST_BADGE
    ids = list(badges.ids())
    return FIRST_BADGE if FIRST_BADGE in ids else ids[0]
