"""The babel extractor: level words go to translators with their level, line and a comment."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from babel.messages.extract import extract

from game.i18n.catalog import BADGES_CONTEXT, HELPLINES_CONTEXT
from game.i18n.extract import extract_levels
from game.paths import content_dir

LEVEL = """\
format: 1
id: kite-day
band: under-9
topics: [privacy]
title: Kite day
minutes: 3
teacher:
  goals: [Knows a kite is fun]
  discussion: [What do you fly?, Who helps you?]
steps:
  - say: Look at my kite!
  - choice:
      prompt: Share your kite photo?
      options:
        - text: Ask a grown-up first
          result: safe
          feedback: Yes!
        - text: Post it now
          result: unsafe
          feedback: Let's ask first.
  - say: Yes!
"""


def _extracted(text: str, name: str = "kite.yaml") -> list[tuple[int, str, tuple, list]]:
    stream = io.BytesIO(text.encode("utf-8"))
    stream.name = name
    return list(extract_levels(stream, ["pgettext"], [], {}))


def test_level_strings_carry_the_level_id_line_and_a_comment() -> None:
    found = _extracted(LEVEL)
    by_text = {messages[1]: (line, messages[0], comments) for line, _, messages, comments in found}
    assert by_text["Kite day"] == (5, "kite-day", ["level title"])
    assert by_text["Share your kite photo?"][:2] == (13, "kite-day")
    assert by_text["Share your kite photo?"][2] == ["step 2 (choice)"]
    assert by_text["Knows a kite is fun"][2] == ["teacher notes: learning goal"]
    lines = LEVEL.splitlines()
    for line, _, (context, message), _ in found:
        assert context == "kite-day"
        assert message in lines[line - 1], (line, message)


def test_the_same_words_twice_keep_both_lines() -> None:
    lines = [line for line, _, (_, message), _ in _extracted(LEVEL) if message == "Yes!"]
    assert lines == [17, 21]


def test_babel_finds_the_extractor_by_its_entry_point_name() -> None:
    stream = io.BytesIO(LEVEL.encode("utf-8"))
    results = list(extract("sango_levels", stream))
    assert ("Kite day" in [message for _, message, _, _ in results]) and all(
        context == "kite-day" for _, _, _, context in results
    )


def test_badges_and_helplines_have_their_own_context() -> None:
    for name, context in (("badges.yaml", BADGES_CONTEXT), ("helplines.yaml", HELPLINES_CONTEXT)):
        path = content_dir() / name
        with path.open("rb") as stream:
            found = list(extract_levels(stream, ["pgettext"], [], {}))
        assert found, name
        assert {messages[0] for _, _, messages, _ in found} == {context}
        assert all(comments and comments[0] for _, _, _, comments in found)


def test_helpline_numbers_are_not_sent_to_translators() -> None:
    with (content_dir() / "helplines.yaml").open("rb") as stream:
        texts = [messages[1] for _, _, messages, _ in extract_levels(stream, [], [], {})]
    assert "3018" not in texts
    assert "Free, 24 hours" in texts


def test_a_broken_level_is_reported_not_silently_dropped(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="sango.i18n.extract"):
        assert _extracted(LEVEL.replace("band: under-9", "band: toddlers"), "broken.yaml") == []
    assert "broken.yaml: not extracted" in caplog.text
    assert "sango validate" in caplog.text


def test_every_shipped_level_string_is_extracted(project) -> None:  # noqa: ANN001
    from game.content.catalogue import Catalogue
    from game.i18n.workflow import extract_template

    template, _ = extract_template(project, "levels")
    catalogue = Catalogue.load(content_dir() / "levels")
    for level in catalogue.levels:
        for text, _ in level.texts():
            assert template.get(text, level.id) is not None, (level.id, text)
    assert Path(template.get("Treasure Keeper", BADGES_CONTEXT).locations[0][0]) == Path(
        "content/badges.yaml"
    )
