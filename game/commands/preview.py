"""`sango preview`: render every step of a level to numbered PNGs, headless."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

NAME = "preview"
HELP = "render every step of a level to numbered PNGs"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("level", help="a level id or a level file")
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNGs")
    parser.add_argument("--locale", help="language to render in")
    parser.add_argument(
        "--text-scale", type=int, default=100, metavar="PCT", help="text size, 100-200"
    )
    parser.add_argument("--contrast", choices=("normal", "high"), default="normal")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.preview import run_preview

    return run_preview(args.level, args.out, args.locale, args.text_scale, args.contrast == "high")
