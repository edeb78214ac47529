"""What a step view is, and the pieces step views share: the speech bubble and text pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import pygame

from game.ui.widgets import GAP, PADDING, Button, Widget, button_height, button_width, draw_panel

if TYPE_CHECKING:
    from game.content.models import Level
    from game.context import Context


class StepHost(Protocol):
    """What the level scene offers the step on screen."""

    ctx: Context
    level: Level
    dirty: bool

    def t(self, text: str) -> str:
        """A level string in the player's language."""
        ...

    def advance(self, goto: str | None = None) -> None:
        """Go on to the next step, or to the step with this label."""
        ...

    def record(self, result: str) -> None:
        """Count a safe, unsafe or ok answer, and save it at once."""
        ...

    def relayout(self) -> None:
        """Ask for a new layout (the step changed phase)."""
        ...

    def place(self, rect: pygame.Rect) -> pygame.Rect:
        """Mirror a rectangle for right-to-left languages."""
        ...


class StepView:
    """Shows one step: builds its widgets inside an area and draws what is not a widget."""

    def __init__(self, step: object, host: StepHost) -> None:
        self.step = step
        self.host = host

    @property
    def ctx(self) -> Context:
        return self.host.ctx

    def mood(self) -> str:
        """Sango's mood while this step is shown."""
        return "happy"

    def build(self, area: pygame.Rect) -> list[Widget]:
        """The step's widgets in reading order, laid out left to right inside `area`."""
        return []

    def draw(self, surface: pygame.Surface) -> None:
        """Draw bubbles and pictures (widgets draw themselves)."""

    def narration(self) -> str:
        """Everything the step shows, as one text to speak."""
        return ""


class Bubble:
    """A speech bubble whose text is split into pages that fit, at any text size."""

    def __init__(self, ctx: Context, text: str, speaker: str | None = None) -> None:
        self.ctx = ctx
        self.text = text
        self.speaker = speaker
        self.page = 0
        self.pages: list[list[str]] = [[]]
        self.rect = pygame.Rect(0, 0, 0, 0)

    def layout(self, area: pygame.Rect, max_height: int) -> pygame.Rect:
        """Fit the bubble at the top of `area`, no taller than `max_height`; returns its rect."""
        text_width = area.width - 2 * PADDING - 8
        lines = self.ctx.text.wrap(self.text, "body", text_width)
        line_height = self.ctx.text.line_height("body")
        speaker_height = self.ctx.text.line_height("button") if self.speaker else 0
        room = max(line_height, max_height - 2 * PADDING - speaker_height)
        per_page = max(1, (room - self.ctx.text.font("body").get_height()) // line_height + 1)
        self.pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)] or [[]]
        self.page = min(self.page, len(self.pages) - 1)
        longest = max(len(page) for page in self.pages)
        body = self.ctx.text.font("body").get_height() + (longest - 1) * line_height
        self.rect = pygame.Rect(
            area.left, area.top, area.width, body + speaker_height + 2 * PADDING
        )
        return self.rect

    @property
    def has_more(self) -> bool:
        """Whether another page of text follows the one shown."""
        return self.page < len(self.pages) - 1

    def draw(self, surface: pygame.Surface, place) -> None:  # noqa: ANN001
        ctx = self.ctx
        rect = place(self.rect)
        draw_panel(surface, rect, ctx)
        x = rect.left + PADDING + 4
        y = rect.top + PADDING
        width = rect.width - 2 * PADDING - 8
        align = "right" if ctx.i18n.rtl else "left"
        if self.speaker:
            name = ctx.text.render(
                self.speaker,
                "button",
                ctx.theme.primary if not ctx.settings.high_contrast else ctx.theme.ink,
                width,
                align,
            )
            surface.blit(name, (x, y))
            y += ctx.text.line_height("button")
        text = "\n".join(self.pages[self.page])
        rendered = ctx.text.render(text, "body", ctx.theme.ink, width, align)
        surface.blit(rendered, (x, y))


def next_button(
    ctx: Context,
    area: pygame.Rect,
    top: int,
    action,
    text: str | None = None,  # noqa: ANN001
    icon: str = "next",
    widget_id: str = "next",
) -> Button:
    """The primary button that moves the story on, at the trailing side of `area`."""
    label = text or ctx._("Next")
    width = min(area.width, button_width(ctx, label, icon=True))
    height = button_height(ctx, label, width, icon=True)
    return Button(
        widget_id,
        pygame.Rect(area.right - width, top + GAP, width, height),
        label,
        action,
        text=label,
        icon=icon,
        style="primary",
    )
