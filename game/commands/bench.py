"""`sango bench`: measure speed, idle CPU, latency and memory against the classroom targets."""

from __future__ import annotations

import argparse
import json

NAME = "bench"
HELP = (
    "measure start-up, frame time, idle CPU, latency, content and memory (see docs/performance.md)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object, not a table")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="few repeats, to check the suite runs (about 30 s); the numbers are rough",
    )


def run(args: argparse.Namespace) -> int:
    from game.bench.session import use_headless_drivers

    use_headless_drivers()
    from game.bench.suite import format_table, print_progress, run_suite

    report = run_suite(quick=args.quick, progress=print_progress)
    if args.json:
        print(json.dumps(report.to_json(), indent=2, allow_nan=False, default=str))
    else:
        print(format_table(report))
    return 0
