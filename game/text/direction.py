"""Text direction: which way a paragraph runs, and the bidi embedding level of each character.

The levels come from python-bidi's implementation of the Unicode Bidirectional Algorithm
(UAX #9, rules P2 to I2). The text service then shapes each run of one level with HarfBuzz in
its own direction (so Arabic letters join) and puts the runs in visual order itself (rule L2):
python-bidi's `get_display` alone would reorder characters, which breaks Arabic shaping.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from bidi.algorithm import (
    explicit_embed_and_overrides,
    get_embedding_levels,
    get_empty_storage,
    resolve_implicit_levels,
    resolve_neutral_types,
    resolve_weak_types,
)

RTL_CLASSES = frozenset({"R", "AL", "AN", "RLE", "RLO", "RLI"})
STRONG_RTL = frozenset({"R", "AL"})
BRACKET_PAIRS = {"(": ")", "[": "]", "{": "}", "\uff08": "\uff09"}
"""Paired brackets (Unicode BidiBrackets.txt, the ones our texts use)."""


def has_rtl(text: str) -> bool:
    """Whether any character of the text runs right to left."""
    return any(unicodedata.bidirectional(char) in RTL_CLASSES for char in text)


def paragraph_rtl(text: str, ui_rtl: bool) -> bool:
    """Whether a paragraph runs right to left.

    In a right-to-left language a paragraph with any Arabic (or Hebrew) letter is right to left,
    even when it starts with a Latin name; an English fallback string stays left to right. In a
    left-to-right language only a paragraph without Latin letters (an Arabic nickname) is.
    """
    classes = [unicodedata.bidirectional(char) for char in text]
    if ui_rtl:
        return any(kind in STRONG_RTL for kind in classes) or "L" not in classes
    return "L" not in classes and any(kind in STRONG_RTL for kind in classes)


def levels(text: str, rtl: bool) -> list[int]:
    """The resolved embedding level of each character (even: left to right, odd: right to left).

    Characters the algorithm sets aside (joiners, format controls) take the level before them,
    so a zero-width non-joiner never splits an Arabic word into two runs.
    """
    if not text:
        return []
    if not rtl and not has_rtl(text):
        return [0] * len(text)
    storage = get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    get_embedding_levels(text, storage)
    characters = list(storage["chars"])
    explicit_embed_and_overrides(storage)
    resolve_weak_types(storage)
    kept = {id(entry) for entry in storage["chars"]}
    weak_types = [entry["type"] if id(entry) in kept else "BN" for entry in characters]
    resolve_neutral_types(storage, False)
    resolve_implicit_levels(storage, False)
    result: list[int] = []
    previous = storage["base_level"]
    for entry in characters:
        level = entry["level"] if id(entry) in kept else previous
        result.append(level)
        previous = level
    if len(result) != len(text):  # a surrogate pair on a narrow build; never on CPython 3
        return [storage["base_level"]] * len(text)
    _pair_brackets(text, weak_types, result, storage["base_level"])
    return result


def _strong(kind: str) -> str | None:
    """The direction a resolved type counts as when pairing brackets (numbers count as R)."""
    if kind == "L":
        return "L"
    if kind in ("R", "AL", "EN", "AN"):
        return "R"
    return None


def _pair_brackets(text: str, kinds: list[str], result: list[int], base: int) -> None:
    """Give both brackets of a pair one direction (UAX #9, rule N0, for one embedding level),
    so "مرحبا Sango (3) كيف" keeps "(3)" together and unmirrored."""
    embedding = "R" if base % 2 else "L"
    stack: list[int] = []
    for index, char in enumerate(text):
        if char in BRACKET_PAIRS:
            stack.append(index)
            continue
        closing = [i for i in stack if BRACKET_PAIRS[text[i]] == char]
        if not closing:
            continue
        opening = closing[-1]
        del stack[stack.index(opening) :]
        inside = {_strong(kind) for kind in kinds[opening + 1 : index]} - {None}
        if embedding in inside:
            direction = embedding
        elif inside:
            before = next(
                (
                    found
                    for kind in reversed(kinds[:opening])
                    if (found := _strong(kind)) is not None
                ),
                embedding,
            )
            direction = before
        else:
            continue
        level = base if direction == embedding else base + 1
        result[opening] = result[index] = level


def visual_order(run_levels: Sequence[int]) -> list[int]:
    """The display order of runs given in logical order with their levels (UAX #9, rule L2):
    from the highest level down to the lowest odd one, reverse every stretch at that level or
    higher."""
    order = list(range(len(run_levels)))
    if not run_levels:
        return order
    highest = max(run_levels)
    lowest_odd = min((level for level in run_levels if level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        start = None
        for position in range(len(order) + 1):
            inside = position < len(order) and run_levels[order[position]] >= level
            if inside and start is None:
                start = position
            elif not inside and start is not None:
                order[start:position] = reversed(order[start:position])
                start = None
    return order
