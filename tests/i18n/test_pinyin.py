"""Chinese narration on eSpeak NG: Hanzi become numbered pinyin the cmn-latn-pinyin voice reads."""

from __future__ import annotations

import shutil
import subprocess

from game.i18n.pinyin import ESPEAK_PINYIN_VOICE, chinese_number, to_pinyin


def test_hanzi_become_pinyin_with_tone_numbers() -> None:
    assert to_pinyin("你好，桑戈！") == "ni3 hao3, sang1 ge1!"


def test_words_get_their_own_reading() -> None:
    assert to_pinyin("银行") == "yin2 hang2"
    assert to_pinyin("长大") == "zhang3 da4"
    assert to_pinyin("朋友们") == "peng2 you3 men5"


def test_numbers_are_read_in_chinese_and_phone_numbers_digit_by_digit() -> None:
    assert to_pinyin("3颗星") == "san1 ke1 xing1"
    assert to_pinyin("12355") == "yi1 er4 san1 wu3 wu3"
    assert [chinese_number(n) for n in (10, 15, 105, 2024)] == [
        "十",
        "十五",
        "一百零五",
        "二千零二十四",
    ]


def test_latin_words_and_punctuation_stay_readable() -> None:
    assert to_pinyin("Sango说：“不要。”") == 'Sango shuo1: " bu2 yao4. "'


def test_espeak_ng_reads_the_pinyin(tmp_path) -> None:  # noqa: ANN001
    espeak = shutil.which("espeak-ng")
    assert espeak is not None, (
        "espeak-ng is part of the development set-up (apt-get install espeak-ng)"
    )
    out = tmp_path / "hello.wav"
    subprocess.run(
        [espeak, "-v", ESPEAK_PINYIN_VOICE, "-w", str(out), to_pinyin("你好，我是桑戈。")],
        check=True,
        capture_output=True,
        timeout=30,
    )
    assert out.stat().st_size > 10_000
