"""The `sango` command. Sub-commands live in game/commands/, one module each."""

from __future__ import annotations

import argparse

from game import __version__
from game.commands import command_modules
from game.commands.play import add_session_arguments


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command (docs/cli.md is generated from it)."""
    parser = argparse.ArgumentParser(
        prog="sango",
        description="Sango: an offline, accessible game about staying safe online. "
        "With no command, it plays.",
    )
    parser.add_argument("--version", action="version", version=f"sango {__version__}")
    add_session_arguments(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in command_modules():
        sub = commands.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `sango` console script."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        from game.commands.play import run

        return run(args)
    return int(args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
