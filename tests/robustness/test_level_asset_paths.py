"""A level's voice and picture files stay inside the level's folder: no `..`, no absolute paths,
no links leading out. Whatever path an author writes, the level is refused unless the file it
names really sits in the folder."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.catalogue import load_level

FUZZ = settings(
    max_examples=300 if os.environ.get("SANGO_LONG_TESTS") else 60,
    deadline=2000,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
needs_links = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")


def level_text(voice: str) -> str:
    data = {
        "format": 1,
        "id": "voice-test",
        "band": "under-9",
        "topics": ["privacy"],
        "title": "Voices",
        "minutes": 2,
        "teacher": {"goals": ["Listens"]},
        "steps": [{"say": "Hello!"}, {"say": "Listen to me.", "voice": voice}],
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def _voice_place() -> tuple[int, int]:
    lines = level_text("x").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if "voice: " in text)
    return line, lines[line - 1].index("voice: ") + len("voice: ") + 1


VOICE_PLACE = _voice_place()
"""The line and column of the `voice:` value in `level_text`."""


@contextmanager
def content_tree() -> Iterator[Path]:
    """root/levels/under-9/ holds the level, voice/hello.ogg and a few traps:
    a link to a file outside, a link to a folder outside, and a link loop."""
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        folder = root / "levels" / "under-9"
        (folder / "voice").mkdir(parents=True)
        (folder / "voice" / "hello.ogg").write_bytes(b"OggS")
        (root / "secret.ogg").write_bytes(b"OggS")
        (root / "outside").mkdir()
        (root / "outside" / "hello.ogg").write_bytes(b"OggS")
        if hasattr(os, "symlink"):
            (folder / "voice" / "leak.ogg").symlink_to(root / "secret.ogg")
            (folder / "elsewhere").symlink_to(root / "outside", target_is_directory=True)
            (folder / "loop.ogg").symlink_to(folder / "loop.ogg")
            (folder / "inner.ogg").symlink_to(folder / "voice" / "hello.ogg")
        yield folder


def load_with_voice(folder: Path, voice: str) -> tuple[bool, list[str], list[tuple[int, int]]]:
    path = folder / "01-voice.yaml"
    path.write_text(level_text(voice), encoding="utf-8")
    level, problems = load_level(path)
    errors = [p for p in problems if p.is_error]
    return level is not None, [p.message for p in errors], [(p.line, p.column) for p in errors]


def test_a_voice_file_inside_the_folder_is_accepted() -> None:
    with content_tree() as folder:
        loaded, messages, _ = load_with_voice(folder, "voice/hello.ogg")
    assert loaded, messages


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("../../secret.ogg", "goes outside"),
        ("voice/../../../secret.ogg", "goes outside"),
        ("/etc/passwd", "relative to this level's folder"),
        ("C:/Windows/win.ini", "relative to this level's folder"),
        ("C:secret.ogg", "relative to this level's folder"),
        ("\\\\server\\share\\x.ogg", "'\\'"),
        ("voice\\hello.ogg", "'\\'"),
    ],
)
def test_paths_leaving_the_folder_are_refused_where_written(written: str, words: str) -> None:
    with content_tree() as folder:
        loaded, messages, places = load_with_voice(folder, written)
    assert not loaded
    assert places == [VOICE_PLACE], messages
    assert words in messages[0]


@needs_links
@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("voice/leak.ogg", "is a link leading out of"),
        ("elsewhere/hello.ogg", "is a link leading out of"),
        ("loop.ogg", "this level's folder"),
    ],
)
def test_links_leading_out_are_refused(written: str, words: str) -> None:
    with content_tree() as folder:
        loaded, messages, places = load_with_voice(folder, written)
    assert not loaded
    assert places == [VOICE_PLACE]
    assert words in messages[0]


@needs_links
def test_a_link_that_stays_inside_the_folder_is_fine() -> None:
    with content_tree() as folder:
        loaded, messages, _ = load_with_voice(folder, "inner.ogg")
    assert loaded, messages


PARTS = st.sampled_from(
    ["..", ".", "voice", "hello.ogg", "leak.ogg", "elsewhere", "loop.ogg", "inner.ogg",
     "secret.ogg", "outside", "", "C:", "~", "levels", "under-9", "\\", "%2e%2e", "…"]
)  # fmt: skip


@needs_links
@FUZZ
@given(st.lists(PARTS, min_size=1, max_size=6), st.booleans())
def test_whatever_path_is_written_only_a_file_inside_the_folder_is_accepted(
    parts: list[str], absolute: bool
) -> None:
    written = ("/" if absolute else "") + "/".join(parts)
    with content_tree() as folder:
        if not written.strip():
            return
        loaded, messages, places = load_with_voice(folder, written)
        target = folder / written
        try:
            inside = target.resolve().is_relative_to(folder.resolve()) and target.is_file()
        except (OSError, RuntimeError):
            inside = False
    if loaded:
        assert inside, f"{written!r} was accepted but leads to {target.resolve()}"
        assert not absolute and "\\" not in written
    else:
        assert places and all(place == VOICE_PLACE for place in places), messages
