"""`sango report`: progress for teachers and parents, as CSV, PDF or a web page (HTML)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

NAME = "report"
HELP = "write a progress report (CSV, PDF or HTML), for every player or one class"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("csv", "pdf", "html"), default="csv")
    parser.add_argument(
        "--class",
        dest="class_name",
        metavar="NAME",
        help="only this class (its levels as its controls allow); default: every player",
    )
    parser.add_argument(
        "--out", type=Path, help="file to write (default: standard output; required for pdf)"
    )
    parser.add_argument("--data-dir", help="folder of the saved progress")
    parser.add_argument("--locale", help="language of the report, e.g. fr")


def run(args: argparse.Namespace) -> int:
    from game.content.catalogue import Catalogue
    from game.context import data_dir_for
    from game.i18n.catalog import I18n
    from game.paths import levels_dir, locales_dir
    from game.reports.files import write_report
    from game.reports.model import class_report
    from game.store.database import Store
    from game.store.report import report_rows, write_csv

    if args.format == "pdf" and args.out is None:
        print("sango report: a PDF needs a file: add --out FILE.pdf", file=sys.stderr)
        return 2
    store = Store.open(data_dir_for(args.data_dir, dict(os.environ)))
    try:
        catalogue = Catalogue.load(levels_dir())
        locale = args.locale or store.load_settings(None).get("locale")
        i18n = I18n(locales_dir(), locale if isinstance(locale, str) else None)
        class_id: int | None = None
        if args.class_name is not None:
            school_class = store.class_by_name(args.class_name)
            if school_class is None:
                names = ", ".join(c.name for c in store.classes()) or "none yet"
                print(
                    f"sango report: there is no class called {args.class_name!r}. "
                    f"Classes: {names}.",
                    file=sys.stderr,
                )
                return 1
            class_id = school_class.id
            players = store.class_members(class_id)
        else:
            players = store.players()
        everyone = args.class_name is None
        report = class_report(store, catalogue, i18n, class_id, everyone=everyone)
        if args.out is None:
            if args.format == "csv":
                levels = [(level.id, str(level.band)) for level in catalogue.levels]
                if not everyone:
                    shown = {column.id for column in report.levels}
                    levels = [entry for entry in levels if entry[0] in shown]
                write_csv(report_rows(store, levels, players=players), sys.stdout)
            else:
                from game.reports.html import render_html

                sys.stdout.write(render_html(report, i18n.language, i18n.rtl))
            return 0
        try:
            write_report(
                report,
                args.format,
                args.out,
                store=store,
                catalogue=catalogue,
                players=players,
                language=i18n.language,
                rtl=i18n.rtl,
            )
        except OSError as error:
            print(f"sango report: could not write {args.out}: {error}", file=sys.stderr)
            return 1
        print(args.out)
    finally:
        store.close()
    return 0
