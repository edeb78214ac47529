"""Fixtures shared by the robustness tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.robustness.monkey import FastVoice


@pytest.fixture
def quiet_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home and working folder of the test's own (adult dialogs may write files), a voice
    that speaks instantly, and no real screen reader."""
    import game.app
    from game.audio.screen_reader import ScreenReader

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(home)
    monkeypatch.setattr(game.app, "find_engine", FastVoice)
    monkeypatch.setattr(ScreenReader, "detect", classmethod(lambda cls: None))
    return tmp_path
