"""`sango validate` on the nastiest files an author could hand it: always plain located words and
exit code 1, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]

NASTY = {
    "empty.yaml": b"",
    "random.yaml": bytes(range(256)) * 4,
    "png.yaml": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "utf16.yaml": "format: 1\nid: x\n".encode("utf-16"),
    "laughs.yaml": b"a: &a [lol, lol]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\n",
    "loop.yaml": b"steps: &s\n  - *s\n",
    "deep.yaml": b"a: " + b"[" * 100_000 + b"]" * 100_000,
    "huge.yaml": b"format: 1\nsummary: " + b"y" * (1024 * 1024) + b"\n",
    "python.yaml": b"format: 1\nid: !!python/object/apply:os.system ['echo pwned']\n",
    "types.yaml": b"format: [1]\nid: {a: b}\nband: 9\ntopics: 5\nminutes: '7'\nsteps: x\n",
    "digits.yaml": b"format: 1\nminutes: " + b"9" * 10_000 + b"\n",
    "controls.yaml": b"format: 1\ntitle: a\x07b\x1bc\n",
    "two-docs.yaml": b"format: 1\n---\nformat: 1\n",
    "keys.yaml": b"? [a, b]\n: c\n? {x: y}\n: z\n",
    "nul.yaml": b"format: 1\x00\n",
    "tabs.yaml": b"steps:\n\t- say: hi\n",
    "quote.yaml": b'title: "never closed\nsteps: []\n',
    "bom-only.yaml": b"\xef\xbb\xbf",
    "badges.yaml": b"format: 1\nbadges: {id: 1}\n",
    "helplines.yaml": b"\xff\xfe\x00",
    "ümlaut ✓ name.yaml": b"id: [",
}


def run_validate(
    *arguments: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`sango validate ...` as a writer would run it."""
    sango = Path(sys.executable).with_name("sango")
    command = [str(sango)] if sango.exists() else [sys.executable, "-m", "game"]
    return subprocess.run(
        [*command, "validate", *map(str, arguments)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
        cwd=REPOSITORY,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY), **(env or {})},
    )


def assert_plain(result: subprocess.CompletedProcess[str]) -> None:
    everything = result.stdout + result.stderr
    assert "Traceback" not in everything, everything[-3000:]
    assert "please report this" not in everything, everything[-3000:]
    assert result.returncode == 1, everything[-3000:]


@pytest.fixture
def nasty_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "levels"
    folder.mkdir()
    for name, data in NASTY.items():
        (folder / name).write_bytes(data)
    return folder


def test_validate_names_every_nasty_file_at_a_line_without_a_traceback(nasty_folder: Path) -> None:
    result = run_validate(nasty_folder)

    assert_plain(result)
    for name in NASTY:
        located = [line for line in result.stdout.splitlines() if f"{name}:" in line]
        assert located, f"{name} is not reported:\n{result.stdout[-2000:]}"
        assert any(line.split(f"{name}:", 1)[1].split(":")[0].isdigit() for line in located)
    assert "pwned" not in result.stdout + result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX special files")
def test_validate_refuses_special_files_and_missing_paths(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    endless = tmp_path / "endless.yaml"
    endless.symlink_to("/dev/zero")
    dangling = tmp_path / "dangling.yaml"
    dangling.symlink_to(tmp_path / "nowhere")
    result = run_validate(pipe, endless, dangling, tmp_path / "missing.yaml")

    assert_plain(result)
    assert result.stdout.count("not a regular file") == 2
    assert "missing.yaml: no such file or folder" in result.stdout


def test_validate_speaks_plainly_on_a_console_that_only_knows_ascii(nasty_folder: Path) -> None:
    result = run_validate(nasty_folder, env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C"})

    assert_plain(result)
    assert "controls.yaml:3:8" in result.stdout or "controls.yaml:2:" in result.stdout


@pytest.mark.skipif(sys.platform != "linux", reason="Linux allows any bytes in file names")
def test_validate_survives_a_file_name_that_is_not_text(tmp_path: Path) -> None:
    odd = os.fsencode(tmp_path) + b"/\xff\xfe level.yaml"
    with open(odd, "wb") as file:
        file.write(b"format: 1\nid: [\n")
    result = run_validate(tmp_path)

    assert_plain(result)
    assert "level.yaml:" in result.stdout
