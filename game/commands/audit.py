"""`sango audit`: render every screen and every level step headless and check accessibility."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from game.i18n.catalog import SOURCE_LOCALE
from game.settings import TEXT_SCALES

NAME = "audit"
HELP = "check every screen and level step for accessibility problems (exit 1 if any)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--locale",
        default=SOURCE_LOCALE,
        help=f"a language such as fr, several (ar,zh_Hans), or 'all' (default: {SOURCE_LOCALE}, "
        "the game's own)",
    )
    parser.add_argument(
        "--text-scale",
        default="all",
        metavar="PCT|all",
        help=f"a text size in percent ({', '.join(map(str, TEXT_SCALES))}), several (175,200), "
        "or 'all' (the default)",
    )
    parser.add_argument(
        "--contrast",
        choices=("normal", "high", "all"),
        default="all",
        help="the normal or the high-contrast theme, or both (the default)",
    )
    parser.add_argument(
        "--levels", type=Path, help="a folder of level files to audit instead of the shipped ones"
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="worker processes (default: one per processor)",
    )
    parser.add_argument(
        "--only",
        metavar="WORDS",
        default="",
        help="audit only the screens whose names contain one of these comma-separated words, "
        "such as 'chat,MapScene' or a level id",
    )
    parser.add_argument(
        "--shots",
        type=Path,
        metavar="DIR",
        help="save a PNG of each screen with a problem, the problem outlined in red",
    )


def _scales(value: str) -> list[int] | None:
    if value == "all":
        return list(TEXT_SCALES)
    scales = []
    for part in value.split(","):
        try:
            scale = int(part.strip().rstrip("%"))
        except ValueError:
            return None
        if scale not in TEXT_SCALES:
            return None
        scales.append(scale)
    return scales or None


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from game.audit.runner import audit
    from game.i18n.catalog import available_locales
    from game.paths import locales_dir

    scales = _scales(args.text_scale)
    if scales is None:
        print(
            f"sango audit: --text-scale must be one of {', '.join(map(str, TEXT_SCALES))} or all.",
            file=sys.stderr,
        )
        return 2
    known = available_locales(locales_dir())
    locales = (
        known
        if args.locale == "all"
        else [part.strip() for part in args.locale.split(",") if part.strip()]
    )
    unknown = [locale for locale in locales if locale not in known]
    if unknown:
        print(
            f"sango audit: no catalog for {', '.join(unknown)}; available: {', '.join(known)}.",
            file=sys.stderr,
        )
        return 2
    contrasts = {"normal": [False], "high": [True], "all": [False, True]}[args.contrast]
    try:
        report = audit(
            locales,
            scales,
            contrasts,
            args.levels,
            args.shots,
            jobs=args.jobs,
            only=[word for word in args.only.split(",") if word.strip()],
        )
    finally:
        pygame.quit()
    for line in report.lines():
        print(line)
    print(report.summary())
    return 1 if report.failed else 0
