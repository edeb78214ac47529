"""`sango preview`: levels drawn headless to numbered PNGs and a contact sheet, as a child sees
them in any language and at any text size."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

NAME = "preview"
HELP = "render every step of a level (or --all levels) to numbered PNGs and a contact sheet"


def _list_of(kind: type) -> object:
    def parse(text: str) -> list:
        return [kind(part) for part in text.split(",") if part.strip()]

    return parse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("levels", nargs="*", help="level ids or level files")
    parser.add_argument("--all", action="store_true", help="every level of the game")
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNGs")
    parser.add_argument(
        "--locale",
        type=_list_of(str),
        default=["en"],
        metavar="LANG[,LANG...]",
        help="language(s) to render in, e.g. ar or en,ar,zh_Hans (default: en, as written)",
    )
    parser.add_argument(
        "--text-scale",
        type=_list_of(int),
        default=[100],
        metavar="PCT[,PCT...]",
        help="text size(s) in percent, 100-200, e.g. 200 or 100,200",
    )
    parser.add_argument("--contrast", choices=("normal", "high"), default="normal")
    parser.add_argument("--no-sheet", action="store_true", help="skip the contact sheets")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.preview import PreviewRequest, looks_for, run_preview

    if not args.levels and not args.all:
        print("sango preview: name a level id or file, or use --all")
        return 2
    request = PreviewRequest(
        references=tuple(args.levels),
        out_dir=args.out,
        looks=looks_for(args.locale, args.text_scale, args.contrast == "high"),
        every_level=args.all,
        sheets=not args.no_sheet,
    )
    return run_preview(request)
