"""`sango teacher`: open the adult area (behind its PIN), or forget the PIN with --reset-pin."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TextIO

from game.commands.play import overrides

NAME = "teacher"
HELP = "open the adult area for teachers and parents (--reset-pin forgets its PIN)"
CONFIRM_WORD = "RESET"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", help="folder of the saved progress")
    parser.add_argument(
        "--reset-pin",
        action="store_true",
        help="forget the adult PIN, after asking; the next adult to open the area chooses one",
    )
    parser.add_argument(
        "--yes", action="store_true", help="with --reset-pin: do not ask (for scripts)"
    )
    parser.add_argument("--text-scale", type=int, metavar="PCT", help="text size, 100-200")
    parser.add_argument("--locale", help="language, e.g. fr or ar")
    parser.add_argument("--fullscreen", action="store_true", help="start in full screen")


def reset_pin(
    data_dir: str | None,
    ask: Callable[[str], str] = input,
    out: TextIO | None = None,
    assume_yes: bool = False,
) -> int:
    """Forget the adult PIN after the adult types RESET; the exit code."""
    out = out if out is not None else sys.stdout
    from game.classroom.gate import AdultGate
    from game.context import data_dir_for
    from game.store.database import Store

    store = Store.open(data_dir_for(data_dir, dict(os.environ)))
    try:
        gate = AdultGate(store)
        if not gate.is_set:
            print(
                "No adult PIN is set. The next adult to open the adult area chooses one.", file=out
            )
            return 0
        if not store.saves:
            print(
                f"sango teacher: the save file cannot be changed: {store.read_only_reason}",
                file=out,
            )
            return 1
        if not assume_yes:
            print("This forgets the adult PIN. Players and progress are kept.", file=out)
            try:
                answer = ask(f"Type {CONFIRM_WORD} to forget the PIN: ")
            except EOFError:
                answer = ""
            if answer.strip().upper() != CONFIRM_WORD:
                print("Nothing changed.", file=out)
                return 1
        gate.reset()
        print(
            "The adult PIN is forgotten. The next adult to open the adult area chooses a new one.",
            file=out,
        )
        return 0
    finally:
        store.close()


def run(args: argparse.Namespace) -> int:
    if args.reset_pin:
        return reset_pin(args.data_dir, assume_yes=args.yes)
    import pygame

    from game.app import App, LaunchOptions, create_context, first_scene, open_window
    from game.scenes.teacher import open_adult_area

    options = LaunchOptions(data_dir=args.data_dir, overrides=overrides(args), teacher=True)
    pygame.init()
    try:
        surface = open_window(args.fullscreen)
    except pygame.error as error:
        print(f"sango: the game window could not open ({error}).", file=sys.stderr)
        return 1
    ctx = create_context(options)
    first_scene(ctx, options)
    open_adult_area(ctx)
    app = App(ctx, surface)
    try:
        app.run()
    finally:
        ctx.close()
        pygame.quit()
    return 0
