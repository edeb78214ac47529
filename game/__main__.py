"""`python -m game` runs the `sango` command."""

from game.cli import main

raise SystemExit(main())
