"""Loads our SVG art at the exact size it is drawn, so it stays crisp at any scale."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import pygame

CACHE_LIMIT = 160


class Art:
    """SVG images by kind and name (e.g. `sango`/`happy`), rendered at a size and cached."""

    def __init__(self, art_dir: Path) -> None:
        self.art_dir = art_dir
        self._cache: OrderedDict[
            tuple[str, str, tuple[int, int], tuple[int, int, int] | None], pygame.Surface
        ] = OrderedDict()
        self.missing: set[str] = set()
        """Files that were asked for and not found, for the adult area."""

    def path(self, kind: str, name: str) -> Path:
        """Where an image lives."""
        return self.art_dir / kind / f"{name}.svg"

    def exists(self, kind: str, name: str) -> bool:
        """Whether the image file is there."""
        return self.path(kind, name).is_file()

    def names(self, kind: str) -> list[str]:
        """All image names of a kind, sorted."""
        folder = self.art_dir / kind
        return sorted(p.stem for p in folder.glob("*.svg")) if folder.is_dir() else []

    def image(
        self,
        kind: str,
        name: str,
        size: tuple[int, int],
        tint: tuple[int, int, int] | None = None,
    ) -> pygame.Surface:
        """The image fitted into `size` (aspect kept); a soft placeholder when it is missing."""
        key = (kind, name, size, tint)
        surface = self._cache.get(key)
        if surface is not None:
            self._cache.move_to_end(key)
            return surface
        surface = self._load(self.path(kind, name), size)
        if tint is not None:
            surface = surface.copy()
            surface.fill((0, 0, 0), special_flags=pygame.BLEND_RGB_MULT)
            surface.fill(tint, special_flags=pygame.BLEND_RGB_ADD)
        self._cache[key] = surface
        if len(self._cache) > CACHE_LIMIT:
            self._cache.popitem(last=False)
        return surface

    def load_file(self, path: Path, size: tuple[int, int]) -> pygame.Surface:
        """An image from any path (a level's own picture), fitted into `size`."""
        return self._load(path, size)

    def _load(self, path: Path, size: tuple[int, int]) -> pygame.Surface:
        try:
            if path.suffix.lower() == ".svg":
                image = pygame.image.load_sized_svg(str(path), size)
            else:
                image = pygame.image.load(str(path))
                scale = min(size[0] / image.get_width(), size[1] / image.get_height())
                image = pygame.transform.smoothscale_by(image, scale)
            if not pygame.display.get_surface():
                return image
            image = image.convert_alpha()
            width, height = image.get_size()
            if pygame.mask.from_surface(image, 254).count() == width * height:
                return image.convert()  # opaque art (backgrounds) blits faster without alpha
            return image
        except (pygame.error, FileNotFoundError, OSError, ValueError):
            self.missing.add(str(path))
            return _placeholder(size)


def _placeholder(size: tuple[int, int]) -> pygame.Surface:
    size = (max(1, size[0]), max(1, size[1]))  # a squeezed layout may ask for nothing
    surface = pygame.Surface(size, pygame.SRCALPHA)
    radius = max(4, min(size) // 2 - 4)
    pygame.draw.circle(surface, (220, 214, 200), (size[0] // 2, size[1] // 2), radius)
    return surface
