"""A pygame_gui theme generated from the settings (scale, contrast, font), never hand-copied."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame_gui

from game.paths import assets_dir
from game.scenes.base import CANVAS_SIZE
from game.text.service import find_fonts

if TYPE_CHECKING:
    from game.context import Context


def _hex(colour: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


def gui_theme(ctx: Context) -> dict[str, Any]:
    """The theme dictionary for the current settings."""
    theme = ctx.theme
    fonts = find_fonts(assets_dir() / "fonts", ctx.settings.dyslexia_font)
    font: dict[str, str] = {"name": "sango-body", "size": str(ctx.text.size("body"))}
    if fonts.regular is not None:
        font["regular_path"] = str(fonts.regular)
        font["bold_path"] = str(fonts.bold or fonts.regular)
    else:  # our fonts are missing: pygame_gui's own bundled font, not a warning
        font["name"] = "noto_sans"
    return {
        "defaults": {
            "font": font,
            "colours": {
                "normal_bg": _hex(theme.panel),
                "hovered_bg": _hex(theme.panel),
                "selected_bg": _hex(theme.panel),
                "dark_bg": _hex(theme.panel),
                "normal_text": _hex(theme.ink),
                "selected_text": _hex(theme.primary_ink),
                "text_cursor": _hex(theme.ink),
                "normal_border": _hex(theme.ink),
                "selected_border": _hex(theme.ink),
                "disabled_bg": _hex(theme.panel),
                "disabled_text": _hex(theme.ink),
            },
        },
        "text_entry_line": {
            # pygame_gui takes the font from the element type's block, not from "defaults".
            "font": font,
            "misc": {
                "border_width": "3",
                "shape": "rounded_rectangle",
                "shape_corner_radius": "14",
                "padding": "14,8",
            }
        },
    }


def gui_manager(ctx: Context) -> pygame_gui.UIManager:
    """A UIManager for one scene, on the logical canvas, themed from the settings."""
    return pygame_gui.UIManager(CANVAS_SIZE, gui_theme(ctx), enable_live_theme_updates=False)
