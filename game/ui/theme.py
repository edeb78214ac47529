"""Colours of the normal and the high-contrast theme.

Every text colour here is checked against its background in tests: 4.5:1 normally, 7:1 in
high contrast. Feedback colours always come with an icon and words, never alone.
"""

from __future__ import annotations

from dataclasses import dataclass

Colour = tuple[int, int, int]


@dataclass(frozen=True)
class Theme:
    """The colours a scene draws with."""

    name: str
    background: Colour
    panel: Colour
    panel_edge: Colour
    ink: Colour
    soft_ink: Colour
    button: Colour
    button_ink: Colour
    button_edge: Colour
    primary: Colour
    primary_ink: Colour
    focus_outer: Colour
    focus_inner: Colour
    safe: Colour
    unsafe: Colour
    neutral: Colour
    feedback_ink: Colour
    bar: Colour
    shade: tuple[int, int, int, int]


NORMAL = Theme(
    name="normal",
    background=(251, 247, 239),
    panel=(255, 255, 255),
    panel_edge=(214, 204, 186),
    ink=(29, 43, 58),
    soft_ink=(74, 85, 104),
    button=(255, 244, 214),
    button_ink=(29, 43, 58),
    button_edge=(190, 160, 100),
    primary=(35, 95, 160),
    primary_ink=(255, 255, 255),
    focus_outer=(20, 20, 20),
    focus_inner=(255, 200, 40),
    safe=(39, 120, 76),
    unsafe=(178, 74, 22),
    neutral=(74, 85, 104),
    feedback_ink=(255, 255, 255),
    bar=(236, 228, 212),
    shade=(20, 30, 40, 150),
)

HIGH_CONTRAST = Theme(
    name="high-contrast",
    background=(0, 0, 0),
    panel=(0, 0, 0),
    panel_edge=(255, 255, 255),
    ink=(255, 255, 255),
    soft_ink=(255, 255, 255),
    button=(0, 0, 0),
    button_ink=(255, 255, 0),
    button_edge=(255, 255, 0),
    primary=(255, 255, 0),
    primary_ink=(0, 0, 0),
    focus_outer=(0, 255, 255),
    focus_inner=(0, 0, 0),
    safe=(0, 80, 0),
    unsafe=(110, 0, 0),
    neutral=(40, 40, 40),
    feedback_ink=(255, 255, 255),
    bar=(0, 0, 0),
    shade=(0, 0, 0, 200),
)


def theme_for(high_contrast: bool) -> Theme:
    """The theme for the contrast setting."""
    return HIGH_CONTRAST if high_contrast else NORMAL


def relative_luminance(colour: Colour) -> float:
    """WCAG 2.2 relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: Colour, second: Colour) -> float:
    """WCAG contrast ratio between two colours, from 1 to 21."""
    a, b = relative_luminance(first), relative_luminance(second)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)
