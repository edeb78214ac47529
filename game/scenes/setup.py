"""The first launch: three picture questions a child can answer without reading.

Word size (big letters to choose from), reading aloud (a speaker or a crossed-out speaker) and
controls (a mouse, a keyboard, one switch, two switches or a gamepad). Every question is read
aloud, the choices scan by themselves so a single switch can answer, and every choice can also
be clicked, tabbed to or picked with a gamepad.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pygame

from game.input.actions import Action, Pointer
from game.scenes.base import Scene
from game.settings import InputMode
from game.ui.pages import grid
from game.ui.widgets import GAP, PADDING, Tile, Widget

if TYPE_CHECKING:
    from game.context import Context

PAGES = ("text", "voice", "controls")
SETUP_TEXT_SCALES = (100, 150, 200)
DOT_ROW = 34
"""Room above the pictures for the three progress dots."""


@dataclass(frozen=True)
class Answer:
    """One picture choice: what it sets, what it shows, and what it is called aloud."""

    widget_id: str
    label: str
    caption: str
    values: dict[str, Any]
    icon: str | None = None
    sample_scale: int | None = None


class SetupScene(Scene):
    """Shown once, before the title screen, while the `setup_done` setting is off."""

    background = "title"
    show_settings = False
    narrate_always = True

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.page = 0
        self.auto_scan = True
        """Scan by itself until the player shows they can move the highlight themselves."""

    # What each page asks -----------------------------------------------------------------
    def title(self) -> str:
        _ = self.ctx._
        return {
            "text": _("How big do you like the words?"),
            "voice": _("Shall I read to you?"),
            "controls": _("How do you play?"),
        }[PAGES[self.page]]

    def narration(self) -> str:
        return self.ctx._("Choose a picture.")

    def answers(self) -> list[Answer]:
        """The choices on the page shown."""
        _ = self.ctx._
        page = PAGES[self.page]
        if page == "text":
            names = {100: _("Normal words"), 150: _("Big words"), 200: _("Very big words")}
            return [
                Answer(
                    f"size-{scale}", names[scale], f"{scale}%", {"text_scale": scale}, None, scale
                )
                for scale in SETUP_TEXT_SCALES
            ]
        if page == "voice":
            return [
                Answer("voice-on", _("Yes, read to me"), _("Yes"), {"narration": True}, "speaker"),
                Answer(
                    "voice-off", _("No, I will read"), _("No"), {"narration": False}, "speaker-off"
                ),
            ]
        controls = (
            (InputMode.MOUSE, "mouse", _("Mouse or touch")),
            (InputMode.KEYBOARD, "keyboard", _("Keyboard")),
            (InputMode.ONE_SWITCH, "switch", _("One switch")),
            (InputMode.TWO_SWITCH, "two-switch", _("Two switches")),
            (InputMode.GAMEPAD, "gamepad", _("Gamepad")),
        )
        return [
            Answer(f"controls-{mode}", name, name, {"input_mode": mode}, icon)
            for mode, icon, name in controls
        ]

    # Layout ------------------------------------------------------------------------------
    def build(self) -> list[Widget]:
        answers = self.answers()
        area = self.content_rect()
        area.top += DOT_ROW
        area.height -= DOT_ROW
        scale = self.ctx.settings.text_scale
        columns = len(answers) if len(answers) <= 3 or scale < 150 else 3
        rows = -(-len(answers) // columns)
        cell_height = (area.height - (rows - 1) * GAP) // rows
        layout = grid(area, len(answers), columns, cell_height)
        widgets: list[Widget] = []
        for cell, answer in zip(layout.cells, answers, strict=False):
            caption_room = self.ctx.text.block_height(
                answer.caption, "button", cell.width - 2 * PADDING
            )
            size = max(48, min(cell.width - 2 * PADDING, cell.height - caption_room - 3 * PADDING))
            widgets.append(
                Tile(
                    answer.widget_id,
                    cell,
                    answer.label,
                    self._chooser(answer),
                    image=self._picture(answer, size),
                    caption=answer.caption,
                )
            )
        return widgets

    def _picture(self, answer: Answer, size: int) -> pygame.Surface:
        ink = self.ctx.theme.ink
        if answer.icon is not None:
            return self.ctx.art.image("icons", answer.icon, (size, size), tint=ink)
        # The same letters at three sizes: the child sees the difference, no reading needed.
        font = self.ctx.text.font("title")
        letters = font.render(self.ctx._("Aa"), True, ink)
        height = round(size * (answer.sample_scale or 100) / 200)
        factor = max(0.1, height / max(1, letters.get_height()))
        letters = pygame.transform.smoothscale_by(letters, factor)
        picture = pygame.Surface((size, size), pygame.SRCALPHA)
        picture.blit(letters, letters.get_rect(center=(size // 2, size // 2)))
        return picture

    def draw_content(self, surface: pygame.Surface) -> None:
        """Three dots: which question this is."""
        area = self.content_rect()
        theme = self.ctx.theme
        dot, gap = 18, 14
        left = area.centerx - (len(PAGES) * dot + (len(PAGES) - 1) * gap) // 2
        for position in range(len(PAGES)):
            spot = self.place(pygame.Rect(left + position * (dot + gap), area.top + 6, dot, dot))
            if position <= self.page:
                pygame.draw.rect(surface, theme.primary, spot, border_radius=dot // 2)
            else:
                pygame.draw.rect(surface, theme.soft_ink, spot, width=2, border_radius=dot // 2)

    # Input -------------------------------------------------------------------------------
    def handle(self, signal: Action | Pointer) -> None:
        if isinstance(signal, Pointer) or signal in (Action.NEXT, Action.PREVIOUS):
            # The player can move the highlight (or point) by themselves: stop scanning for them.
            self.auto_scan = False
        super().handle(signal)

    def _chooser(self, answer: Answer) -> Callable[[], None]:
        def choose() -> None:
            finished = self.page == len(PAGES) - 1
            values = dict(answer.values)
            if finished:
                values["setup_done"] = True
            self.ctx.update_settings(**values)
            if finished:
                self.leave()
            else:
                self.page += 1
                self.relayout()

        return choose

    def back(self) -> None:
        """The previous question; on the first one, skip the setup (Settings has it all)."""
        self.ctx.audio.play("back")
        if self.page > 0:
            self.page -= 1
            self.relayout()
            return
        self.ctx.update_settings(setup_done=True)
        self.leave()

    def leave(self) -> None:
        """On to the title screen."""
        from game.scenes.title import TitleScene

        if not self.ctx.scenes.pop():
            self.ctx.scenes.replace(TitleScene(self.ctx))
