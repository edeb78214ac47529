"""The `sango` command explains itself, its manual is current, and its version is one number.

Every command and sub-command answers `--help` with exit code 0 and names each of its options;
docs/cli.md is exactly what tools/generate_cli_docs.py makes from the parser; the version in
pyproject.toml and game.__version__ agree, follow semantic versioning and have a changelog entry.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from game import __version__
from game.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
)


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_cli_docs", ROOT / "tools" / "generate_cli_docs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def every_command() -> list[tuple[list[str], argparse.ArgumentParser]]:
    """(the words after `sango`, the parser) for the command and every sub-command."""
    found = []
    for parser in generator().walk(build_parser()):
        words = parser.prog.split()[1:]
        found.append((words, parser))
    return found


COMMANDS = every_command()


@pytest.mark.parametrize(
    ("words", "parser"), COMMANDS, ids=[" ".join(["sango", *w]) for w, _ in COMMANDS]
)
def test_every_command_has_help_naming_its_options(
    words: list[str], parser: argparse.ArgumentParser, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([*words, "--help"])
    assert exited.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith(f"usage: {parser.prog}")
    for action in parser._actions:  # noqa: SLF001
        for spelling in action.option_strings:
            assert spelling in shown, f"`{parser.prog} --help` does not mention {spelling}"
        if not action.option_strings:
            name = action.metavar or action.dest
            assert str(name) in shown, f"`{parser.prog} --help` does not mention {name}"


def test_sango_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"sango {__version__}"


def test_cli_manual_is_up_to_date() -> None:
    written = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == generator().render(), (
        "docs/cli.md is out of date: run `uv run python tools/generate_cli_docs.py`"
    )


def test_cli_manual_documents_every_command_and_option() -> None:
    written = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for _, parser in COMMANDS:
        assert f"## {parser.prog}\n" in written
        for action in parser._actions:  # noqa: SLF001
            for spelling in action.option_strings:
                if spelling not in ("-h", "--help"):
                    assert f"`{spelling}" in written or f", {spelling}" in written, spelling


def test_version_is_semantic_and_the_same_everywhere() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == __version__, "pyproject.toml and game/__init__.py disagree"
    assert SEMVER.match(__version__), f"{__version__} is not MAJOR.MINOR.PATCH"


def test_changelog_describes_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog
    releases = re.findall(r"^## \[(\d[^\]]*)\] - (\d{4}-\d{2}-\d{2})$", changelog, re.MULTILINE)
    assert releases, "no release headings like `## [0.1.0] - 2026-11-28`"
    assert releases[0][0] == __version__, "the newest changelog entry is not this version"
    for version, _ in releases:
        assert SEMVER.match(version), version
