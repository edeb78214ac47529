"""Entry point of the desktop bundle: the same `sango` command as the Python package."""

from __future__ import annotations

import multiprocessing

from game.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
