"""Which characters a font file can draw, read from its `cmap` table.

pygame cannot tell: for a missing character SDL_ttf quietly uses the font's empty box (tofu),
and `Font.metrics` reports that box's size rather than None. The text service needs the truth
to pick a fallback font per character, so it reads the font's character map itself (TrueType
and OpenType/CFF files, and collections), with the standard library only.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path


class FontFileError(ValueError):
    """The file is not a font this reader understands."""


def _table_directory(data: bytes, font_number: int) -> dict[bytes, tuple[int, int]]:
    start = 0
    if data[:4] == b"ttcf":
        (count,) = struct.unpack_from(">I", data, 8)
        if not 0 <= font_number < count:
            raise FontFileError(f"the collection has {count} fonts, not {font_number + 1}")
        (start,) = struct.unpack_from(">I", data, 12 + 4 * font_number)
    (tables,) = struct.unpack_from(">H", data, start + 4)
    directory: dict[bytes, tuple[int, int]] = {}
    for index in range(tables):
        tag, _, offset, length = struct.unpack_from(">4sIII", data, start + 12 + 16 * index)
        directory[tag] = (offset, length)
    return directory


def _format_4(data: bytes, at: int) -> set[int]:
    (doubled,) = struct.unpack_from(">H", data, at + 6)
    segments = doubled // 2
    ends_at = at + 14
    starts_at = ends_at + doubled + 2
    deltas_at = starts_at + doubled
    ranges_at = deltas_at + doubled
    found: set[int] = set()
    for segment in range(segments):
        (end,) = struct.unpack_from(">H", data, ends_at + 2 * segment)
        (first,) = struct.unpack_from(">H", data, starts_at + 2 * segment)
        (delta,) = struct.unpack_from(">h", data, deltas_at + 2 * segment)
        range_offset_at = ranges_at + 2 * segment
        (range_offset,) = struct.unpack_from(">H", data, range_offset_at)
        for code in range(first, end + 1):
            if code == 0xFFFF:
                continue
            if range_offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                (glyph,) = struct.unpack_from(
                    ">H", data, range_offset_at + range_offset + 2 * (code - first)
                )
                if glyph:
                    glyph = (glyph + delta) & 0xFFFF
            if glyph:
                found.add(code)
    return found


def _format_12(data: bytes, at: int) -> set[int]:
    (groups,) = struct.unpack_from(">I", data, at + 12)
    found: set[int] = set()
    for group in range(groups):
        first, last, glyph = struct.unpack_from(">III", data, at + 16 + 12 * group)
        found.update(range(first if glyph else first + 1, last + 1))
    return found


@lru_cache(maxsize=32)
def characters_in(path: Path, font_number: int = 0) -> frozenset[int]:
    """The code points a font maps to a real glyph.

    Raises:
        OSError: The file cannot be read.
        FontFileError: It is not a TrueType/OpenType font or collection.
    """
    data = path.read_bytes()
    try:
        directory = _table_directory(data, font_number)
        if b"cmap" not in directory:
            raise FontFileError(f"{path.name} has no character map")
        cmap, _ = directory[b"cmap"]
        (count,) = struct.unpack_from(">H", data, cmap + 2)
        best: tuple[int, int] | None = None
        for index in range(count):
            platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * index)
            (kind,) = struct.unpack_from(">H", data, cmap + offset)
            unicode_table = platform == 0 or (platform == 3 and encoding in (1, 10))
            if unicode_table and kind in (4, 12):
                rank = 2 if kind == 12 else 1
                if best is None or rank > best[0]:
                    best = (rank, cmap + offset)
        if best is None:
            raise FontFileError(f"{path.name} has no Unicode character map")
        rank, at = best
        return frozenset(_format_12(data, at) if rank == 2 else _format_4(data, at))
    except struct.error as error:
        raise FontFileError(f"{path.name} is not a font file this game can read") from error
