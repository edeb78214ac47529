"""`sango validate`: check level files and speak to writers in file:line:col plain words."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "validate"
HELP = "check level files and print file:line:col problems"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", type=Path, help="level files or folders (default: all shipped content)"
    )
    parser.add_argument("--strict", action="store_true", help="also report warnings")


def run(args: argparse.Namespace) -> int:
    from game.content.schema import main_validate

    return main_validate(args.paths, args.strict)
