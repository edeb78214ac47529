"""The `sango` sub-commands, one module each. Every module here is found by the CLI on its own.

A command module defines:
    NAME: str                 the sub-command, e.g. "validate"
    HELP: str                 one line for `sango --help`
    add_arguments(parser)     its options
    run(args) -> int          what it does; the exit code
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def command_modules() -> list[ModuleType]:
    """Every command module, in a stable order (play first)."""
    modules = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]
    return sorted(modules, key=lambda module: (module.NAME != "play", module.NAME))
