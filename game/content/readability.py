"""How hard a level's words are to read: the Flesch-Kincaid grade, computed the game's own way.

The content guide sets a grade per band (CONTENT.md), measured as the `textstat` package does.
textstat is a development tool only, and it looks words up in the CMU Pronouncing Dictionary,
which the game does not ship. So the game counts syllables with a spelling rule of thumb
instead, and otherwise follows textstat step by step: the same sentence split (a "sentence" of
two words or fewer is not counted), the same word list (punctuation removed, contractions kept
whole) and the same formula. The result approximates textstat's grade: on the shipped levels
it stays within half a grade of it (tests/authoring/test_readability.py holds it to 0.75).
Treat it as advice, and check a level near its band's limit with textstat itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from game.content.models import Level
from game.steps.say import SANGO

MAX_GRADE = {"under-9": 2.0, "9-12": 5.0, "13-18": 8.0}
"""The highest Flesch-Kincaid grade each band's words may read at (CONTENT.md)."""

_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
"""A sentence as textstat splits them."""
_SENTENCE_ENDS = (".", "!", "?")
_CLOSING_MARKS = "\"')\u201d\u2019"
_CONTRACTION_ENDINGS = r"(?:s|d|ll|m|re|ve|t|n't)\b"
_STRAY_APOSTROPHE = re.compile(r"'(?!" + _CONTRACTION_ENDINGS + ")")
_PUNCTUATION = re.compile(r"[^\w\s']")

_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_SPOKEN_AS = {
    "ok": 2,
    "tv": 2,
    "eye": 1,
    "maybe": 2,
    "area": 3,
    "idea": 3,
    "ideas": 3,
    "business": 2,
}
"""Common words the spelling rules get wrong, with the syllables they are said with."""
_RESPELT = ((re.compile(r"^some(?=[^aeiouy])"), "som"), (re.compile(r"^every(?=[a-z])"), "evry"))
"""Spellings to simplify before counting: "something" and "everyone" say fewer syllables."""
_SUFFIX_AFTER_SILENT_E = re.compile(
    r"(?<=[^aeiou])e(?=(?:ly|ful|ment|ness|less|work|time|times|where|thing|ty)$)"
)
"""The silent e before a suffix: "safely", "careful", "homework", "safety"."""
_SAID_APART = (
    re.compile(r"[aeiouy]ing"),  # do-ing, play-ing, see-ing
    re.compile(r"i[ao]"),  # ra-di-o, pi-an-o, vi-o-lent
    re.compile(r"ie(?=r|st$|t|nt|nce)"),  # eas-i-er, qui-et, cli-ent, sci-ence
    re.compile(r"(?<![qg])ua"),  # u-su-al, ac-tu-al
    re.compile(r"eos?$"),  # vid-e-o
    re.compile(r"(?:^|h)ours?$"),  # our, hour
    re.compile(r"[^aeiou]ire[ds]?$"),  # fire, tired
    re.compile(r"(?<=[a-z])y(?:[aou]|e(?![ds]$)|i(?!ng))"),  # an-y-one, play-er (not played)
)
"""Vowels side by side that are said as two syllables."""
_SAID_TOGETHER = re.compile(r"[cgstx]i(?:on|an|al|ous)|nion")
"""...except in endings said as one: -tion, -sion, -cial, -tious, -nion."""


def syllables(word: str) -> int:
    """The syllables in one English word, by its spelling.

    Counts groups of vowels, drops a silent e, then adds vowels said apart. It agrees with the
    CMU Pronouncing Dictionary on 99 in 100 words of the game's own text and on about 9 in 10
    words picked from the whole dictionary (names and rare words are where it slips).
    """
    word = word.lower().strip("'")
    extra = 0
    if word.endswith("n't"):
        extra = 0 if word[:-3].endswith(("o", "a")) else 1  # do-n't: 1; does-n't: 2
        word = word[:-3]
    word = re.sub(r"'(?:s|d|ll|m|re|ve)$", "", word)
    letters = re.sub(r"[^a-z]", "", word)
    if not letters:
        return 1
    if letters in _SPOKEN_AS:
        return _SPOKEN_AS[letters] + extra
    for pattern, replacement in _RESPELT:
        letters = pattern.sub(replacement, letters)
    letters = _SUFFIX_AFTER_SILENT_E.sub("", letters)
    count = len(_VOWEL_GROUP.findall(letters.removeprefix("y")))
    if count > 1 and _silent_ending(letters):
        count -= 1
    count += sum(len(pattern.findall(letters)) for pattern in _SAID_APART)
    count -= len(_SAID_TOGETHER.findall(letters))
    return max(1, count) + extra


def _silent_ending(letters: str) -> bool:
    """Whether the word ends in an e that is not said: make, makes, liked, whole (but little,
    tables, troubled, passes, changes, wanted and free are said)."""
    if re.search(r"[^aeiouyl]l(?:e|es|ed)$", letters):
        return False
    if letters.endswith("es"):
        if re.search(r"(?:[sxzgc]|ch|sh)es$", letters):
            return False
        return re.search(r"[^aeiouy]es$", letters) is not None
    if letters.endswith("ed"):
        return re.search(r"[^aeioutd]ed$", letters) is not None
    return re.search(r"[^aeiouy]e$", letters) is not None


def words(text: str) -> list[str]:
    """The words of a text as textstat lists them: punctuation gone, contractions whole."""
    text = _STRAY_APOSTROPHE.sub("", text)
    return _PUNCTUATION.sub("", text).split()


def sentences(text: str) -> int:
    """How many sentences textstat counts: pieces ending in . ! or ?, but not those of two
    words or fewer ("Yes!", "Hi, Amara."); at least one."""
    found = _SENTENCE.findall(text)
    short = sum(1 for sentence in found if len(words(sentence)) <= 2)
    return max(1, len(found) - short) if text else 0


def grade(text: str) -> float:
    """The Flesch-Kincaid grade: 0.39 x words per sentence + 11.8 x syllables per word - 15.59.

    0.0 for a text without words, as textstat gives.
    """
    listed = words(text)
    counted = sentences(text)
    if not listed or not counted:
        return 0.0
    total = sum(syllables(word) for word in listed)
    return 0.39 * len(listed) / counted + 11.8 * total / len(listed) - 15.59


def as_sentences(texts: Iterable[str]) -> str:
    """Separate lines joined into one text, each closed as a sentence of its own.

    An option such as "Ask a grown-up" has no full stop on screen, but it is a line of its own:
    without one it would run into the next line as one long sentence.
    """
    closed = []
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if not text.rstrip(_CLOSING_MARKS).endswith(_SENTENCE_ENDS):
            text += "."
        closed.append(text)
    return " ".join(closed)


def learner_texts(level: Level) -> Iterator[str]:
    """Every word a child reads or hears in a level: the title, the summary and each step's
    texts. Teacher notes are left out (adults read those), and so are names: a speaker's or a
    chat contact's name is not a word to read at a grade."""
    from game.steps.chat import ChatStep
    from game.steps.say import SayStep

    yield level.title
    if level.summary is not None:
        yield level.summary
    for step in level.steps:
        names: set[str] = set()
        if isinstance(step, SayStep) and step.speaker != SANGO:
            names.add(step.speaker)
        if isinstance(step, ChatStep):
            names.update(contact.name for contact in step.chat.contacts)
        yield from (text for text in step.translatable_texts() if text not in names)


@dataclass(frozen=True)
class Reading:
    """How a level reads, against the grade its band allows."""

    grade: float
    allowed: float

    @property
    def too_hard(self) -> bool:
        """Whether the level reads above its band."""
        return self.grade > self.allowed


def level_reading(level: Level) -> Reading:
    """The reading grade of a level's learner text, and its band's limit."""
    return Reading(grade(as_sentences(learner_texts(level))), MAX_GRADE[str(level.band)])


def hardest_sentences(level: Level, count: int = 2) -> list[str]:
    """The sentences that push the grade up most: the longest in words, then in syllables."""
    found = [
        sentence.strip()
        for text in learner_texts(level)
        for sentence in _SENTENCE.findall(text)
        if len(words(sentence)) > 2
    ]

    def weight(sentence: str) -> tuple[int, int]:
        listed = words(sentence)
        return len(listed), sum(syllables(word) for word in listed)

    return sorted(dict.fromkeys(found), key=weight, reverse=True)[:count]
