"""`sango validate`: every problem as file:line:col, a summary line, and an exit code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from game import paths
from game.content.catalogue import validate, validate_paths
from game.content.schema import main_validate

LevelWriter = Callable[..., Path]


def test_good_content_passes_with_a_summary(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main_validate([str(content)], strict=False) == 0

    assert capsys.readouterr().out == "2 levels checked, 0 problems\n"


def test_a_broken_level_fails_and_says_where(
    content: Path, write_level: LevelWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = write_level("format: 1\nid: x\n")

    assert main_validate([str(broken)], strict=False) == 1

    assert capsys.readouterr().out.splitlines() == [
        f"{broken}:1:1: 'band', 'topics', 'title', 'minutes', 'teacher' and 'steps' are missing: "
        "add them at the top of the file",
        f"{broken}:2:5: 'id' is too short: 1 character, at least 3",
        "1 level checked, 2 problems",
    ]


def test_warnings_alone_do_not_fail(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    level = content / "levels" / "under-9" / "01-treasure-box.yaml"
    level.write_text(
        level.read_text(encoding="utf-8").replace("summary: Keep your address safe\n", ""),
        encoding="utf-8",
    )

    assert main_validate([str(level)], strict=True) == 0

    output = capsys.readouterr().out.splitlines()
    assert output[0].startswith(f"{level}:6:1: warning: no 'summary'")
    assert output[-1] == "1 level checked, 0 problems, 1 warning"


def test_a_missing_path_fails_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.yaml"

    assert main_validate([str(missing)], strict=False) == 1

    assert capsys.readouterr().out == (
        f"{missing}: no such file or folder: check the path\n0 levels checked, 1 problem\n"
    )


def test_garbage_everywhere_never_gives_a_traceback(
    content: Path, write_level: LevelWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    write_level(b"\x00\x01\x02", name="a.yaml")
    write_level("[[[[", name="b.yaml")
    write_level("steps: {say: 1}\n", name="c.yaml")
    (content / "badges.yaml").write_text("- just a list\n", encoding="utf-8")

    assert main_validate([str(content)], strict=True) == 1

    output = capsys.readouterr().out
    assert "Traceback" not in output
    assert output.splitlines()[-1].startswith("5 levels checked, ")


def test_badges_and_helplines_in_a_folder_are_checked_as_such(content: Path) -> None:
    badges = content / "badges.yaml"
    badges.write_text(
        badges.read_text(encoding="utf-8").replace("id: brave-voice", "id: treasure-keeper"),
        encoding="utf-8",
    )
    helplines = content / "helplines.yaml"
    helplines.write_text(
        helplines.read_text(encoding="utf-8").replace("country: GB", "country: uk"),
        encoding="utf-8",
    )

    report = validate([content])

    assert report.levels_checked == 2
    assert [str(problem) for problem in report.problems] == [
        f"{badges}:8:9: badge id 'treasure-keeper' is already used on line 3: rename one",
        f"{helplines}:3:14: 'country' should be a two-letter country code in capitals, like GB "
        "(or EU) (found 'uk')",
    ]


def test_with_no_paths_the_shipped_content_is_checked_with_badges_and_helplines(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "levels_dir", lambda: content / "levels")
    (content / "helplines.yaml").unlink()

    problems = validate_paths([])

    assert [problem.path.name for problem in problems] == ["helplines.yaml"]
    assert problems[0].message.startswith("cannot read this file")
