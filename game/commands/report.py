"""`sango report`: progress for every player and level, for teachers and parents."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

NAME = "report"
HELP = "print progress for every player and level (CSV)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("csv",), default="csv")
    parser.add_argument("--out", type=Path, help="file to write (default: standard output)")
    parser.add_argument("--data-dir", help="folder of the saved progress")


def run(args: argparse.Namespace) -> int:
    from game.content.catalogue import Catalogue
    from game.context import data_dir_for
    from game.paths import levels_dir
    from game.store.database import Store
    from game.store.report import report_rows, write_csv

    store = Store.open(data_dir_for(args.data_dir, dict(os.environ)))
    try:
        catalogue = Catalogue.load(levels_dir())
        rows = report_rows(store, [(level.id, str(level.band)) for level in catalogue.levels])
        if args.out:
            # utf-8-sig so spreadsheet programs show accented nicknames correctly.
            with open(args.out, "w", newline="", encoding="utf-8-sig") as stream:
                write_csv(rows, stream)
        else:
            write_csv(rows, sys.stdout)
    finally:
        store.close()
    return 0
