"""Hatch build hook: the wheel carries the gettext catalogs, compiled.

The .po files are the source and .mo files are never committed, so every wheel build compiles
them afresh with the game's own compiler (game/i18n/compiled.py: fuzzy and empty entries left
out). Everything in locales/ but stray .mo files goes to game/_data/locales, where
game/paths.py looks in an installed game.
"""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

TARGET = "game/_data/locales"


def load_compiler(root: Path) -> ModuleType:
    """game/i18n/compiled.py on its own (it needs only babel), without importing the game."""
    spec = importlib.util.spec_from_file_location(
        "sango_compiled_catalogs", root / "game" / "i18n" / "compiled.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class CompiledCatalogsHook(BuildHookInterface):
    """Adds locales/ to the wheel with every .po compiled to its .mo."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        locales = root / "locales"
        if not locales.is_dir():
            return
        compiler = load_compiler(root)
        self._work = tempfile.TemporaryDirectory(prefix="sango-catalogs-")
        out = Path(self._work.name)
        include = build_data["force_include"]
        for source in sorted(path for path in locales.rglob("*") if path.is_file()):
            relative = source.relative_to(locales)
            if source.suffix == ".mo" or "__pycache__" in relative.parts:
                continue
            include[str(source)] = f"{TARGET}/{relative.as_posix()}"
            if source.suffix == ".po":
                mo = out / relative.with_suffix(".mo")
                compiler.compile_po(source, mo)
                include[str(mo)] = f"{TARGET}/{relative.with_suffix('.mo').as_posix()}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            work.cleanup()
