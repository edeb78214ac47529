"""Every sentence stays within reach of its readers, and under-9 screens stay short.

A reading grade is an average, so one long line can hide in a level of short ones. CONTENT.md
asks for 1-2 short sentences per screen and two or three big choices in `under-9`.
"""

from __future__ import annotations

import re
from typing import Any

from .content_files import LEVEL_FILES, learner_texts, load_yaml, step_texts

MAX_WORDS_PER_SENTENCE = {"under-9": 12, "9-12": 20, "13-18": 25}
UNDER_9_MAX_SENTENCES_PER_SCREEN = 2
UNDER_9_MAX_OPTIONS = 3
SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")  # how textstat splits sentences


def test_no_sentence_runs_long(level: dict[str, Any]) -> None:
    limit = MAX_WORDS_PER_SENTENCE[level["band"]]
    for text in learner_texts(level):
        for sentence in SENTENCE.findall(text):
            words = len(sentence.split())
            assert words <= limit, (
                f"level {level['id']}: {words} words in one sentence ({level['band']} allows "
                f"{limit}); split it: {sentence.strip()!r}"
            )


def test_under_9_screens_hold_two_sentences_and_three_choices_at_most() -> None:
    levels = [load_yaml(path) for path in LEVEL_FILES]
    under_9 = [level for level in levels if level["band"] == "under-9"]
    assert under_9, "no under-9 level found"
    for level in under_9:
        for step in level["steps"]:
            for text in step_texts(step):
                # Like textstat, a line such as "Yes!" or "My home." is not a sentence of its own.
                sentences = [s for s in SENTENCE.findall(text) if len(s.split()) > 2]
                assert len(sentences) <= UNDER_9_MAX_SENTENCES_PER_SCREEN, (
                    f"level {level['id']}: {len(sentences)} sentences on one screen; under-9 "
                    f"screens hold {UNDER_9_MAX_SENTENCES_PER_SCREEN} at most: {text!r}"
                )
            if "choice" in step:
                options = step["choice"]["options"]
                assert len(options) <= UNDER_9_MAX_OPTIONS, (
                    f"level {level['id']}: {len(options)} options in one choice; under-9 offers "
                    f"{UNDER_9_MAX_OPTIONS} big choices at most: {step['choice']['prompt']!r}"
                )
