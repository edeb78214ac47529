"""Splitting a list of equal-height items into pages that fit an area, for any text size."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.widgets import GAP


@dataclass(frozen=True)
class Grid:
    """Where the cells of one page go."""

    cells: list[pygame.Rect]
    per_page: int
    pages: int


def grid(area: pygame.Rect, count: int, columns: int, cell_height: int, reserve: int = 0) -> Grid:
    """Cells of `columns` columns in `area`, as many rows as fit; `reserve` px kept at the bottom
    for a "More" button when everything does not fit on one page."""
    columns = max(1, columns)
    # A cell never grows past the area, so nothing overlaps what lies below it.
    cell_height = max(1, min(cell_height, area.height - (reserve if count > columns else 0)))
    width = (area.width - (columns - 1) * GAP) // columns
    rows = max(1, (area.height + GAP) // (cell_height + GAP))
    if rows * columns < count and reserve:
        rows = max(1, (area.height - reserve + GAP) // (cell_height + GAP))
    per_page = rows * columns
    cells = [
        pygame.Rect(
            area.left + (i % columns) * (width + GAP),
            area.top + (i // columns) * (cell_height + GAP),
            width,
            cell_height,
        )
        for i in range(min(count, per_page))
    ]
    pages = max(1, -(-count // per_page))
    return Grid(cells, per_page, pages)
