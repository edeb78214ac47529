"""An author starts a level with `sango new-level`: a commented file that validates and plays."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from game.authoring.new_level import main_new_level
from game.authoring.starter import SCHEMA_COMMENT
from game.cli import main
from game.content.catalogue import validate
from game.content.models import Level
from game.content.readability import level_reading
from game.scenes.complete import CompleteScene
from tests.authoring.conftest import scratch_content, write_starter_level
from tests.driver import make_driver, play_current_level


@pytest.mark.parametrize(
    ("band", "topics"),
    [("under-9", ["privacy"]), ("9-12", ["grooming", "getting-help"]), ("13-18", ["rights"])],
)
def test_a_new_level_validates_strictly_and_a_keyboard_player_finishes_it(
    tmp_path: Path, data_dir: Path, band: str, topics: list[str], capsys: pytest.CaptureFixture
) -> None:
    levels = scratch_content(tmp_path)

    assert main_new_level(band, topics, "my-first-level", None, levels_dir=levels) == 0

    written = levels / band / "01-my-first-level.yaml"
    assert capsys.readouterr().out.startswith(f"wrote {written}\n")
    text = written.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_COMMENT
    assert text.count("\n#") + text.count("  #") > 20, "the starter explains itself"
    report = validate([written], strict=True)
    assert report.problems == [], [str(problem) for problem in report.problems]
    game = make_driver(data_dir, player="Ada", level="my-first-level", levels_dir=levels)
    try:
        play_current_level(game, game.keyboard_select, wrong_first=True)
        assert isinstance(game.top, CompleteScene)
        player = game.ctx.store.player_by_nickname("Ada")
        assert game.ctx.store.progress(player.id)["my-first-level"].status == "completed"
    finally:
        game.close()


@pytest.mark.parametrize("band", ["under-9", "9-12", "13-18"])
def test_the_starter_already_follows_the_content_guide(tmp_path: Path, band: str) -> None:
    """The same rules the shipped levels are held to (tests/content_quality), bar its badge."""
    from tests.content_quality import test_coverage, test_level_endings, test_screen_length

    path = write_starter_level(tmp_path / "starter.yaml", band, "starter-level", ("grooming",))
    level = yaml.safe_load(path.read_text(encoding="utf-8"))

    test_level_endings.test_level_closes_with_a_badge(level)
    test_level_endings.test_ending_says_what_to_do_and_who_to_tell(level)
    test_screen_length.test_no_sentence_runs_long(level)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(test_coverage, "all_levels", lambda: [level])
        patch.setattr(test_coverage, "levels_of", lambda wanted: [level] if wanted == band else [])
        test_coverage.test_older_bands_play_at_least_two_kinds_of_game()
        test_coverage.test_teen_levels_have_chats_that_branch_to_consequences()
        test_coverage.test_under_9_levels_stay_a_storybook()
        test_coverage.test_teachers_get_goals_questions_and_a_note_on_sensitive_topics()
    assert level_reading(Level.model_validate(level)).too_hard is False


def test_a_sensitive_topic_gets_a_content_note_to_edit(tmp_path: Path) -> None:
    levels = scratch_content(tmp_path)

    main_new_level("13-18", ["sexual-exploitation"], "say-no", None, levels_dir=levels)

    text = (levels / "13-18" / "01-say-no.yaml").read_text(encoding="utf-8")
    assert "content_note: This level talks about sexual-exploitation." in text


def test_the_next_free_number_follows_the_highest_in_the_band(tmp_path: Path) -> None:
    levels = scratch_content(tmp_path)
    write_starter_level(levels / "9-12" / "01-one.yaml", "9-12", "level-one")
    write_starter_level(levels / "9-12" / "07-seven.yaml", "9-12", "level-seven")
    (levels / "9-12" / "notes.txt").write_text("not a level", encoding="utf-8")

    assert main_new_level("9-12", ["privacy"], "level-eight", None, levels_dir=levels) == 0

    assert (levels / "9-12" / "08-level-eight.yaml").is_file()


def test_out_writes_anywhere_and_points_editors_at_the_schema(tmp_path: Path) -> None:
    target = tmp_path / "drafts" / "my-draft.yaml"

    assert main(["new-level", "--band", "9-12", "--topic", "privacy,wellbeing", "--id",
                 "my-draft", "--out", str(target)]) == 0  # fmt: skip

    first = target.read_text(encoding="utf-8").splitlines()[0]
    schema = Path(first.removeprefix("# yaml-language-server: $schema="))
    assert (target.parent / schema).resolve().name == "level.schema.json"
    assert (target.parent / schema).resolve().is_file()
    assert "topics: [privacy, wellbeing]" in target.read_text(encoding="utf-8")
    assert validate([target]).errors == []


@pytest.mark.parametrize(
    ("arguments", "says"),
    [
        (["--band", "9-11", "--topic", "privacy", "--id", "new-one"],
         "band '9-11' is not a band: use one of under-9, 9-12, 13-18 - did you mean '9-12'?"),
        (["--band", "9-12", "--topic", "privcy", "--id", "new-one"],
         "topic 'privcy' is not a topic - did you mean 'privacy'?"),
        (["--band", "9-12", "--topic", "privacy", "--id", "My Level"],
         "'My Level' cannot be a level id: use 3 to 40 lowercase letters, digits and single "
         "hyphens - for example 'my-level'"),
        (["--band", "9-12", "--topic", "privacy", "--id", "privacy-treasure"],
         "id 'privacy-treasure' is already used by"),
    ],
)  # fmt: skip
def test_a_wrong_request_says_what_to_change_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture, arguments: list[str], says: str
) -> None:
    target = tmp_path / "new.yaml"

    assert main(["new-level", *arguments, "--out", str(target)]) == 1

    assert says in capsys.readouterr().out
    assert not target.exists()


def test_an_existing_file_is_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("my own work", encoding="utf-8")

    assert main(["new-level", "--band", "9-12", "--topic", "privacy", "--id", "brand-new",
                 "--out", str(target)]) == 1  # fmt: skip

    assert "exists already" in capsys.readouterr().out
    assert target.read_text(encoding="utf-8") == "my own work"
