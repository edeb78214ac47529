"""Hatch build hook: what an installed game needs beside its code goes into game/_data.

game/paths.py looks for `game/_data/content` and `game/_data/locales` in an installed game:
- content/ as it is: levels, badges, helplines and the level schema (level.schema.json);
- locales/ with every .po compiled to its .mo by the game's own compiler (game/i18n/compiled.py:
  fuzzy and empty entries left out). .mo files are never committed, so stray ones in the tree
  are ignored and every build compiles afresh.

Only the regular wheel gets them: an editable install (`uv sync`) runs from the checkout, which
compiles its catalogs when the game starts. (A `force-include` table in pyproject.toml would
also copy the data into the editable install, beside the checkout's own.)
"""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

DATA = "game/_data"


def load_compiler(root: Path) -> ModuleType:
    """game/i18n/compiled.py on its own (it needs only babel), without importing the game."""
    spec = importlib.util.spec_from_file_location(
        "sango_compiled_catalogs", root / "game" / "i18n" / "compiled.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def data_files(folder: Path) -> list[Path]:
    """The files of a data folder, without caches or compiled catalogs."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and path.suffix not in (".mo", ".pyc") and "__pycache__" not in path.parts
    )


class GameDataHook(BuildHookInterface):
    """Adds content/ and locales/ (compiled) to the wheel under game/_data."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        include = build_data["force_include"]
        for source in data_files(root / "content"):
            include[str(source)] = f"{DATA}/{source.relative_to(root).as_posix()}"
        locales = root / "locales"
        if not locales.is_dir():
            return
        compiler = load_compiler(root)
        self._work = tempfile.TemporaryDirectory(prefix="sango-catalogs-")
        out = Path(self._work.name)
        for source in data_files(locales):
            relative = source.relative_to(root)
            include[str(source)] = f"{DATA}/{relative.as_posix()}"
            if source.suffix == ".po":
                mo = out / relative.with_suffix(".mo")
                compiler.compile_po(source, mo)
                include[str(mo)] = f"{DATA}/{relative.with_suffix('.mo').as_posix()}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            work.cleanup()
