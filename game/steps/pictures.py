"""Pictures a step can show: the game's own art (`art:avatars/fox`) or a file beside the level.

Model side only, so the content pipeline stays free of pygame; views load the pictures.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from game import paths
from game.content.problems import closest_match

ART_PREFIX = "art:"
ART_KINDS = ("avatars", "icons", "badges", "sango")
"""The folders of game/assets/art a level may use by name."""


def art_names(kind: str) -> list[str]:
    """The built-in picture names of one kind, e.g. every avatar."""
    return list(_svg_names(paths.assets_dir() / "art" / kind))


@cache
def _svg_names(folder: Path) -> tuple[str, ...]:
    """The pictures in one art folder, listed once: validating many levels asked every time."""
    return tuple(sorted(path.stem for path in folder.glob("*.svg"))) if folder.is_dir() else ()


def split_art(value: str) -> tuple[str, str] | None:
    """("avatars", "fox") for "art:avatars/fox"; None for a file path."""
    if not value.startswith(ART_PREFIX):
        return None
    kind, _, name = value[len(ART_PREFIX) :].partition("/")
    return kind, name


def _named(kind: str, name: str, written: str) -> None:
    names = art_names(kind)
    if name in names:
        return
    guess = closest_match(name, names)
    prefix = written[: len(written) - len(name)]
    hint = f" - did you mean '{prefix}{guess}'?" if guess else f": use one of {', '.join(names)}"
    raise PydanticCustomError(
        "art_name",
        "there is no built-in {kind} picture '{written}'{hint}",
        {"kind": kind.removesuffix("s"), "written": written, "hint": hint},
    )


def _check_picture(value: str) -> str:
    art = split_art(value)
    if art is None:
        return value
    kind, name = art
    if kind not in ART_KINDS:
        raise PydanticCustomError(
            "art_name",
            "'{value}' names no kind of built-in art: write art:<kind>/<name> with kind one of "
            "{kinds}, e.g. art:avatars/fox",
            {"value": value, "kinds": ", ".join(ART_KINDS)},
        )
    _named(kind, name, value)
    return value


def _checker(kind: str):  # noqa: ANN202
    def check(value: str) -> str:
        _named(kind, value, value)
        return value

    return check


Picture = Annotated[
    str,
    StringConstraints(strict=True, min_length=1),
    AfterValidator(_check_picture),
    Field(
        description="A picture: a PNG or SVG file relative to the level file's folder (e.g. "
        "pictures/cake.png), or built-in art written art:<kind>/<name>, e.g. art:avatars/fox "
        "or art:icons/lock."
    ),
]
"""A picture reference as written in a level file."""

IconName = Annotated[
    str,
    StringConstraints(strict=True, min_length=1),
    AfterValidator(_checker("icons")),
    Field(description="A built-in icon name from game/assets/art/icons, e.g. lock or check."),
]

AvatarName = Annotated[
    str,
    StringConstraints(strict=True, min_length=1),
    AfterValidator(_checker("avatars")),
    Field(description="A built-in avatar name from game/assets/art/avatars, e.g. fox."),
]
