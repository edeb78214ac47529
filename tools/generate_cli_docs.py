"""Write docs/cli.md, the manual of the `sango` command, from its argument parser.

    uv run python tools/generate_cli_docs.py          # rewrite docs/cli.md
    uv run python tools/generate_cli_docs.py --check  # exit 1 if docs/cli.md is out of date

A test runs the check, so the manual never drifts from the parser: after adding or changing a
command or an option, run the generator and commit docs/cli.md with the change.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "cli.md"
WIDTH = 100
"""Columns for argparse's usage lines, fixed so the file does not depend on the terminal."""

HEADER = """\
# The `sango` command

<!-- Generated from the argument parser by tools/generate_cli_docs.py. Do not edit by hand:
     run `uv run python tools/generate_cli_docs.py` after changing a command. -->

`sango` with no command opens the game. Sub-commands check and preview content, report progress
and look after translations. Every command and option below is also shown by `sango --help` and
`sango COMMAND --help`.

## Contents

"""


def sub_commands(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    """The sub-commands of a parser, in the order they were added."""
    found: list[tuple[str, argparse.ArgumentParser]] = []
    for action in parser._actions:  # noqa: SLF001 - argparse has no public way to list them
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            found.extend(action.choices.items())
    return found


def summaries(parser: argparse.ArgumentParser) -> dict[str, str]:
    """The one-line help given to each sub-command of a parser (shown by `--help`)."""
    found: dict[str, str] = {}
    for action in parser._actions:  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for choice in action._choices_actions:  # noqa: SLF001
                found[choice.dest] = (choice.help or "").strip()
    return found


def walk(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """A parser and every sub-command below it, depth first."""
    yield parser
    for _, child in sub_commands(parser):
        yield from walk(child)


@contextmanager
def fixed_width() -> Iterator[None]:
    """Make argparse wrap usage lines at WIDTH columns whatever the terminal."""
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(WIDTH + 2)
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = saved


def anchor(prog: str) -> str:
    """The GitHub-style anchor of a `## prog` heading."""
    return prog.lower().replace(" ", "-")


def describe(action: argparse.Action) -> str:
    """One bullet for an argument: its spelling, what it does, its choices and default."""
    if action.option_strings:
        spelling = ", ".join(action.option_strings)
        if action.nargs != 0:
            metavar = action.metavar or (
                "{" + ",".join(map(str, action.choices)) + "}"
                if action.choices
                else action.dest.upper()
            )
            spelling += f" {metavar}"
    else:
        spelling = str(action.metavar or action.dest)
        if action.nargs in ("*", "?"):
            spelling = f"[{spelling}]"
        if action.nargs in ("*", "+"):
            spelling += " ..."
    text = (action.help or "").strip()
    if text == argparse.SUPPRESS:
        text = ""
    notes: list[str] = []
    if action.choices and not isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
        notes.append("one of " + ", ".join(f"`{choice}`" for choice in action.choices))
    default = action.default
    if (
        action.option_strings
        and action.nargs != 0
        and default not in (None, argparse.SUPPRESS)
        and "default" not in text
    ):
        notes.append(f"default `{default}`")
    if action.required and action.option_strings:
        notes.append("required")
    details = text + (" (" + "; ".join(notes) + ")" if notes else "")
    return f"- `{spelling}`" + (f": {details}" if details else "")


def synopsis(parser: argparse.ArgumentParser) -> str:
    """argparse's usage, without the `usage: ` prefix and its indent on following lines."""
    prefix = "usage: "
    first, *rest = parser.format_usage().strip().splitlines()
    indent = " " * len(prefix)
    return "\n".join([first.removeprefix(prefix)] + [line.removeprefix(indent) for line in rest])


def section(parser: argparse.ArgumentParser, level: int, summary: str) -> str:
    """The manual section of one command: synopsis, description, arguments and sub-commands."""
    lines = [f"{'#' * level} {parser.prog}", ""]
    description = (parser.description or summary).strip()
    if description:
        lines += [description, ""]
    lines += ["```", synopsis(parser), "```", ""]
    positionals = [
        action
        for action in parser._actions  # noqa: SLF001
        if not action.option_strings and not isinstance(action, argparse._SubParsersAction)  # noqa: SLF001
    ]
    options = [
        action
        for action in parser._actions  # noqa: SLF001
        if action.option_strings and not isinstance(action, argparse._HelpAction)  # noqa: SLF001
    ]
    children = sub_commands(parser)
    if positionals:
        lines += ["Arguments:", ""] + [describe(action) for action in positionals] + [""]
    if options:
        lines += ["Options:", ""] + [describe(action) for action in options] + [""]
    if children:
        lines += ["Commands:", ""]
        helps = summaries(parser)
        for name, child in children:
            line = helps.get(name) or (child.description or "").strip()
            lines.append(f"- [`{name}`](#{anchor(child.prog)})" + (f": {line}" if line else ""))
        lines.append("")
    return "\n".join(lines)


def render() -> str:
    """The whole of docs/cli.md."""
    sys.path.insert(0, str(ROOT))
    from game.cli import build_parser

    with fixed_width():
        parser = build_parser()
        parsers = list(walk(parser))
        contents = [
            f"{'  ' * (len(p.prog.split()) - 1)}- [`{p.prog}`](#{anchor(p.prog)})" for p in parsers
        ]
        helps: dict[str, str] = {}
        for each in parsers:
            for name, child in sub_commands(each):
                helps[child.prog] = summaries(each).get(name, "")
        sections = [section(p, 2 if p is parser else 3, helps.get(p.prog, "")) for p in parsers]
    return HEADER + "\n".join(contents) + "\n\n" + "\n".join(sections).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--check", action="store_true", help="exit 1 if docs/cli.md is stale")
    args = options.parse_args(argv)
    text = render()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(
                "docs/cli.md is out of date: run `uv run python tools/generate_cli_docs.py`",
                file=sys.stderr,
            )
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
