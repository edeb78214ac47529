"""The bundled font families, what each can draw, and which one a language reads best in.

Every script the game speaks has a bundled, open-licensed face: Noto Sans (Latin, Cyrillic,
Greek), Noto Sans Arabic, and Noto Sans CJK SC subset to the characters the catalogs use
(`sango catalogs compile` rebuilds it). OpenDyslexic, the easy-read font, only covers Latin:
with it on, Russian, Arabic and Chinese still read in Noto, and a Latin word inside them in
OpenDyslexic.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from game.text.coverage import FontFileError, characters_in

CJK_SUBSET_REGULAR = "NotoSansCJKsc-Subset-Regular.otf"
CJK_SUBSET_BOLD = "NotoSansCJKsc-Subset-Bold.otf"

LANGUAGE_SCRIPTS: dict[str, str] = {
    "ar": "Arab",
    "fa": "Arab",
    "ur": "Arab",
    "zh": "Hani",
    "ja": "Hani",
    "ru": "Cyrl",
    "uk": "Cyrl",
    "bg": "Cyrl",
    "sr": "Cyrl",
    "el": "Grek",
}
"""The script (ISO 15924) a language is written in; Latin when not listed."""

SCRIPT_SAMPLES: dict[str, str] = {
    "Latn": "a",
    "Cyrl": "ж",
    "Grek": "λ",
    "Arab": "ب",
    "Hani": "的",
}
"""A letter each script cannot do without: a face that lacks it cannot be the main face."""


@dataclass(frozen=True)
class Face:
    """One family: its regular and bold files, and the script it is mainly for."""

    regular: Path
    bold: Path | None
    script: str = "Latn"

    @property
    def characters(self) -> frozenset[int]:
        """The code points the regular file can draw (empty when it cannot be read)."""
        try:
            return characters_in(self.regular)
        except (OSError, FontFileError):
            return frozenset()

    def covers(self, char: str) -> bool:
        """Whether this face has a real glyph for `char`."""
        return ord(char) in self.characters


@dataclass(frozen=True)
class FontFiles:
    """The chosen family (regular and bold), plus the faces for other scripts as fallbacks."""

    regular: Path | None
    bold: Path | None
    fallbacks: tuple[Face, ...] = field(default=())
    easy_read: bool = False
    """The regular family is the easy-read (dyslexia) font."""

    def faces(self) -> tuple[Face, ...]:
        """Every face, the chosen family first."""
        own = (Face(self.regular, self.bold or self.regular),) if self.regular else ()
        return own + self.fallbacks


def find_fonts(fonts_dir: Path, dyslexia: bool) -> FontFiles:
    """The bundled font files for the chosen family, with every per-script fallback found."""

    def first(*names: str) -> Path | None:
        for name in names:
            path = fonts_dir / name
            if path.is_file():
                return path
        return None

    noto = first("NotoSans-Regular.ttf")
    noto_bold = first("NotoSans-Bold.ttf", "NotoSans-SemiBold.ttf")
    fallbacks: list[Face] = []
    arabic = first("NotoSansArabic-Regular.ttf")
    if arabic is not None:
        fallbacks.append(Face(arabic, first("NotoSansArabic-Bold.ttf") or arabic, "Arab"))
    cjk = first(CJK_SUBSET_REGULAR)
    if cjk is not None:
        fallbacks.append(Face(cjk, first(CJK_SUBSET_BOLD) or cjk, "Hani"))
    if dyslexia:
        regular = first("OpenDyslexic-Regular.otf", "OpenDyslexic-Regular.ttf")
        bold = first("OpenDyslexic-Bold.otf", "OpenDyslexic-Bold.ttf")
        if regular is not None:
            if noto is not None:
                fallbacks.insert(0, Face(noto, noto_bold or noto))
            return FontFiles(regular, bold or regular, tuple(fallbacks), easy_read=True)
    return FontFiles(noto, noto_bold or noto, tuple(fallbacks))


def script_of_language(language: str) -> str:
    """The script a language is written in, e.g. `Arab` for `ar`."""
    return LANGUAGE_SCRIPTS.get(language.split("_")[0].lower(), "Latn")


def face_order(faces: tuple[Face, ...], language: str) -> tuple[int, ...]:
    """Indexes of `faces`, the main face for the language first (the first one that has the
    language's letters), then the others in their own order."""
    sample = SCRIPT_SAMPLES.get(script_of_language(language), "a")
    main = next((index for index, face in enumerate(faces) if face.covers(sample)), 0)
    return (main, *(index for index in range(len(faces)) if index != main))


def script_of(char: str) -> str | None:
    """The script of a letter, for shaping; None for spaces, digits and punctuation."""
    code = ord(char)
    if (
        0x0600 <= code <= 0x06FF
        or 0x0750 <= code <= 0x077F
        or 0x08A0 <= code <= 0x08FF
        or 0xFB50 <= code <= 0xFDFF
        or 0xFE70 <= code <= 0xFEFF
    ):
        return "Arab"
    if 0x0400 <= code <= 0x052F:
        return "Cyrl"
    if 0x0370 <= code <= 0x03FF:
        return "Grek"
    if is_cjk(char):
        return "Hani" if char.isalpha() else None
    if unicodedata.category(char).startswith("L"):
        return "Latn"
    return None


def is_cjk(char: str) -> bool:
    """Whether a character is written in the CJK way: ideographs, kana and their punctuation."""
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
    )
