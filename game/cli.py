"""The `sango` command: play (the default), validate, schema, preview and report."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from game import __version__

INPUT_MODES = ("mouse", "keyboard", "one-switch", "two-switch", "gamepad")


def _add_session_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        help="folder for saved progress (default: the platform's "
        "user data folder, or SANGO_DATA_DIR)",
    )
    parser.add_argument("--input", choices=INPUT_MODES, help="input mode for this session")
    parser.add_argument(
        "--text-scale", type=int, metavar="PCT", help="text size in percent, 100-200"
    )
    parser.add_argument("--locale", help="language for this session, e.g. fr or ar")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command (docs/cli.md is generated from it)."""
    parser = argparse.ArgumentParser(
        prog="sango",
        description="Sango: an offline, accessible game about staying safe online.",
    )
    parser.add_argument("--version", action="version", version=f"sango {__version__}")
    _add_session_options(parser)
    parser.add_argument("--player", help="start as this player (created if needed)")
    parser.add_argument("--level", help="start straight in this level id")
    parser.add_argument(
        "--fullscreen", action="store_true", help="start in full screen (F11 toggles)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = commands.add_parser("play", help="play the game (the default)")
    _add_session_options(play)
    play.add_argument("--player", help="start as this player (created if needed)")
    play.add_argument("--level", help="start straight in this level id")
    play.add_argument(
        "--fullscreen", action="store_true", help="start in full screen (F11 toggles)"
    )

    validate = commands.add_parser(
        "validate", help="check level files and print file:line:col problems"
    )
    validate.add_argument(
        "paths", nargs="*", type=Path, help="level files or folders (default: all content)"
    )
    validate.add_argument("--strict", action="store_true", help="also report warnings")

    schema = commands.add_parser("schema", help="write the level JSON Schema")
    schema.add_argument(
        "--out", type=Path, default=None, help="where to write (default: content/level.schema.json)"
    )

    preview = commands.add_parser("preview", help="render every step of a level to numbered PNGs")
    preview.add_argument("level", help="a level id or a level file")
    preview.add_argument("--out", type=Path, required=True, help="folder for the PNGs")
    preview.add_argument("--locale", help="language to render in")
    preview.add_argument(
        "--text-scale", type=int, default=100, metavar="PCT", help="text size, 100-200"
    )
    preview.add_argument("--contrast", choices=("normal", "high"), default="normal")

    report = commands.add_parser("report", help="print progress for every player and level")
    report.add_argument("--format", choices=("csv",), default="csv")
    report.add_argument("--out", type=Path, help="file to write (default: standard output)")
    report.add_argument("--data-dir", help="folder of the saved progress")
    return parser


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if getattr(args, "input", None):
        values["input_mode"] = args.input
    if getattr(args, "text_scale", None):
        values["text_scale"] = args.text_scale
    if getattr(args, "locale", None):
        values["locale"] = args.locale
    return values


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `sango` console script."""
    args = build_parser().parse_args(argv)
    command = args.command or "play"
    if command == "validate":
        from game.content.schema import main_validate

        return main_validate(args.paths, args.strict)
    if command == "schema":
        from game.content.schema import main_schema

        return main_schema(args.out)
    if command == "report":
        return _report(args)
    if command == "preview":
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
        from game.preview import run_preview

        return run_preview(
            args.level, args.out, args.locale, args.text_scale, args.contrast == "high"
        )
    return _play(args)


def _play(args: argparse.Namespace) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.app import App, LaunchOptions, create_context, first_scene, open_window

    options = LaunchOptions(
        data_dir=args.data_dir, player=args.player, level=args.level, overrides=_overrides(args)
    )
    pygame.init()
    try:
        surface = open_window(args.fullscreen)
    except pygame.error as error:
        print(f"sango: the game window could not open ({error}).", file=sys.stderr)
        print(
            "Check that a display is available, or use `sango preview` to render screens to PNG.",
            file=sys.stderr,
        )
        return 1
    ctx = create_context(options)
    if args.level and ctx.catalogue.get(args.level) is None:
        print(
            f"sango: there is no level with id '{args.level}'. Run `sango validate` to list problems.",
            file=sys.stderr,
        )
    first_scene(ctx, options)
    app = App(ctx, surface)
    try:
        app.run()
    finally:
        ctx.store.close()
        pygame.quit()
    return 0


def _report(args: argparse.Namespace) -> int:
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
            with open(args.out, "w", newline="", encoding="utf-8") as stream:
                write_csv(rows, stream)
        else:
            write_csv(rows, sys.stdout)
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
