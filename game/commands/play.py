"""`sango play`: open the window and play (the default command)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

NAME = "play"
HELP = "play the game (the default)"
INPUT_MODES = ("mouse", "keyboard", "one-switch", "two-switch", "gamepad")


def add_session_arguments(parser: argparse.ArgumentParser) -> None:
    """Options that set things for this session only; also accepted without `play`."""
    parser.add_argument(
        "--data-dir",
        help="folder for saved progress (default: the platform's user "
        "data folder, or the SANGO_DATA_DIR environment variable)",
    )
    parser.add_argument("--input", choices=INPUT_MODES, help="input mode for this session")
    parser.add_argument(
        "--text-scale", type=int, metavar="PCT", help="text size in percent, 100-200"
    )
    parser.add_argument("--locale", help="language for this session, e.g. fr or ar")
    parser.add_argument("--player", help="start as this player (created if needed)")
    parser.add_argument(
        "--level", help="start straight in this level: its id, or a level file (FILE.yaml)"
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="with --level: reload the level each time its file is saved (for authors)",
    )
    parser.add_argument(
        "--scan-interval",
        type=float,
        metavar="SECONDS",
        help="one-switch scan speed for this session: seconds per item, 0.5-5",
    )
    parser.add_argument(
        "--fullscreen", action="store_true", help="start in full screen (F11 toggles)"
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_session_arguments(parser)


def overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The settings this session's options ask for."""
    values: dict[str, Any] = {}
    if getattr(args, "input", None):
        values["input_mode"] = args.input
    if getattr(args, "text_scale", None):
        values["text_scale"] = args.text_scale
    if getattr(args, "locale", None):
        values["locale"] = args.locale
    if getattr(args, "scan_interval", None):
        values["scan_interval"] = args.scan_interval
    return values


def run(args: argparse.Namespace) -> int:
    import pygame

    from game.app import App, LaunchOptions, create_context, first_scene, open_window

    options = LaunchOptions(
        data_dir=args.data_dir, player=args.player, level=args.level, overrides=overrides(args)
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
    watcher = None
    if args.level:
        from game.authoring.watch import LevelNotReady, open_for_authoring

        try:
            watcher = open_for_authoring(ctx, options, args.level, args.watch)
        except LevelNotReady as error:
            print(error, file=sys.stderr)
    first_scene(ctx, options)
    app = App(ctx, surface)
    app.watcher = watcher
    try:
        app.run()
    finally:
        ctx.close()
        pygame.quit()
    return 0
