"""Where a line may break: at spaces, and between CJK characters (Chinese uses no spaces).

Chinese line breaking follows the usual no-break rules (kinsoku): a line never starts with
closing punctuation such as "，" or "。", and never ends with an opening bracket or quote.
No-break spaces (U+00A0, U+202F, as in French « guillemets ») never break.
"""

from __future__ import annotations

import re

from game.text.fonts import is_cjk

NO_LINE_START = frozenset(
    "，。、；：！？）》」』】〕〉｝］’”…‥・·〃々〜ー–—,.;:!?)]}%»›"
    "\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff01\uff1f\uff09"
)
"""Characters that stay with what comes before them."""

NO_LINE_END = frozenset("（《「『【〔〈｛［‘“([{«‹\uff08")
"""Characters that stay with what comes after them."""

BREAKING_SPACE = re.compile("[ \t\u1680\u2000-\u2006\u2008-\u200b\u205f\u3000]+")
"""Spaces a line may break at (not U+00A0, U+2007 or U+202F, which never break)."""

Unit = tuple[str, str]
"""(the space before it, a piece of text no line breaks inside)."""


def break_units(paragraph: str) -> list[Unit]:
    """Split one paragraph into the pieces a line may break between."""
    units: list[Unit] = []
    glue = ""
    position = 0
    for match in BREAKING_SPACE.finditer(paragraph):
        _add_word(units, glue, paragraph[position : match.start()])
        glue = match.group().replace("\u200b", "")
        position = match.end()
    _add_word(units, glue, paragraph[position:])
    return _keep_punctuation_attached(units)


def _keep_punctuation_attached(units: list[Unit]) -> list[Unit]:
    """A lone closing mark joins the piece before it and a lone opening mark the piece after
    it, so French "Bonjour !" or "« Salut »" never breaks at the space inside."""
    joined: list[Unit] = []
    pending: Unit | None = None
    for glue, text in units:
        if pending is not None:
            glue, text = pending[0], pending[1] + glue + text
            pending = None
        if joined and all(char in NO_LINE_START for char in text):
            before_glue, before = joined.pop()
            joined.append((before_glue, before + glue + text))
        elif all(char in NO_LINE_END for char in text):
            pending = (glue, text)
        else:
            joined.append((glue, text))
    if pending is not None:
        joined.append(pending)
    return joined


def _add_word(units: list[Unit], glue: str, word: str) -> None:
    if not word:
        return
    start = 0
    for index in range(1, len(word)):
        if _may_break(word[index - 1], word[index]):
            units.append((glue, word[start:index]))
            glue = ""
            start = index
    units.append((glue, word[start:]))


def _may_break(before: str, after: str) -> bool:
    """Whether a line may break between two characters of one word."""
    if not (is_cjk(before) or is_cjk(after)):
        return False
    return after not in NO_LINE_START and before not in NO_LINE_END


def join_units(units: list[Unit]) -> str:
    """The text of units on one line (no space at its start)."""
    if not units:
        return ""
    return units[0][1] + "".join(glue + text for glue, text in units[1:])
