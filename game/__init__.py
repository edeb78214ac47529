"""Sango: an offline, accessible learning game about staying safe online."""

from __future__ import annotations

__version__ = "0.1.0"
