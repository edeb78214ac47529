"""Chinese text as numbered pinyin, for eSpeak NG's `cmn-latn-pinyin` voice.

eSpeak NG reads Hanzi badly (its Mandarin dictionary is small and guesses many characters),
but it reads pinyin with tone numbers well. pypinyin knows the readings of words, so
"银行" becomes "yin2 hang2" and "长大" "zhang3 da4".

What each platform gives for Chinese narration:

- Linux: eSpeak NG (through pyttsx3 or speech-dispatcher). Use ESPEAK_PINYIN_VOICE with
  `to_pinyin(text)`. The plain `cmn` voice also accepts Hanzi, with more mistakes.
- Windows: SAPI reads Hanzi itself when a Chinese voice is installed (Microsoft Huihui or
  Xiaoxiao come with the Chinese language pack). Pass the Hanzi unchanged.
- macOS: the system voices read Hanzi (Tingting for Mandarin, China). Pass the Hanzi unchanged.
- A screen reader (NVDA, JAWS, VoiceOver, Orca) gets the Hanzi: it has its own Chinese voice.
"""

from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

ESPEAK_PINYIN_VOICE = "cmn-latn-pinyin"
"""The eSpeak NG voice that reads numbered pinyin."""

PUNCTUATION = {
    "，": ", ",
    "、": ", ",
    "。": ". ",
    "！": "! ",
    "？": "? ",
    "：": ": ",
    "；": "; ",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "（": " (",
    "）": ") ",
    "《": '"',
    "》": '"',
    "「": '"',
    "」": '"',
    "…": "... ",
    "—": ", ",
    "～": " ",
}
"""Chinese punctuation as the ASCII marks a speech engine pauses at."""

DIGITS = "零一二三四五六七八九"
UNITS = ("", "十", "百", "千")
NUMBER = re.compile(r"\d+")


def chinese_number(number: int) -> str:
    """A whole number in Chinese characters, as it is read aloud: 12 -> 十二, 305 -> 三百零五.

    Numbers of 10,000 and more are read digit by digit, as phone numbers are.
    """
    if number >= 10000:
        return "".join(DIGITS[int(digit)] for digit in str(number))
    if number == 0:
        return DIGITS[0]
    digits = [int(digit) for digit in str(number)]
    words: list[str] = []
    zero_pending = False
    for position, digit in enumerate(digits):
        place = len(digits) - position - 1
        if digit == 0:
            zero_pending = bool(words)
            continue
        if zero_pending:
            words.append(DIGITS[0])
            zero_pending = False
        if not (digit == 1 and place == 1 and not words):
            words.append(DIGITS[digit])
        words.append(UNITS[place])
    return "".join(words)


def _speakable(text: str) -> str:
    """Numbers as Chinese words; long digit strings (phone numbers) one by one."""

    def replace(match: re.Match[str]) -> str:
        digits = match.group()
        if len(digits) > 4:
            return "".join(DIGITS[int(digit)] for digit in digits)
        return chinese_number(int(digits))

    return NUMBER.sub(replace, text)


def to_pinyin(text: str) -> str:
    """Chinese text as pinyin syllables with tone numbers (5 = neutral tone), for
    `espeak-ng -v cmn-latn-pinyin`. Latin words and numbers in the text stay readable.

    >>> to_pinyin("你好，桑戈！")
    'ni3 hao3, sang1 ge1!'
    """
    pieces = lazy_pinyin(_speakable(text), style=Style.TONE3, neutral_tone_with_five=True)
    spoken = " ".join(pieces)
    for mark, replacement in PUNCTUATION.items():
        spoken = spoken.replace(mark, replacement)
    spoken = re.sub(r"\s+([,.!?:;)])", r"\1", spoken)
    spoken = re.sub(r"\(\s+", "(", spoken)
    return re.sub(r"\s{2,}", " ", spoken).strip()
