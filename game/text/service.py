"""One place for all text work: font choice, scale, line spacing, wrapping and caching."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import pygame

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


@dataclass(frozen=True)
class FontFiles:
    """The regular and bold face of one family."""

    regular: Path | None
    bold: Path | None


def find_fonts(fonts_dir: Path, dyslexia: bool) -> FontFiles:
    """The bundled font files for the chosen family, or None where a file is missing."""

    def first(*names: str) -> Path | None:
        for name in names:
            path = fonts_dir / name
            if path.is_file():
                return path
        return None

    if dyslexia:
        regular = first("OpenDyslexic-Regular.otf", "OpenDyslexic-Regular.ttf")
        bold = first("OpenDyslexic-Bold.otf", "OpenDyslexic-Bold.ttf")
        if regular is not None:
            return FontFiles(regular, bold or regular)
    regular = first("NotoSans-Regular.ttf")
    bold = first("NotoSans-Bold.ttf", "NotoSans-SemiBold.ttf")
    return FontFiles(regular, bold or regular)


class TextService:
    """Renders wrapped, scaled text to surfaces, with an LRU cache bounded in entries."""

    def __init__(self, fonts: FontFiles, scale: int = 100, line_spacing: float = 1.25) -> None:
        self._fonts_files = fonts
        self.scale = scale
        self.line_spacing = line_spacing
        self._fonts: dict[tuple[str, int], pygame.font.Font] = {}
        self._cache: OrderedDict[tuple[object, ...], pygame.Surface] = OrderedDict()

    def configure(self, fonts: FontFiles, scale: int, line_spacing: float) -> None:
        """Change family, scale or spacing; clears what no longer applies."""
        if fonts != self._fonts_files:
            self._fonts.clear()
        self._fonts_files = fonts
        self.scale = scale
        self.line_spacing = line_spacing
        self._cache.clear()

    @property
    def cache_size(self) -> int:
        """How many rendered blocks are cached (bounded by CACHE_LIMIT)."""
        return len(self._cache)

    def size(self, role: str) -> int:
        """The pixel size of a text role at the current scale."""
        return round(ROLE_SIZES[role] * self.scale / 100)

    def font(self, role: str) -> pygame.font.Font:
        """The font for a text role at the current scale."""
        size = self.size(role)
        key = (role, size)
        font = self._fonts.get(key)
        if font is None:
            path = self._fonts_files.bold if role in BOLD_ROLES else self._fonts_files.regular
            try:
                font = pygame.font.Font(path, size)
            except (OSError, pygame.error):
                font = pygame.font.Font(None, size)
            self._fonts[key] = font
        return font

    def line_height(self, role: str) -> int:
        """Distance between baselines for a role, with the line-spacing setting."""
        return round(self.font(role).get_linesize() * self.line_spacing)

    def measure(self, text: str, role: str) -> tuple[int, int]:
        """Width and height of one unwrapped line."""
        return self.font(role).size(text)

    def wrap(self, text: str, role: str, width: int) -> list[str]:
        """Break text into lines no wider than `width`, keeping explicit line breaks."""
        font = self.font(role)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            words = paragraph.split()
            if not words:
                lines.append("")
                continue
            line = ""
            for word in words:
                candidate = f"{line} {word}" if line else word
                if font.size(candidate)[0] <= width:
                    line = candidate
                    continue
                if line:
                    lines.append(line)
                line = word
                while font.size(line)[0] > width and len(line) > 1:
                    cut = _longest_fitting(font, line, width)
                    lines.append(line[:cut])
                    line = line[cut:]
            lines.append(line)
        return lines

    def block_height(self, text: str, role: str, width: int) -> int:
        """The height a wrapped block of text takes."""
        lines = self.wrap(text, role, width)
        return self._block_height(len(lines), role)

    def _block_height(self, count: int, role: str) -> int:
        font = self.font(role)
        return font.get_height() + max(0, count - 1) * self.line_height(role)

    def render(
        self,
        text: str,
        role: str,
        colour: tuple[int, int, int],
        width: int | None = None,
        align: str = "left",
    ) -> pygame.Surface:
        """A transparent surface holding the text, wrapped to `width` when given."""
        key = (text, role, colour, width, align, self.scale, self.line_spacing)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        surface = self._render(text, role, colour, width, align)
        self._cache[key] = surface
        if len(self._cache) > CACHE_LIMIT:
            self._cache.popitem(last=False)
        return surface

    def _render(
        self, text: str, role: str, colour: tuple[int, int, int], width: int | None, align: str
    ) -> pygame.Surface:
        font = self.font(role)
        lines = self.wrap(text, role, width) if width else text.split("\n")
        rendered = [font.render(line, True, colour) for line in lines]
        block_width = width or max((line.get_width() for line in rendered), default=1)
        block_width = max(block_width, max((line.get_width() for line in rendered), default=1))
        surface = pygame.Surface(
            (max(1, block_width), max(1, self._block_height(len(lines), role))), pygame.SRCALPHA
        )
        y = 0
        for line in rendered:
            if align == "center":
                x = (block_width - line.get_width()) // 2
            elif align == "right":
                x = block_width - line.get_width()
            else:
                x = 0
            surface.blit(line, (x, y))
            y += self.line_height(role)
        return surface


def _longest_fitting(font: pygame.font.Font, text: str, width: int) -> int:
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if font.size(text[:middle])[0] <= width:
            low = middle
        else:
            high = middle - 1
    return max(1, low)
