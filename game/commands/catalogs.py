"""`sango catalogs`: the translation workflow (extract, update, init, compile, check).

Run from a checkout of the game. docs/translating.md walks through it step by step.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "catalogs"
HELP = "translation catalogs: extract, update, init LANG, compile, check"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser(
        "extract", help="write locales/game.pot and locales/levels.pot from code and content"
    )
    update = actions.add_parser(
        "update", help="add new and changed strings to every language's .po files"
    )
    update.add_argument("languages", nargs="*", help="only these languages (default: all)")
    init = actions.add_parser("init", help="start the catalogs of a new language")
    init.add_argument("language", help="a language tag, e.g. pt, sw or zh_Hant")
    compile_ = actions.add_parser(
        "compile", help="compile .po to .mo and rebuild the Chinese font subset"
    )
    compile_.add_argument(
        "--cjk-font-dir",
        type=Path,
        help="folder with the full Noto Sans CJK fonts (default: the system's font folders)",
    )
    check = actions.add_parser(
        "check", help="fail on stale templates, untranslated, fuzzy or broken entries"
    )
    check.add_argument("languages", nargs="*", help="only these languages (default: all)")
    for sub in actions.choices.values():
        sub.add_argument("--root", type=Path, help="the checkout (default: this game's)")


def _project(args: argparse.Namespace):  # noqa: ANN202
    from game.i18n.workflow import Project
    from game.paths import locales_dir

    root = args.root or locales_dir().parent
    return Project(root.resolve())


def run(args: argparse.Namespace) -> int:
    from game.i18n import workflow

    project = _project(args)
    if not project.mapping.is_file():
        print(
            f"sango catalogs: {project.mapping} is missing; run this from a checkout of the game.",
            file=sys.stderr,
        )
        return 1
    status = 0
    if args.action == "extract":
        report, status = workflow.extract(project)
    elif args.action == "update":
        report = workflow.update(project, args.languages or None)
    elif args.action == "init":
        try:
            report = workflow.init(project, args.language)
        except ValueError as error:
            print(f"sango catalogs init: {error}", file=sys.stderr)
            return 1
    elif args.action == "compile":
        report, status = _compile(project, args.cjk_font_dir)
    else:
        report, status = _check(project, args.languages)
    for line in report:
        print(line)
    return status


def _compile(project, cjk_font_dir: Path | None) -> tuple[list[str], int]:  # noqa: ANN001
    from game.i18n.catalog import I18n
    from game.i18n.workflow import compile_all, translated_texts
    from game.paths import assets_dir
    from game.text.fonts import script_of_language

    report = compile_all(project)
    texts: list[str] = []
    for locale in project.languages():
        if script_of_language(locale) == "Hani":
            texts.extend(translated_texts(project, locale))
    names = I18n(project.locales, "en")
    texts.extend(names.display_name(locale) for locale in project.languages())
    try:
        from game.text.subset import write_cjk_subsets
    except ImportError:  # pragma: no cover - fontTools is a development dependency
        report.append("fonts: fontTools is not installed (uv sync --dev); font not rebuilt")
        return report, 1
    try:
        report.extend(write_cjk_subsets(texts, assets_dir() / "fonts", cjk_font_dir))
    except ImportError:
        report.append("fonts: fontTools is not installed (uv sync --dev); font not rebuilt")
        return report, 1
    status = 1 if any("NOT rebuilt" in line for line in report) else 0
    return report, status


def _check(project, languages: list[str]) -> tuple[list[str], int]:  # noqa: ANN001
    from game.i18n.checks import catalog_problems, coverage_problems, template_problems
    from game.paths import assets_dir

    problems = template_problems(project)
    for locale in languages or project.languages():
        problems.extend(catalog_problems(project, locale))
    problems.extend(coverage_problems(project, assets_dir() / "fonts"))
    report = [str(problem) for problem in problems]
    report.append(
        f"{len(problems)} problem(s)" if problems else "catalogs are complete and up to date"
    )
    return report, 1 if problems else 0
