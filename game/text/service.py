"""One place for all text work: font choice per script, scale, spacing, bidi, shaping, wrapping
and caching.

A line of text becomes runs: stretches drawn with one face (the language's main face, or a
fallback face for a character it lacks) at one bidi level. Each run is shaped by HarfBuzz
through pygame-ce (`Font.set_script`, `Font.set_direction`), so Arabic letters join, and the
runs are placed in visual order, so mixed Arabic and Latin text reads right.
"""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.i18n.catalog import RTL_LANGUAGES
from game.text.breaking import break_units
from game.text.direction import has_rtl, levels, paragraph_rtl, visual_order
from game.text.fonts import Face, FontFiles, face_order, find_fonts, script_of

if TYPE_CHECKING:
    from game.audit.drawlog import DrawLog

__all__ = ["FontFiles", "Run", "TextService", "find_fonts"]

ROLE_SIZES: dict[str, int] = {
    "small": 28,
    "body": 30,
    "button": 30,
    "heading": 40,
    "title": 64,
}
"""Pixel sizes on the 1280x720 canvas at 100% text. Nothing a child reads is below 28 px."""

BOLD_ROLES = frozenset({"button", "heading", "title"})
CACHE_LIMIT = 600
CACHE_BYTES = 32 * 1024 * 1024
"""The rendered blocks kept, in pixel bytes: at 200% one wrapped block can take half a
megabyte, so 600 of them could outgrow the memory of an old laptop."""
NEAR_LIMIT = (0.97, 1.03)
"""Below the first share of the width a line surely fits; above the second it surely does not."""
MEASURE_LIMIT = 20000

TALL_METRICS = 1.5
"""A face whose line box is taller than this many em reserves room for rare stacked marks
(Noto Sans Arabic does: 2.1 em). Its lines are spaced by the ink of real text instead."""
INK_SAMPLES: dict[str, str] = {
    "Arab": "حقًّا عالٍ أُنشئ إِنَّ آلَاتِي ظِلٌّ شَيْءٍ لأَنَّ ئ ؟",
}
"""Words with the tallest and deepest mark stacks found in real text (shadda with tanween over
an alef, kasratan under a lam): the line box of a tall face is their ink."""
INK_PADDING = 0.04
"""Room kept above and below the ink of the sample, in em."""


class FaceFont(pygame.font.Font):
    """A pygame font that reports the line box the text service lays lines out with."""

    real_ascent: int
    real_height: int
    box_ascent: int
    box_descent: int

    def get_ascent(self) -> int:
        return self.box_ascent

    def get_descent(self) -> int:
        return -self.box_descent

    def get_height(self) -> int:
        return self.box_ascent + self.box_descent

    def get_linesize(self) -> int:
        return self.box_ascent + self.box_descent


@dataclass(frozen=True)
class Run:
    """A stretch of one line drawn with one face in one direction; text in logical order."""

    text: str
    face: int
    level: int
    script: str

    @property
    def rtl(self) -> bool:
        """Whether HarfBuzz lays this run out right to left."""
        return self.level % 2 == 1


class TextService:
    """Renders wrapped, scaled text to surfaces, with an LRU cache bounded in entries."""

    def __init__(
        self,
        fonts: FontFiles,
        scale: int = 100,
        line_spacing: float = 1.25,
        language: str = "en",
    ) -> None:
        self._fonts_files = fonts
        self.scale = scale
        self.line_spacing = line_spacing
        self.language = language
        self._fonts: dict[tuple[object, ...], FaceFont] = {}
        self._boxes: dict[tuple[int, bool, int], tuple[int, int]] = {}
        self._cache: OrderedDict[tuple[object, ...], pygame.Surface] = OrderedDict()
        self._cache_bytes = 0
        self._widths: dict[tuple[object, ...], int] = {}
        self._runs: dict[tuple[object, ...], list[Run]] = {}
        self._wraps: dict[tuple[str, str, int], tuple[str, ...]] = {}
        self.log: DrawLog | None = None
        """When set, told about every block rendered (see game/audit/drawlog.py)."""
        self._set_faces()

    def _set_faces(self) -> None:
        self.faces: tuple[Face, ...] = self._fonts_files.faces()
        self._coverage = [face.characters for face in self.faces]
        self._order = face_order(self.faces, self.language) if self.faces else ()

    def configure(
        self,
        fonts: FontFiles,
        scale: int,
        line_spacing: float,
        language: str | None = None,
    ) -> None:
        """Change family, scale, spacing or language; clears what no longer applies."""
        if fonts != self._fonts_files:
            self._fonts.clear()
            self._boxes.clear()
        self._fonts_files = fonts
        self.scale = scale
        self.line_spacing = line_spacing
        if language is not None:
            self.language = language
        self._set_faces()
        self._cache.clear()
        self._cache_bytes = 0
        self._widths.clear()
        self._runs.clear()
        self._wraps.clear()

    @property
    def rtl(self) -> bool:
        """Whether the current language is written right to left."""
        return self.language.split("_")[0] in RTL_LANGUAGES

    @property
    def cache_size(self) -> int:
        """How many rendered blocks are cached (bounded by CACHE_LIMIT)."""
        return len(self._cache)

    # Fonts -------------------------------------------------------------------------------
    def size(self, role: str) -> int:
        """The pixel size of a text role at the current scale."""
        return round(ROLE_SIZES[role] * self.scale / 100)

    def font(self, role: str) -> pygame.font.Font:
        """The main font of the language for a text role at the current scale."""
        main = self._order[0] if self._order else -1
        script = self.faces[main].script if self.faces else "Latn"
        return self._face_font(main, role in BOLD_ROLES, self.size(role), self.rtl, script)

    def _face_font(self, face: int, bold: bool, size: int, rtl: bool, script: str) -> FaceFont:
        key = (face, bold, size, rtl, script)
        font = self._fonts.get(key)
        if font is not None:
            return font
        font = self._open(face, bold, size)
        try:
            font.set_script(script)
            if rtl:
                font.set_direction(pygame.DIRECTION_RTL)
        except (pygame.error, ValueError, AttributeError):
            pass  # an SDL_ttf without HarfBuzz: letters still show, unjoined
        font.box_ascent, font.box_descent = self._box(face, bold, size)
        self._fonts[key] = font
        return font

    def _open(self, face: int, bold: bool, size: int) -> FaceFont:
        path: Path | None = None
        if 0 <= face < len(self.faces):
            chosen = self.faces[face]
            path = (chosen.bold or chosen.regular) if bold else chosen.regular
        try:
            font = FaceFont(path, size)
        except (OSError, pygame.error, FileNotFoundError):
            font = FaceFont(None, size)
        font.real_ascent = pygame.font.Font.get_ascent(font)
        font.real_height = pygame.font.Font.get_height(font)
        font.box_ascent = font.real_ascent
        font.box_descent = -pygame.font.Font.get_descent(font)
        return font

    def _box(self, face: int, bold: bool, size: int) -> tuple[int, int]:
        """The ascent and descent lines of this face are laid out with."""
        key = (face, bold, size)
        box = self._boxes.get(key)
        if box is not None:
            return box
        font = self._open(face, bold, size)
        ascent, descent = font.real_ascent, font.box_descent
        script = self.faces[face].script if 0 <= face < len(self.faces) else "Latn"
        sample = INK_SAMPLES.get(script)
        if sample and ascent + descent > TALL_METRICS * size:
            try:
                font.set_script(script)
                font.set_direction(
                    pygame.DIRECTION_RTL if script == "Arab" else pygame.DIRECTION_LTR
                )
            except (pygame.error, ValueError, AttributeError):
                pass
            ink = font.render(sample, True, (0, 0, 0)).get_bounding_rect()
            padding = round(INK_PADDING * size)
            if ink.height > 0:
                ascent = min(ascent, font.real_ascent - ink.top + padding)
                descent = min(descent, ink.bottom - font.real_ascent + padding)
        box = (ascent, descent)
        self._boxes[key] = box
        return box

    # Runs --------------------------------------------------------------------------------
    def _face_of(self, char: str, current: int | None) -> int:
        code = ord(char)
        category = unicodedata.category(char)
        if current is not None and (
            category.startswith("M") or category == "Cf" or char in "\u200c\u200d"
        ):
            return current
        if (
            current is not None
            and 0 <= current < len(self._coverage)  # -1: no font files at all
            and not category.startswith("L")
            and code in self._coverage[current]
        ):
            return current
        for index in self._order:
            if code in self._coverage[index]:
                return index
        return self._order[0] if self._order else -1

    def runs(
        self, line: str, rtl: bool | None = None, char_levels: Sequence[int] | None = None
    ) -> list[Run]:
        """One line as runs in visual order (left to right on screen).

        Args:
            line: The text of one line, no line breaks.
            rtl: The paragraph's direction; worked out from the text and language when None.
            char_levels: The bidi levels of the line's characters, resolved on the whole
                paragraph (UAX #9 reorders each line by its paragraph's levels); resolved on
                the line alone when None.
        """
        if rtl is None:
            rtl = paragraph_rtl(line, self.rtl)
        key = (line, rtl, tuple(char_levels) if char_levels is not None else None)
        cached = self._runs.get(key)
        if cached is not None:
            return cached
        if char_levels is None:
            char_levels = levels(line, rtl)
        logical: list[Run] = []
        start = 0
        current: int | None = None
        faces: list[int] = []
        for char in line:
            current = self._face_of(char, current)
            faces.append(current)
        for index in range(1, len(line) + 1):
            if (
                index == len(line)
                or faces[index] != faces[start]
                or char_levels[index] != char_levels[start]
            ):
                text = line[start:index]
                face = faces[start]
                script = next(
                    (found for char in text if (found := script_of(char))),
                    self.faces[face].script if 0 <= face < len(self.faces) else "Latn",
                )
                logical.append(Run(text, face, char_levels[start], script))
                start = index
        result = [logical[index] for index in visual_order([run.level for run in logical])]
        if len(self._runs) > MEASURE_LIMIT:
            self._runs.clear()
        self._runs[key] = result
        return result

    def _run_font(self, run: Run, role: str) -> FaceFont:
        return self._face_font(run.face, role in BOLD_ROLES, self.size(role), run.rtl, run.script)

    def missing_characters(self, text: str) -> set[str]:
        """Characters of the text that no bundled face can draw (they would show as boxes)."""
        return {
            char
            for char in text
            if not char.isspace()
            and unicodedata.category(char) not in ("Cc", "Cf")
            and not any(ord(char) in coverage for coverage in self._coverage)
        }

    def face_for(self, char: str) -> Face | None:
        """The face that draws a letter in the current language."""
        index = self._face_of(char, None)
        return self.faces[index] if 0 <= index < len(self.faces) else None

    # Measuring and wrapping --------------------------------------------------------------
    def line_height(self, role: str) -> int:
        """Distance between baselines for a role, with the line-spacing setting.

        A face with a trimmed line box (Arabic) already holds room for its marks, so its lines
        are spaced like Latin text of the same size, or by the box when that is taller.
        """
        font = self.font(role)
        if not self._order or font.box_ascent + font.box_descent >= font.real_height:
            return round(font.get_linesize() * self.line_spacing)
        reference = next(
            (
                self._face_font(index, role in BOLD_ROLES, self.size(role), False, "Latn")
                for index in self._order
                if self.faces[index].script == "Latn"
            ),
            None,
        )
        latin = reference.get_linesize() if reference is not None else font.get_linesize()
        return max(font.get_linesize(), round(latin * self.line_spacing))

    def _width(
        self,
        line: str,
        role: str,
        rtl: bool | None = None,
        char_levels: Sequence[int] | None = None,
    ) -> int:
        key = (line, role, self.size(role), rtl, tuple(char_levels) if char_levels else None)
        width = self._widths.get(key)
        if width is None:
            width = sum(
                self._run_font(run, role).size(run.text)[0]
                for run in self.runs(line, rtl, char_levels)
            )
            if len(self._widths) > MEASURE_LIMIT:
                self._widths.clear()
            self._widths[key] = width
        return width

    def measure(self, text: str, role: str) -> tuple[int, int]:
        """Width and height of the text unwrapped (each line break starts a new line)."""
        paragraphs = text.split("\n")
        width = max(self._width(paragraph, role) for paragraph in paragraphs)
        return width, self._block_height(len(paragraphs), role)

    def wrap(self, text: str, role: str, width: int) -> list[str]:
        """Break text into lines no wider than `width`, keeping explicit line breaks.

        Lines break at spaces, and between Chinese characters (never before a closing mark
        such as "。" or after an opening one such as "“").
        """
        key = (text, role, width)
        wrapped = self._wraps.get(key)
        if wrapped is None:  # layouts and every frame ask again for the same blocks
            lines: list[str] = []
            for paragraph in text.split("\n"):
                lines.extend(self._wrap_paragraph(paragraph, role, width))
            if len(self._wraps) >= CACHE_LIMIT:
                self._wraps.clear()
            wrapped = self._wraps[key] = tuple(lines)
        return list(wrapped)

    def _wrap_paragraph(self, paragraph: str, role: str, width: int) -> list[str]:
        _, spans, _ = self._wrap_spans(paragraph, role, width)
        return [paragraph[start:end] for start, end in spans]

    def _wrap_spans(
        self, paragraph: str, role: str, width: int | None
    ) -> tuple[bool, list[tuple[int, int]], list[int] | None]:
        """The paragraph's direction, its lines as (start, end) offsets, and its bidi levels
        (None when it is all left to right). Levels are resolved once for the paragraph."""
        rtl = paragraph_rtl(paragraph, self.rtl)
        paragraph_levels = levels(paragraph, rtl) if rtl or has_rtl(paragraph) else None

        def measure(start: int, end: int) -> int:
            part = paragraph_levels[start:end] if paragraph_levels is not None else None
            return self._width(paragraph[start:end], role, rtl, part)

        def fits(start: int, end: int) -> bool:
            return measure(start, end) <= width

        units = break_units(paragraph)
        if not units or not width:
            return rtl, [(0, len(paragraph))], paragraph_levels
        spans: list[tuple[int, int]] = []
        line_start: int | None = None
        line_end = line_width = 0
        cursor = 0
        for _, unit in units:
            start = paragraph.find(unit, cursor)
            end = start + len(unit)
            cursor = end
            if line_start is not None:
                # Widths add up, except for kerning where two pieces meet; measure the whole
                # line only when the sum comes close to the limit.
                estimate = line_width + measure(line_end, end)
                if estimate <= width * NEAR_LIMIT[0] or (
                    estimate <= width * NEAR_LIMIT[1]
                    and (estimate := measure(line_start, end)) <= width
                ):
                    line_end, line_width = end, estimate
                    continue
                spans.append((line_start, line_end))
            line_start, line_end = start, end
            while line_end - line_start > 1 and not fits(line_start, line_end):
                cut = self._longest_fitting_span(line_start, line_end, fits)
                spans.append((line_start, cut))
                line_start = cut
            line_width = measure(line_start, line_end)
        spans.append((line_start if line_start is not None else 0, line_end))
        return rtl, spans, paragraph_levels

    @staticmethod
    def _longest_fitting_span(start: int, end: int, fits) -> int:  # noqa: ANN001
        """The end of the longest piece from `start` that fits (at least one character)."""
        low, high = start + 1, end
        while low < high:
            middle = (low + high + 1) // 2
            if fits(start, middle):
                low = middle
            else:
                high = middle - 1
        return max(start + 1, low)

    def block_height(self, text: str, role: str, width: int) -> int:
        """The height a wrapped block of text takes."""
        lines = self.wrap(text, role, width)
        return self._block_height(len(lines), role)

    def _block_height(self, count: int, role: str) -> int:
        font = self.font(role)
        return font.get_height() + max(0, count - 1) * self.line_height(role)

    # Rendering ---------------------------------------------------------------------------
    def render(
        self,
        text: str,
        role: str,
        colour: tuple[int, int, int],
        width: int | None = None,
        align: str = "start",
    ) -> pygame.Surface:
        """A transparent surface holding the text, wrapped to `width` when given.

        `align` is "start" (left, or right in a right-to-left language), "end", "left",
        "right" or "center".
        """
        key = (
            text,
            role,
            colour,
            width,
            align,
            self.scale,
            self.line_spacing,
            self.language,
        )
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return self._logged(cached, text, role, colour)
        surface = self._render(text, role, colour, width, align)
        self._cache[key] = surface
        self._cache_bytes += surface.get_pitch() * surface.get_height()
        while len(self._cache) > CACHE_LIMIT or (
            self._cache_bytes > CACHE_BYTES and len(self._cache) > 1
        ):
            _, dropped = self._cache.popitem(last=False)
            self._cache_bytes -= dropped.get_pitch() * dropped.get_height()
        return self._logged(surface, text, role, colour)

    def _logged(
        self, surface: pygame.Surface, text: str, role: str, colour: tuple[int, int, int]
    ) -> pygame.Surface:
        """Report a block to the attached draw log (audit, narration); it says what to draw."""
        if self.log is None:
            return surface
        return self.log.text_rendered(surface, text, role, colour)

    def _physical_align(self, align: str) -> str:
        if align == "start":
            return "right" if self.rtl else "left"
        if align == "end":
            return "left" if self.rtl else "right"
        return align

    def _render(
        self, text: str, role: str, colour: tuple[int, int, int], width: int | None, align: str
    ) -> pygame.Surface:
        lines: list[tuple[str, bool, list[int] | None]] = []
        for paragraph in text.split("\n"):
            rtl, spans, paragraph_levels = self._wrap_spans(paragraph, role, width)
            for start, end in spans:
                part = paragraph_levels[start:end] if paragraph_levels is not None else None
                lines.append((paragraph[start:end], rtl, part))
        widths = [self._width(line, role, rtl, part) for line, rtl, part in lines]
        block_width = max(width or 1, max(widths, default=1), 1)
        surface = pygame.Surface(
            (block_width, max(1, self._block_height(len(lines), role))), pygame.SRCALPHA
        )
        ascent = self.font(role).get_ascent()
        align = self._physical_align(align)
        y = 0
        for (line, rtl, part), line_width in zip(lines, widths, strict=True):
            if align == "center":
                x = (block_width - line_width) // 2
            elif align == "right":
                x = block_width - line_width
            else:
                x = 0
            for run in self.runs(line, rtl, part):
                font = self._run_font(run, role)
                rendered = font.render(run.text, True, colour)
                surface.blit(rendered, (x, y + ascent - font.real_ascent))
                x += font.size(run.text)[0]
            y += self.line_height(role)
        return surface
