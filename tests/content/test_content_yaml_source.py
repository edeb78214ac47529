"""Reading YAML safely: plain data, positions, and located refusals in writers' words."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.content.yaml_source import (
    MAX_FILE_BYTES,
    LevelFileError,
    Position,
    parse_yaml,
    read_yaml,
)

FILE = Path("level.yaml")


def refusal(source: str | bytes) -> list[str]:
    """The problems a source is refused with, as "line:col: message"."""
    with pytest.raises(LevelFileError) as caught:
        parse_yaml(source, FILE)
    problems = caught.value.problems
    assert all(problem.path == FILE for problem in problems)
    return [f"{p.line}:{p.column}: {p.message}" for p in problems]


def test_values_and_keys_are_located_by_their_path() -> None:
    document = parse_yaml(
        "steps:\n  - say: Hi\n  - choice:\n      options:\n        - text: Ask\n", FILE
    )

    assert document.data == {"steps": [{"say": "Hi"}, {"choice": {"options": [{"text": "Ask"}]}}]}
    path = ("steps", 1, "choice", "options", 0, "text")
    assert document.value_positions[path] == Position(5, 17)
    assert document.key_positions[path] == Position(5, 11)
    assert document.value_positions[("steps", 1)] == Position(3, 5)
    assert document.key_positions[("steps",)] == Position(1, 1)


def test_an_unwritten_path_is_placed_at_its_nearest_written_parent() -> None:
    document = parse_yaml("teacher:\n  goals: [x]\n", FILE)

    assert document.position_of(("teacher", "content_note")) == Position(2, 3)
    assert document.position_of(("teacher", "content_note"), key=True) == Position(1, 1)


def test_scalars_follow_the_yaml_core_schema_so_yes_and_no_stay_text() -> None:
    document = parse_yaml(
        "a: yes\nb: No\nc: on\nd: true\ne: FALSE\nf: 5\ng: -0x1F\nh: 0o17\ni: 2.5\nj: ~\nk:\n"
        "l: 2024-01-31\nm: !!binary aGk=\nn: '7'\no: 1_000\np: .inf\nq: 0x1F\n",
        FILE,
    )

    assert document.data == {
        "a": "yes",
        "b": "No",
        "c": "on",
        "d": True,
        "e": False,
        "f": 5,
        "g": "-0x1F",
        "h": "0o17",
        "i": 2.5,
        "j": None,
        "k": None,
        "l": "2024-01-31",
        "m": "aGk=",
        "n": "7",
        "o": "1_000",
        "p": float("inf"),
        "q": 31,
    }


def test_aliases_and_anchors_are_refused_where_they_are_written() -> None:
    assert refusal("title: &t Box\nsummary: *t\n") == [
        "1:8: '&t' is a YAML anchor; anchors (&) and aliases (*) are not allowed in content "
        "files: remove it and write values out in full",
        "2:10: '*t' is a YAML alias; anchors (&) and aliases (*) are not allowed in content "
        "files: write the value out in full",
    ]


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]

    problems = refusal("\n".join(lines) + "\n")

    assert problems[0].startswith("1:5: '&a0' is a YAML anchor")


def test_a_duplicate_key_is_refused_at_the_second_one() -> None:
    assert refusal("title: Box\nminutes: 5\ntitle: Chest\n") == [
        "3:1: 'title' appears twice in the same place (first on line 1): keep only one of them"
    ]


def test_a_file_over_one_mebibyte_is_refused_before_parsing(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"a: [" + b"1, " * (MAX_FILE_BYTES // 3) + b"1]\n")

    with pytest.raises(LevelFileError) as caught:
        read_yaml(huge)

    assert [str(problem) for problem in caught.value.problems] == [
        f"{huge}:1:1: file is larger than 1 MiB; split the level into smaller ones"
    ]


def test_text_that_is_not_utf8_is_refused_at_the_bad_byte() -> None:
    assert refusal("title: Box\nsummary: Caf\xe9 time\n".encode("latin-1")) == [
        "2:13: this file is not UTF-8 text (byte 0xE9 here): save it as UTF-8 in your editor, "
        "or check it is really a level file"
    ]


def test_binary_garbage_is_refused_as_not_text() -> None:
    assert refusal(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") == [
        "1:1: this file is not UTF-8 text (byte 0x89 here): save it as UTF-8 in your editor, "
        "or check it is really a level file"
    ]


def test_a_hidden_control_character_is_refused_where_it_is() -> None:
    assert refusal("title: Box\nsummary: a\x07b\n") == [
        "2:11: a hidden control character (U+0007) is here: delete it (it often comes from "
        "copying text out of another program)"
    ]


def test_deep_nesting_is_refused() -> None:
    problems = refusal("a: " + "[" * 60 + "]" * 60 + "\n")

    assert problems == [
        "1:53: the file is nested more than 50 levels deep here: a level never needs this "
        "many, so check the indentation and brackets"
    ]


def test_a_second_document_is_refused() -> None:
    assert refusal("title: Box\n---\ntitle: Chest\n") == [
        "2:1: a second YAML document starts here ('---'): a file holds one level, so remove "
        "the '---' or move what follows into its own file"
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "title: Box\nminutes 5\nband: under-9\n",
            "2:1: a colon is missing on this line: write `minutes: 5`",
        ),
        (
            "title Box\nminutes: 5\n",
            "1:1: a colon is missing on this line: write `title: Box` (if this is text that goes "
            "on from the line above, put the whole text in quotes)",
        ),
        (
            "title: Box\n  minutes: 5\n",
            "2:3: this key is indented further than the key above it: line it up with the other "
            "keys at the same level (or, if it is part of the text above, put that text in "
            "quotes)",
        ),
        (
            "steps:\n  - say: Hi\n    mood happy\n    label: start\n",
            "3:5: a colon is missing on this line: write `mood: happy`",
        ),
        (
            "say: Sango said: hello\n",
            "1:16: a colon followed by a space can't be used inside plain text: put the whole "
            'text in quotes, e.g. say: "Sango said: hello"',
        ),
        (
            "teacher:\n\tgoals: [x]\n",
            "2:1: a tab is used here: YAML indents with spaces, so replace the tab with spaces",
        ),
        (
            'title: "Box\nsummary: x\n',
            "1:8: a quote opened here is never closed: add the closing quote",
        ),
        (
            'title: "Box\nsummary: "A line"\n',
            "1:8: the quote that opens here is not closed on this line, so the text runs on to "
            'line 2: add the closing " here',
        ),
        (
            'title: "Box" of treasure\n',
            "1:14: there is more text after the closing quote: put the whole text inside the "
            "quotes",
        ),
        (
            "teacher:\n  goals: [x]\n discussion: [y]\n",
            "3:2: this line is not lined up with the lines around it: check its indentation "
            "(spaces at the start) matches the other keys at the same level",
        ),
        (
            "title: @sango\n",
            "1:8: a value can't start with '@': put the whole text in quotes, e.g. \"@sango\"",
        ),
        (
            "topics: [privacy, rights\nband: under-9\n",
            "1:9: the list or mapping that starts here is missing a comma or its closing ']': "
            "check the brackets",
        ),
        (
            'title: "C:\\q"\n',
            "1:11: a backslash inside double quotes starts an unknown escape here: write \\\\ for "
            "a backslash, or use 'single quotes' instead",
        ),
    ],
)
def test_broken_yaml_is_explained_in_plain_words_at_the_right_place(
    source: str, expected: str
) -> None:
    assert refusal(source) == [expected]


def test_an_empty_file_is_a_document_with_no_data() -> None:
    assert parse_yaml(b"", FILE).data is None
    assert parse_yaml("# only a comment\n", FILE).data is None


def test_a_byte_order_mark_is_accepted() -> None:
    assert parse_yaml("\ufefftitle: Box\n".encode(), FILE).data == {"title": "Box"}


def test_any_bytes_give_a_document_or_located_problems_never_another_exception() -> None:
    chooser = random.Random(20240531)
    alphabet = b"ab:- \n\t[]{}&*!|>'\"#%@`,?\\\x00\xc3\xa9\xff"
    for _ in range(400):
        source = bytes(chooser.choice(alphabet) for _ in range(chooser.randint(0, 40)))
        try:
            parse_yaml(source, FILE)
        except LevelFileError as error:
            assert error.problems
            assert all(problem.line >= 1 and problem.column >= 1 for problem in error.problems)
