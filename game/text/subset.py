"""Building the bundled Chinese font: Noto Sans CJK SC cut down to the characters the game uses.

The full face holds 44,000 characters (16 MB per weight); the game needs the few hundred in its
catalogs. `sango catalogs compile` calls `write_cjk_subsets` after compiling the catalogs, so a
new translation never shows boxes. Needs fontTools (a development dependency) and the full font
(Debian/Ubuntu: `apt-get install fonts-noto-cjk`; or NotoSansCJKsc-*.otf / NotoSansSC-*.otf
from <https://github.com/notofonts/noto-cjk>, pointed to by SANGO_CJK_FONT_DIR).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from game.text.coverage import FontFileError, characters_in
from game.text.fonts import CJK_SUBSET_BOLD, CJK_SUBSET_REGULAR

ALWAYS_INCLUDED = (
    "".join(chr(code) for code in range(0x20, 0x7F))
    + "\u00a0\u00b7\u2014\u2026\u2018\u2019\u201c\u201d"
    + "".join(chr(code) for code in range(0x3000, 0x3020))
    + "".join(chr(code) for code in range(0xFF01, 0xFF5F))
)
"""ASCII, so numbers and Latin names in Chinese text share the face, and the CJK and
full-width punctuation, so any sentence can end properly."""

SEARCH_FOLDERS = (
    Path("/usr/share/fonts/opentype/noto"),
    Path("/usr/share/fonts/noto-cjk"),
    Path("/usr/share/fonts/google-noto-cjk"),
    Path("/usr/local/share/fonts"),
    Path.home() / "Library" / "Fonts",
    Path("/Library/Fonts"),
)
SOURCE_NAMES = {
    "Regular": (
        "NotoSansCJKsc-Regular.otf",
        "NotoSansSC-Regular.otf",
        "NotoSansCJK-Regular.ttc",
    ),
    "Bold": ("NotoSansCJKsc-Bold.otf", "NotoSansSC-Bold.otf", "NotoSansCJK-Bold.ttc"),
}


@dataclass(frozen=True)
class CjkSource:
    """A full Noto Sans CJK SC weight: a file, and the font's number inside a collection."""

    path: Path
    font_number: int


def find_source(weight: str, folder: Path | None = None) -> CjkSource | None:
    """The full Simplified Chinese face of a weight (`Regular` or `Bold`), if installed."""
    folders = [folder] if folder else []
    if os.environ.get("SANGO_CJK_FONT_DIR"):
        folders.append(Path(os.environ["SANGO_CJK_FONT_DIR"]).expanduser())
    folders.extend(SEARCH_FOLDERS)
    for place in folders:
        for name in SOURCE_NAMES[weight]:
            path = place / name
            if path.is_file():
                number = _simplified_chinese_number(path) if path.suffix == ".ttc" else 0
                if number is not None:
                    return CjkSource(path, number)
    return None


def _simplified_chinese_number(path: Path) -> int | None:
    """Which font of a CJK collection is the Simplified Chinese one (SC, not the JP default)."""
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(path), lazy=True)
    try:
        for number, font in enumerate(collection.fonts):
            names = [font["name"].getDebugName(number_id) or "" for number_id in (16, 1)]
            if any(name.endswith(" SC") and "Mono" not in name for name in names):
                return number
    finally:
        collection.close()
    return None


def wanted_characters(texts: Iterable[str]) -> set[int]:
    """The code points a subset must hold for these texts (plus ASCII and CJK punctuation)."""
    wanted = {ord(char) for char in ALWAYS_INCLUDED}
    for text in texts:
        wanted.update(ord(char) for char in text if not char.isspace() or char == " ")
    return wanted


def needs_rebuild(target: Path, wanted: set[int], source: CjkSource | None) -> bool:
    """Whether the bundled subset lacks a wanted character that the full face has (or holds
    characters no longer wanted)."""
    try:
        present = characters_in(target)
    except (OSError, FontFileError):
        return True
    if source is None:
        return False
    available = characters_in(source.path, source.font_number)
    return present != (wanted & available)


def write_subset(source: CjkSource, wanted: set[int], target: Path) -> None:
    """Cut the full face down to `wanted` and save it as an OpenType (CFF) font.

    Layout features are kept (vertical forms, localised punctuation), and the timestamp of the
    source is kept, so the same characters always give the same bytes in git.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.font_number = source.font_number
    font = TTFont(str(source.path), fontNumber=source.font_number, recalcTimestamp=False)
    try:
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(wanted))
        subsetter.subset(font)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".tmp")
        font.save(str(temporary))
        temporary.replace(target)
    finally:
        font.close()
    characters_in.cache_clear()


def write_cjk_subsets(
    texts: Iterable[str], fonts_dir: Path, source_dir: Path | None = None
) -> list[str]:
    """Rebuild both weights of the bundled Chinese font when the catalogs need other characters.

    Returns what happened, one line each (for the command's output).
    """
    wanted = wanted_characters(texts)
    report: list[str] = []
    for weight, name in (("Regular", CJK_SUBSET_REGULAR), ("Bold", CJK_SUBSET_BOLD)):
        target = fonts_dir / name
        source = find_source(weight, source_dir)
        if not needs_rebuild(target, wanted, source):
            report.append(f"{target}: up to date ({len(wanted)} characters wanted)")
            continue
        if source is None:
            report.append(
                f"{target}: NOT rebuilt: the full Noto Sans CJK SC {weight} font was not found "
                "(apt-get install fonts-noto-cjk, or set SANGO_CJK_FONT_DIR)"
            )
            continue
        write_subset(source, wanted, target)
        size = target.stat().st_size
        report.append(f"{target}: written, {len(characters_in(target))} characters, {size:,} bytes")
    return report
