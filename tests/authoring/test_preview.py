"""`sango preview` shows an author the level as every child will see it: every step, the
mini-games part-way and at the end, first mistakes, any language and text size, a contact sheet."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.cli import main
from game.preview import SHEETS_FOLDER, Look, PreviewRequest, run_preview
from tests.authoring.conftest import scratch_content, write_starter_level


def _pictures(folder: Path) -> dict[str, pygame.Surface]:
    return {path.stem: pygame.image.load(str(path)) for path in sorted(folder.glob("*.png"))}


def _differ(first: pygame.Surface, second: pygame.Surface) -> bool:
    return pygame.image.tobytes(first, "RGB") != pygame.image.tobytes(second, "RGB")


def test_every_mini_game_is_shown_part_way_at_the_end_and_after_a_first_mistake(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "look"

    assert run_preview(PreviewRequest(("scam-spotter-online",), out, (Look(),))) == 0

    pictures = _pictures(out)
    names = list(pictures)
    for wanted in (
        "03-chat", "03-chat-replies-1", "03-chat-reply-1", "03-chat-unsafe-reply",
        "06-spot", "06-spot-found", "06-spot-finished", "06-spot-not-a-sign",
        "08-sort", "08-sort-placed", "08-sort-sorted", "08-sort-wrong-bin",
        "09-pick-all", "09-pick-all-checked", "09-pick-all-checked-wrong",
        "14-badge", "15-complete",
    ):  # fmt: skip
        assert wanted in names, f"{wanted} not in {names}"
    assert all(picture.get_size() == (1280, 720) for picture in pictures.values())
    assert _differ(pictures["08-sort"], pictures["08-sort-placed"])
    assert _differ(pictures["08-sort-placed"], pictures["08-sort-sorted"])
    assert _differ(pictures["09-pick-all-checked"], pictures["09-pick-all-checked-wrong"])
    sheet = pygame.image.load(str(out / SHEETS_FOLDER / "scam-spotter-online.png"))
    rows = -(-len(pictures) // 4)
    assert sheet.get_width() == 4 * 320 + 5 * 16
    assert sheet.get_height() >= rows * 180
    printed = capsys.readouterr()
    assert str(out / "08-sort-placed.png") in printed.out
    assert f"{len(pictures)} pictures of 1 level in" in printed.err


def test_each_answer_of_a_question_shows_its_own_feedback(tmp_path: Path) -> None:
    out = tmp_path / "look"

    run_preview(PreviewRequest(("privacy-treasure",), out, (Look(),), sheets=False))

    pictures = _pictures(out)
    answers = [name for name in pictures if "-choice-answer-" in name]
    assert len(answers) >= 2
    assert _differ(pictures[answers[0]], pictures[answers[1]])
    assert not (out / SHEETS_FOLDER).exists()


def test_several_languages_and_text_sizes_get_a_folder_and_a_sheet_each(tmp_path: Path) -> None:
    out = tmp_path / "look"
    looks = (Look("en", 100), Look("ar", 200))

    assert main(["preview", "privacy-treasure", "--out", str(out), "--locale", "en,ar",
                 "--text-scale", "100,200"]) == 0  # fmt: skip

    english, arabic = _pictures(out / "en-100"), _pictures(out / "ar-200")
    assert english.keys() < arabic.keys(), "big text adds screens: pages, answers on their own"
    assert {name for name in arabic.keys() - english.keys()} <= {
        name for name in arabic if name.endswith(("-answers",)) or "-page-" in name
    }
    assert any(name.endswith("-answers") for name in arabic)
    assert _differ(english["01-say"], arabic["01-say"])
    for look in (*looks, Look("en", 200), Look("ar", 100)):
        assert (out / SHEETS_FOLDER / f"privacy-treasure-{look.name}.png").is_file()


def test_all_levels_get_a_folder_by_band_and_a_contact_sheet_each(tmp_path: Path) -> None:
    levels = scratch_content(tmp_path / "game")
    write_starter_level(levels / "under-9" / "01-one.yaml", "under-9", "level-one")
    write_starter_level(levels / "13-18" / "01-two.yaml", "13-18", "level-two")
    out = tmp_path / "look"

    request = PreviewRequest((), out, (Look(),), every_level=True, levels_dir=levels)
    assert run_preview(request) == 0

    assert (out / "under-9" / "level-one" / "01-say.png").is_file()
    assert (out / "13-18" / "level-two" / "02-choice-answer-2.png").is_file()
    assert sorted(path.name for path in (out / SHEETS_FOLDER).iterdir()) == [
        "level-one.png",
        "level-two.png",
    ]


def test_a_level_file_is_previewed_and_a_broken_one_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = write_starter_level(tmp_path / "draft.yaml", "9-12", "draft-level")
    assert main(["preview", str(path), "--out", str(tmp_path / "look")]) == 0
    assert (tmp_path / "look" / "02-choice-answer-1.png").is_file()

    path.write_text(path.read_text("utf-8").replace("minutes: 5", "minutes: 50"), "utf-8")
    assert main(["preview", str(path), "--out", str(tmp_path / "again")]) == 1
    assert "'minutes' must be from 1 to 30 (found 50)" in capsys.readouterr().err
    assert main(["preview", "no-such-level", "--out", str(tmp_path / "x")]) == 1
    assert "is neither a level id nor a level file" in capsys.readouterr().err
    assert main(["preview", "--out", str(tmp_path / "x")]) == 2
