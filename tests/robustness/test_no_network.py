"""Sango never goes online: no network module in the game's code, and a whole session played with
network sockets forbidden never even tries to open one."""

from __future__ import annotations

import ast
import socket
from pathlib import Path
from typing import Any

import pytest

from game import paths
from game.scenes.help import HelpScene
from game.scenes.settings import SettingsScene
from tests.driver import GameDriver, make_driver
from tests.robustness.journeys import play_first_level

NETWORK_MODULES = frozenset(
    {
        "socket", "ssl", "urllib", "urllib3", "http", "requests", "httpx", "aiohttp",
        "ftplib", "smtplib", "poplib", "imaplib", "telnetlib", "xmlrpc", "socketserver",
        "websocket", "websockets", "webbrowser", "asyncio",
    }
)  # fmt: skip
"""Modules that reach (or open a browser onto) the network."""
NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6}


def imported_modules(source: Path) -> list[tuple[int, str]]:
    tree = ast.parse(source.read_text(encoding="utf-8"), str(source))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "import_module":
            if node.args and isinstance(node.args[0], ast.Constant):
                found.append((node.lineno, str(node.args[0].value)))
    return found


def test_no_game_module_imports_a_network_module() -> None:
    offenders = [
        f"{source.relative_to(paths.PACKAGE_DIR.parent)}:{line}: {module}"
        for source in sorted(paths.PACKAGE_DIR.rglob("*.py"))
        for line, module in imported_modules(source)
        if module.split(".")[0] in NETWORK_MODULES
    ]
    assert not offenders, "the game must work offline:\n" + "\n".join(offenders)


@pytest.fixture
def network_forbidden(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every attempt to reach the network is refused and written down."""
    attempts: list[str] = []
    real_socket = socket.socket

    class GuardedSocket(real_socket):  # type: ignore[misc]
        def __init__(self, family: Any = -1, *args: Any, **kwargs: Any) -> None:
            if family in NETWORK_FAMILIES or family == -1:
                attempts.append(f"socket({family!r})")
                raise OSError("network access is forbidden in this test")
            super().__init__(family, *args, **kwargs)

    def refuse(name: str) -> Any:
        def refused(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{name}{args!r}")
            raise OSError(f"{name} is forbidden in this test")

        return refused

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_a_whole_session_never_tries_the_network(
    network_forbidden: list[str], data_dir: Path
) -> None:
    game = make_driver(data_dir, overrides={"narration": True})
    try:
        _play_through(game)
    finally:
        game.close()
    assert network_forbidden == []


def _play_through(game: GameDriver) -> None:
    game.click("play")
    game.click("avatar-fox")
    game.click("done")
    for band in ("under-9", "9-12", "13-18"):
        play_first_level(game, band)
        game.click("map")
        game.click("back")
    game.click("help")
    assert isinstance(game.top, HelpScene)
    game.key(27)  # Escape
    game.click("settings")
    assert isinstance(game.top, SettingsScene)
    game.wait(2.0)
