"""`sango new-level`: write a commented starter level that validates and plays as it is."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "new-level"
HELP = "write a commented starter level (content/levels/<band>/<nn>-<id>.yaml) to change"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--band", required=True, help="under-9, 9-12 or 13-18")
    parser.add_argument(
        "--topic",
        required=True,
        action="append",
        help="a topic id, e.g. privacy; repeat it (or use commas) for more than one",
    )
    parser.add_argument("--id", required=True, dest="level_id", help="the new level's id")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="where to write it (default: the next free number in content/levels/<band>/)",
    )


def run(args: argparse.Namespace) -> int:
    from game.authoring.new_level import main_new_level

    topics = [part.strip() for value in args.topic for part in value.split(",") if part.strip()]
    return main_new_level(args.band, topics, args.level_id, args.out)
