"""A writer's broken level is reported as file:line:col with what is wrong and how to fix it."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from game.content.badges import BadgeCatalogue
from game.content.catalogue import load_badges, load_level
from game.content.models import Band, Level, Topic
from game.content.problems import Problem
from game.steps.choice import ChoiceStep, Result
from game.steps.say import Mood, SayStep

LevelWriter = Callable[..., Path]
Locator = Callable[..., str]


@pytest.fixture
def badges(content: Path) -> BadgeCatalogue:
    catalogue, problems = load_badges(content / "badges.yaml")
    assert problems == []
    assert catalogue is not None
    return catalogue


@pytest.fixture
def problems_in(write_level: LevelWriter, badges: BadgeCatalogue) -> Callable[..., list[str]]:
    """Write a level and return its problems as "line:col: message", checking the file name."""

    def check(text: str | bytes, strict: bool = False, band: str = "under-9") -> list[str]:
        path = write_level(text, band=band)
        level, problems = load_level(path, badges=badges, strict=strict)
        assert all(problem.path == path for problem in problems)
        if any(problem.is_error for problem in problems):
            assert level is None
        return [_located(problem) for problem in problems]

    return check


def _located(problem: Problem) -> str:
    return str(problem).removeprefix(f"{problem.path}:")


def test_the_good_level_loads_with_every_field(content: Path, badges: BadgeCatalogue) -> None:
    path = content / "levels" / "under-9" / "01-treasure-box.yaml"

    level, problems = load_level(path, badges=badges, strict=True)

    assert problems == []
    assert isinstance(level, Level)
    assert (level.id, level.band, level.topics) == (
        "privacy-treasure",
        Band.UNDER_9,
        (Topic.PRIVACY, Topic.GETTING_HELP),
    )
    say, choice, amara, badge = level.steps
    assert isinstance(say, SayStep) and say.mood is Mood.WAVING and say.label == "start"
    assert isinstance(choice, ChoiceStep)
    assert [option.result for option in choice.choice.options] == [Result.SAFE, Result.UNSAFE]
    assert amara.say == "No", "an answer written as No stays text"
    assert badge.badge == "treasure-keeper"


def test_level_texts_come_with_comments_for_translators(
    content: Path, badges: BadgeCatalogue
) -> None:
    level, _ = load_level(content / "levels" / "under-9" / "01-treasure-box.yaml", badges=badges)

    assert level is not None
    texts = list(level.texts())
    assert texts[0] == ("Sango's treasure box", "level title")
    assert ("Knows that a home address is private", "teacher notes: learning goal") in texts
    assert ("Type my address", "step 2 (choice)") in texts
    assert ("Amara", "step 3 (say)") in texts
    assert all(text for text, _ in texts)


def test_unknown_key_suggests_the_key_meant(problems_in, good_level_text: str, at) -> None:
    text = good_level_text.replace("      prompt:", "      promt:")

    assert problems_in(text) == [
        f"{at(text, 'promt')}: unknown key 'promt' - did you mean 'prompt'?"
    ]


def test_unknown_key_without_a_close_match_lists_the_allowed_keys(
    problems_in, good_level_text: str, at
) -> None:
    text = good_level_text.replace("    mood: waving", "    colour: red")

    assert problems_in(text) == [
        f"{at(text, 'colour')}: unknown key 'colour': remove it, or use one of label, say, mood, "
        "speaker, voice, goto"
    ]


def test_missing_key_says_what_to_add_and_where(problems_in, good_level_text: str, at) -> None:
    text = good_level_text.replace("          result: unsafe\n", "")

    assert problems_in(text) == [
        f"{at(text, 'text: Type my address')}: 'result' is missing: add `result: ...` to this "
        "option"
    ]


def test_missing_top_level_key(problems_in, good_level_text: str) -> None:
    text = good_level_text.replace("minutes: 5\n", "")

    assert problems_in(text) == [
        "2:1: 'minutes' is missing: add `minutes: ...` at the top of the file"
    ]


@pytest.mark.parametrize(
    ("old", "new", "snippet", "message"),
    [
        (
            "minutes: 5",
            "minutes: five",
            "five",
            "'minutes' should be a whole number (found 'five')",
        ),
        (
            "title: Sango's treasure box",
            "title: 42",
            "42",
            "'title' should be text (found the number 42): put it in quotes, e.g. \"42\"",
        ),
        (
            "goals: [Knows that a home address is private]",
            "goals: Knows that a home address is private",
            "Knows",
            "'goals' should be a list of text (found 'Knows that a home address is private'): "
            "write each item on its own line, starting with '- '",
        ),
        (
            "  - say: No\n",
            "  - say:\n",
            "say:\n",
            "'say' is empty: write text after `say:`",
        ),
        ("minutes: 5", "minutes: 45", "45", "'minutes' must be from 1 to 30 (found 45)"),
        (
            "title: Sango's treasure box",
            "title: " + "x" * 70,
            "xxx",
            "'title' is too long: 70 characters, at most 60 - make it shorter",
        ),
        (
            "id: privacy-treasure",
            "id: Privacy Treasure",
            "Privacy",
            "'id' should be lowercase letters, digits and single hyphens, like `privacy-treasure` "
            "(found 'Privacy Treasure') - for example 'privacy-treasure'",
        ),
        ("format: 1", "format: true", "true", "'format' must be 1 (found true)"),
    ],
)
def test_wrong_values_are_explained_at_the_value(
    problems_in, good_level_text: str, at, old: str, new: str, snippet: str, message: str
) -> None:
    text = good_level_text.replace(old, new)

    position = at(text, snippet)
    if snippet == "say:\n":
        line, column = position.split(":")
        position = f"{line}:{int(column) + 4}"
    assert problems_in(text) == [f"{position}: {message}"]


def test_a_result_outside_the_list_names_the_allowed_ones(
    problems_in, good_level_text: str, at
) -> None:
    text = good_level_text.replace("result: safe", "result: good")

    assert problems_in(text) == [
        f"{at(text, 'good')}: 'result' must be one of safe, unsafe, ok (found 'good')"
    ]


def test_a_misspelt_band_is_suggested(problems_in, good_level_text: str, at) -> None:
    text = good_level_text.replace("band: under-9", "band: under9")

    assert problems_in(text) == [
        f"{at(text, 'under9')}: 'band' must be one of under-9, 9-12, 13-18 (found 'under9') - "
        "did you mean 'under-9'?"
    ]


def test_a_choice_with_one_option(problems_in, good_level_text: str, at) -> None:
    text = good_level_text.replace(
        "        - text: Type my address\n          result: unsafe\n"
        "          feedback: Your address is private. Let's ask a grown-up first.\n",
        "",
    )

    assert problems_in(text) == [
        f"{at(text, '- text: Ask a grown-up')}: a choice needs 2 to 4 options (found 1)"
    ]


def test_a_step_without_a_type_key(problems_in, good_level_text: str, at) -> None:
    text = good_level_text.replace("  - say: No\n", "  - sya: No\n")

    assert problems_in(text) == [
        f"{at(text, 'sya')}: this step needs one of `say:`, `choice:`, `sort:`, `chat:`, "
        "`spot:`, `pick-all:` or `badge:` "
        "(found sya, speaker) - did you mean 'say'?"
    ]


def test_a_step_with_two_type_keys(problems_in, good_level_text: str, at) -> None:
    text = good_level_text.replace(
        "  - badge: treasure-keeper", "  - badge: treasure-keeper\n    say: Bye"
    )

    assert problems_in(text) == [
        f"{at(text, 'badge: treasure-keeper')}: this step has both `say:` and `badge:`: a step "
        "does one thing, so split it into separate steps, each starting with '- '"
    ]


def test_a_duplicate_label_points_at_the_first_one(problems_in, good_level_text: str, at) -> None:
    text = good_level_text.replace("label: the-question", "label: start")
    first_line = at(text, "start").split(":")[0]

    assert problems_in(text) == [
        f"{at(text, 'start', 2)}: label 'start' is already used by step 1 (line {first_line}): "
        "labels must be unique in a level, so rename one"
    ]


def test_a_goto_to_a_missing_label(problems_in, good_level_text: str, at) -> None:
    text = good_level_text.replace("result: safe\n", "result: safe\n          goto: ending\n")

    assert problems_in(text) == [
        f"{at(text, 'ending')}: goto 'ending' has no step with label 'ending' in this level: "
        "add `label: ending` to the step to jump to"
    ]


def test_a_misspelt_goto_suggests_the_label(problems_in, good_level_text: str, at) -> None:
    text = good_level_text.replace("result: safe\n", "result: safe\n          goto: strat\n")

    assert problems_in(text) == [
        f"{at(text, 'strat')}: goto 'strat' has no step with label 'strat' in this level - "
        "did you mean 'start'?"
    ]


def test_a_goto_back_to_the_same_choice(problems_in, good_level_text: str, at) -> None:
    text = good_level_text.replace("result: safe\n", "result: safe\n          goto: the-question\n")

    assert problems_in(text) == [
        f"{at(text, 'the-question')}: goto 'the-question' jumps back to this same choice, so "
        "the player could never leave it: point it at another step, or remove the goto"
    ]


def test_a_story_that_can_never_end(problems_in, good_level_text: str, at) -> None:
    text = good_level_text.replace("result: safe\n", "result: safe\n          goto: start\n")
    text = text.replace("result: unsafe\n", "result: unsafe\n          goto: start\n")

    assert problems_in(text) == [
        f"{at(text, 'say: Hi!')}: from step 1 on, every path jumps back and the level can "
        "never end: give one option no goto (it then goes on to the next step), or a goto to a "
        "later step",
        f"{at(text, 'say: No')}: warning: step 3 can never be reached: the step before always "
        "jumps away and no goto leads here; add its label to a goto, or remove it",
    ]


def test_an_unknown_badge(problems_in, good_level_text: str, at) -> None:
    text = good_level_text.replace("badge: treasure-keeper", "badge: treasure-keepr")

    assert problems_in(text) == [
        f"{at(text, 'treasure-keepr')}: badge 'treasure-keepr' is not in badges.yaml - did you "
        "mean 'treasure-keeper'?"
    ]


def test_a_missing_voice_file(problems_in, good_level_text: str, at) -> None:
    text = good_level_text.replace("voice/hello.ogg", "voice/bye.ogg")

    assert problems_in(text) == [
        f"{at(text, 'voice/bye.ogg')}: voice file 'voice/bye.ogg' was not found next to this "
        "level: check the spelling, or add the file"
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "../../badges.yaml",
            "voice file '../../badges.yaml' goes outside this level's folder: put the file inside "
            "the level's folder (e.g. in voice/) and write the path from there",
        ),
        (
            "/etc/hostname",
            "voice file '/etc/hostname' must be written relative to this level's folder, "
            "e.g. voice/hello.ogg",
        ),
        (
            "C:/voice/hello.ogg",
            "voice file 'C:/voice/hello.ogg' must be written relative to this level's folder, "
            "e.g. voice/hello.ogg",
        ),
        (
            "voice\\hello.ogg",
            "voice file 'voice\\hello.ogg' uses '\\': write '/' between folders so it works on "
            "every computer",
        ),
    ],
)
def test_a_voice_path_must_stay_in_the_level_folder(
    problems_in, good_level_text: str, at, written: str, message: str
) -> None:
    text = good_level_text.replace("voice/hello.ogg", written)

    assert problems_in(text) == [f"{at(text, written)}: {message}"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_voice_link_leading_out_of_the_folder_is_refused(
    problems_in, good_level_text: str, content: Path, tmp_path: Path, at
) -> None:
    outside = tmp_path / "secret.ogg"
    outside.write_bytes(b"OggS")
    (content / "levels" / "under-9" / "voice" / "linked.ogg").symlink_to(outside)
    text = good_level_text.replace("voice/hello.ogg", "voice/linked.ogg")

    assert problems_in(text) == [
        f"{at(text, 'voice/linked.ogg')}: voice file 'voice/linked.ogg' is a link leading out "
        "of this level's folder: put the file inside the level's folder (e.g. in voice/) and "
        "write the path from there"
    ]


def test_a_voice_file_of_a_kind_the_game_cannot_play(
    problems_in, good_level_text: str, content: Path, at
) -> None:
    (content / "levels" / "under-9" / "voice" / "hello.m4a").write_bytes(b"x")
    text = good_level_text.replace("voice/hello.ogg", "voice/hello.m4a")

    assert problems_in(text) == [
        f"{at(text, 'voice/hello.m4a')}: voice file 'voice/hello.m4a' should be one of these "
        "file types: .ogg, .wav, .mp3, .flac"
    ]


def test_a_sensitive_topic_needs_a_content_note(problems_in, good_level_text: str, at) -> None:
    text = good_level_text.replace("topics: [privacy, getting-help]", "topics: [grooming]")

    assert problems_in(text) == [
        f"{at(text, 'content_note')}: 'content_note' is needed because the topics include "
        "grooming: add `content_note: ...` under teacher, telling teachers what the level talks "
        "about"
    ]


def test_a_topic_listed_twice(problems_in, good_level_text: str, at) -> None:
    text = good_level_text.replace("topics: [privacy, getting-help]", "topics: [privacy, privacy]")

    assert problems_in(text) == [
        f"{at(text, 'privacy]')}: topic 'privacy' is listed twice: remove one"
    ]


def test_a_level_in_another_bands_folder_is_a_warning(
    problems_in, good_level_text: str, at
) -> None:
    text = good_level_text.replace("band: under-9", "band: 13-18")

    assert problems_in(text) == [
        f"{at(text, '13-18')}: warning: this level is for band '13-18' but its file is in the "
        "'under-9' folder: move it to content/levels/13-18/, or fix 'band'"
    ]


def test_strict_mode_advises_on_discussion_and_summary(
    problems_in, good_level_text: str, at
) -> None:
    text = good_level_text.replace("summary: Keep your address safe\n", "")
    text = text.replace("    - Who is a grown-up you can ask?\n", "")

    assert problems_in(text) == []
    assert problems_in(text, strict=True) == [
        f"{at(text, 'title')}: warning: no 'summary': add `summary: ...` after the title, one "
        "line (up to 120 characters) for the map card",
        f"{at(text, 'discussion')}: warning: only 1 discussion question: add at least 2 under "
        "teacher, so a class can talk the level over",
    ]


def test_an_empty_file(problems_in) -> None:
    assert problems_in("") == [
        "1:1: the file is empty: start it with `format: 1`, then add id, band, topics, title, "
        "minutes, teacher, steps"
    ]


def test_a_list_at_the_top_instead_of_keys(problems_in) -> None:
    assert problems_in("- format: 1\n- id: treasure\n") == [
        "1:1: the file should be a set of keys like `format: 1` and id, band, topics, title, "
        "minutes, teacher, steps, one per line (found a list)"
    ]


def test_broken_yaml_in_a_level(problems_in, good_level_text: str, at) -> None:
    text = good_level_text.replace("    speaker: Amara", "    speaker Amara")

    assert problems_in(text) == [
        f"{at(text, 'speaker Amara')}: a colon is missing on this line: write `speaker: Amara`"
    ]


def test_an_alias_in_a_level(problems_in, good_level_text: str, at) -> None:
    text = good_level_text.replace("  - say: No\n", "  - say: &no No\n  - say: *no\n")

    assert problems_in(text) == [
        f"{at(text, '&no')}: '&no' is a YAML anchor; anchors (&) and aliases (*) are not allowed "
        "in content files: remove it and write values out in full",
        f"{at(text, '*no')}: '*no' is a YAML alias; anchors (&) and aliases (*) are not allowed "
        "in content files: write the value out in full",
    ]


def test_binary_garbage_as_a_level(problems_in) -> None:
    # Bytes 0-127 are ASCII (byte 10 ends line 1), so the first bad byte is 0x80 on line 2.
    assert problems_in(bytes(range(256))) == [
        "2:118: this file is not UTF-8 text (byte 0x80 here): save it as UTF-8 in your editor, "
        "or check it is really a level file"
    ]


def test_a_level_over_one_mebibyte(problems_in, good_level_text: str) -> None:
    text = good_level_text + "# " + "padding " * (1024 * 1024 // 8) + "\n"

    assert problems_in(text) == [
        "1:1: file is larger than 1 MiB; split the level into smaller ones"
    ]
