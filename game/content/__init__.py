"""The content pipeline: level files read, validated, cross-checked and catalogued.

Nothing here imports pygame, so `sango validate` and the tests run without a display.
"""

from __future__ import annotations
