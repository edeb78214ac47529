"""Small screens the adult area asks with: type some text, confirm something that cannot be
undone, or read a short message."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pygame_gui

from game.scenes.base import CANVAS, EDGE
from game.scenes.teacher.common import AdultScene
from game.settings import InputMode
from game.ui.gui_theme import gui_manager
from game.ui.text_entry import EditsText
from game.ui.widgets import GAP, PADDING, Button, Widget, button_height, button_width


class TextEntryScene(EditsText, AdultScene):
    """Type a line of text. Enter or OK keeps it; Escape or Cancel leaves it unchanged.

    The field takes the keyboard at once. Tab leaves the field for the buttons.
    """

    def __init__(
        self,
        ctx,  # noqa: ANN001
        heading: str,
        prompt: str,
        on_done: Callable[[str], None],
        initial: str = "",
        limit: int = 200,
    ) -> None:
        super().__init__(ctx)
        self.heading = heading
        self.prompt = prompt
        self.on_done = on_done
        self.typed = initial
        self.limit = limit
        self.gui = gui_manager(ctx)
        self.entry: pygame_gui.elements.UITextEntryLine | None = None
        # Switch users press keys as switches: the field waits until it is chosen.
        self.editing = ctx.input.mode not in (InputMode.ONE_SWITCH, InputMode.TWO_SWITCH)
        self._swallow: int | None = None
        self._finish_on: int | None = None

    def title(self) -> str:
        return self.heading

    def intro(self) -> str:
        return self.prompt

    def build(self) -> list[Widget]:
        _ = self.ctx._
        area = self.body_rect()
        entry_height = self.ctx.text.line_height("body") + 28
        rect = pygame.Rect(area.left, area.top, area.width, max(72, entry_height))
        self._make_entry(rect)
        ok_text, cancel_text = _("OK"), _("Cancel")
        y = rect.bottom + GAP
        ok_width = button_width(self.ctx, ok_text, icon=True)
        cancel_width = button_width(self.ctx, cancel_text, icon=True)
        height = max(
            button_height(self.ctx, ok_text, ok_width, True),
            button_height(self.ctx, cancel_text, cancel_width, True),
        )
        return [
            Widget("text", rect, self.prompt, self.start_editing),
            Button(
                "cancel",
                pygame.Rect(area.right - ok_width - GAP - cancel_width, y, cancel_width, height),
                cancel_text,
                self.back,
                text=cancel_text,
                icon="cross",
            ),
            Button(
                "ok",
                pygame.Rect(area.right - ok_width, y, ok_width, height),
                ok_text,
                self.finish,
                text=ok_text,
                icon="check",
                style="primary",
            ),
        ]

    def _make_entry(self, rect: pygame.Rect) -> None:
        if self.entry is not None:
            self.typed = self.entry.get_text()
            self.entry.kill()
        self.gui = gui_manager(self.ctx)
        self.entry = pygame_gui.elements.UITextEntryLine(
            self.place(rect), manager=self.gui, initial_text=self.typed or None
        )
        self.entry.set_text_length_limit(self.limit)
        if self.editing:
            self.entry.focus()
            # Start typing at the end of the text already there, as a text field should.
            self.entry.process_event(
                pygame.event.Event(pygame.KEYDOWN, key=pygame.K_END, mod=0, unicode="", scancode=0)
            )

    @property
    def text_value(self) -> str:
        """What is typed so far."""
        return self.entry.get_text() if self.entry is not None else self.typed

    def finish(self) -> None:
        """Keep the text and go back."""
        text = self.text_value
        self.ctx.scenes.pop()
        self.on_done(text)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.swallowed(event):
            return True
        if not self.editing:
            return False
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            # Finish on the release, so the release cannot press a button on the screen below.
            self._finish_on = event.key
            return True
        if event.type == pygame.KEYUP and event.key == self._finish_on:
            self._finish_on = None
            self.stop_editing()
            self.finish()
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_TAB, pygame.K_ESCAPE):
            self._swallow = event.key
            self.stop_editing()
            self.focus.focus("ok" if event.key == pygame.K_TAB else "cancel")
            return True
        return self.type_into_entry(event)

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        self.gui.draw_ui(surface)


class ConfirmScene(AdultScene):
    """Are you sure? The safe answer has the focus first, so a stray press changes nothing."""

    can_go_back = False

    def __init__(
        self,
        ctx,  # noqa: ANN001
        heading: str,
        message: str,
        yes_text: str,
        on_yes: Callable[[], None],
        no_text: str | None = None,
    ) -> None:
        super().__init__(ctx)
        self.heading = heading
        self.message = message
        self.yes_text = yes_text
        self.no_text = no_text or ctx._("No, go back")
        self.on_yes = on_yes

    def title(self) -> str:
        return self.heading

    def intro(self) -> str:
        return self.message

    def build(self) -> list[Widget]:
        area = self.body_rect()
        width = (area.width - GAP) // 2
        height = max(
            button_height(self.ctx, self.no_text, width, True),
            button_height(self.ctx, self.yes_text, width, True),
        )
        y = min(area.top, CANVAS.height - EDGE - height)
        return [
            Button(
                "no",
                pygame.Rect(area.left, y, width, height),
                self.no_text,
                self.back,
                text=self.no_text,
                icon="back",
                style="primary",
            ),
            Button(
                "yes",
                pygame.Rect(area.left + width + GAP, y, width, height),
                self.yes_text,
                self.confirm,
                text=self.yes_text,
                icon="check",
                style="unsafe",
            ),
        ]

    def confirm(self) -> None:
        self.ctx.scenes.pop()
        self.on_yes()


class NoticeScene(AdultScene):
    """A short message with one OK button."""

    can_go_back = False

    def __init__(self, ctx, heading: str, message: str) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.heading = heading
        self.message = message

    def title(self) -> str:
        return self.heading

    def intro(self) -> str:
        return self.message

    def build(self) -> list[Widget]:
        text = self.ctx._("OK")
        area = self.body_rect()
        width = button_width(self.ctx, text, icon=True)
        height = button_height(self.ctx, text, width, True)
        y = min(area.top, CANVAS.height - EDGE - height - PADDING)
        return [
            Button(
                "ok",
                pygame.Rect(area.left, y, width, height),
                text,
                self.back,
                text=text,
                icon="check",
                style="primary",
            )
        ]
