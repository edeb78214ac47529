"""`sango schema`: write the JSON Schema of the level format."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "schema"
HELP = "write the level JSON Schema (content/level.schema.json)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out", type=Path, default=None, help="where to write (default: content/level.schema.json)"
    )


def run(args: argparse.Namespace) -> int:
    from game.content.schema import main_schema

    return main_schema(args.out)
