"""Sango: an offline, accessible learning game about staying safe online."""

from __future__ import annotations

import os

__version__ = "0.1.0"

# pygame prints a banner on import; a game for children and a tool for authors should not.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
