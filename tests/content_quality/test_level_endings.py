"""Every level ends by saying what to do and who to tell (CONTENT.md, "Tone and safety rules").

The ending is the part after the last question: the child has made every choice and now hears the
key messages: tell a trusted adult, you will not be in trouble, it is never your fault, and you
can say no, block, report or leave.
"""

from __future__ import annotations

import re
from typing import Any

from .content_files import INTERACTIVE_STEP_TYPES, step_texts

KEY_MESSAGES = {
    "who to tell (a trusted adult, grown-up, parent, carer or teacher)": re.compile(
        r"\b(trusted adult|grown-ups?|someone you trust|parents?|carers?|teachers?)\b",
        re.IGNORECASE,
    ),
    "you will not be in trouble": re.compile(
        r"\b(not|won't|will not|never) be in trouble\b|\bnot in trouble\b", re.IGNORECASE
    ),
    "it is never your fault": re.compile(r"\bnever (your|their|his|her) fault\b", re.IGNORECASE),
    "what you can do (say no, close, leave, block, report)": re.compile(
        r"\b(say no|close|leave|block|report)\b", re.IGNORECASE
    ),
}


def ending_of(level: dict[str, Any]) -> list[dict[str, Any]]:
    """The steps after the last interactive one, without the closing badge."""
    steps = level["steps"]
    last_question = max(
        (
            index
            for index, step in enumerate(steps)
            if any(key in step for key in INTERACTIVE_STEP_TYPES)
        ),
        default=-1,
    )
    return [step for step in steps[last_question + 1 :] if "badge" not in step]


def test_level_closes_with_a_badge(level: dict[str, Any]) -> None:
    assert "badge" in level["steps"][-1], (
        f"level {level['id']}: the last step should be a `badge` step, after the ending"
    )


def test_ending_says_what_to_do_and_who_to_tell(level: dict[str, Any]) -> None:
    ending = ending_of(level)
    assert ending, f"level {level['id']}: add closing `say` steps after the last question"
    words = " ".join(text for step in ending for text in step_texts(step))
    missing = [message for message, pattern in KEY_MESSAGES.items() if not pattern.search(words)]
    assert not missing, (
        f"level {level['id']}: the ending (the steps after the last question) does not say: "
        + "; ".join(missing)
    )
