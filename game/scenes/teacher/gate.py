"""The adult gate: a PIN keypad. The first adult chooses the PIN (typed twice); after that it
opens the adult area. Digits can be pressed on screen (mouse, keyboard, switches) or typed."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

import pygame

from game.classroom.gate import PIN_LENGTHS, AdultGate, Check, is_valid_pin
from game.scenes.teacher.common import AdultScene
from game.settings import InputMode
from game.ui.widgets import GAP, MIN_TARGET, PADDING, Button, Widget, draw_panel

KEY_GAP = 16
"""The least space between keys when big text leaves little height."""

_DIGIT_KEYS = {getattr(pygame, f"K_{digit}"): str(digit) for digit in range(10)} | {
    getattr(pygame, f"K_KP{digit}"): str(digit) for digit in range(10)
}


class Stage(StrEnum):
    """What the keypad is asking for."""

    ENTER = "enter"
    CHOOSE = "choose"
    CONFIRM = "confirm"


class AdultGateScene(AdultScene):
    """A keypad for the adult PIN.

    Args:
        change: Choose a new PIN even though one is set (from the adult area).
        on_open: What to do once the gate opens; by default, show the adult area.
    """

    def __init__(
        self,
        ctx,  # noqa: ANN001
        change: bool = False,
        on_open: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(ctx)
        self.gate = AdultGate(ctx.store)
        self.stage = Stage.CHOOSE if change or not self.gate.is_set else Stage.ENTER
        self.changing = change
        self.digits = ""
        self.first_choice = ""
        self.message = ""
        self.on_open = on_open

    def title(self) -> str:
        _ = self.ctx._
        return _("Change the adult PIN") if self.changing else _("Adults only")

    def prompt(self) -> str:
        _ = self.ctx._
        if self.stage is Stage.CHOOSE:
            return _("Choose a PIN of 4 to 6 numbers for the adult area.")
        if self.stage is Stage.CONFIRM:
            return _("Type the same PIN again to check it.")
        return _("Type the adult PIN.")

    def keypad_rect(self) -> pygame.Rect:
        area = self.content_rect()
        width = min(560, area.width // 2)
        return pygame.Rect(area.right - width, area.top, width, area.height)

    def build(self) -> list[Widget]:
        _ = self.ctx._
        pad = self.keypad_rect()
        rows = 4
        # Big text leaves less height: the keys come a little closer (never nearer than the
        # 16 px targets need) before they get shorter, and never below 64 px.
        gap = GAP
        key_height = (pad.height - (rows - 1) * gap) // rows
        if key_height < MIN_TARGET:
            gap = KEY_GAP
            key_height = max(64, (pad.height - (rows - 1) * gap) // rows)
        key_width = (pad.width - 2 * GAP) // 3
        keys: list[tuple[str, str, Callable[[], None], str | None, str]] = [
            (f"digit-{digit}", str(digit), self._presser(str(digit)), None, "normal")
            for digit in (1, 2, 3, 4, 5, 6, 7, 8, 9)
        ]
        keys += [
            ("delete", _("Delete"), self.delete, None, "normal"),
            ("digit-0", "0", self._presser("0"), None, "normal"),
            ("ok", _("OK"), self.submit, "check", "primary"),
        ]
        widgets: list[Widget] = []
        for index, (widget_id, label, action, icon, style) in enumerate(keys):
            row, column = divmod(index, 3)
            rect = pygame.Rect(
                pad.left + column * (key_width + GAP),
                pad.top + row * (key_height + gap),
                key_width,
                key_height,
            )
            text = label
            room = key_width - 2 * PADDING - 8 - (self.ctx.text.size("button") + 20 if icon else 0)
            if self.ctx.text.measure(label, "button")[0] > room:
                # Big text: Delete and OK show their icon only (a back arrow, a check mark).
                text, icon = "", icon or ("back" if widget_id == "delete" else "check")
            widgets.append(
                Button(widget_id, rect, label, action, text=text, icon=icon, style=style)
            )
        return widgets

    def _presser(self, digit: str) -> Callable[[], None]:
        def press() -> None:
            self.add_digit(digit)

        return press

    # What the keys do ------------------------------------------------------------------------
    def add_digit(self, digit: str) -> None:
        """One more digit (up to 6)."""
        if len(self.digits) < PIN_LENGTHS[-1]:
            self.digits += digit
            self.message = ""
        self.dirty = True

    def delete(self) -> None:
        """Take back the last digit."""
        self.digits = self.digits[:-1]
        self.dirty = True

    def submit(self) -> None:
        """Check or keep the PIN typed so far."""
        _ = self.ctx._
        pin, self.digits = self.digits, ""
        self.dirty = True
        if self.stage is Stage.ENTER:
            outcome = self.gate.try_pin(pin)
            if outcome.check is Check.OPEN:
                self.ctx.audio.play("correct")
                self.open()
            elif outcome.check is Check.PAUSED:
                self.message = self.ctx.i18n.ngettext(
                    "Too many tries. Please wait {count} second and try again.",
                    "Too many tries. Please wait {count} seconds and try again.",
                    outcome.wait_seconds,
                ).format(count=outcome.wait_seconds)
            elif outcome.check is Check.NOT_SET:
                self.stage = Stage.CHOOSE
            else:
                self.ctx.audio.play("try-again")
                self.message = _("That PIN is not right. Please try again.")
            return
        if self.stage is Stage.CHOOSE:
            if not is_valid_pin(pin):
                self.message = _("A PIN has 4 to 6 numbers. Please try again.")
                return
            self.first_choice = pin
            self.stage = Stage.CONFIRM
            self.message = ""
            return
        if pin != self.first_choice:
            self.stage = Stage.CHOOSE
            self.first_choice = ""
            self.message = _("The two PINs were not the same. Please choose a PIN again.")
            return
        self.gate.set_pin(pin)
        self.first_choice = ""
        self.ctx.audio.play("correct")
        self.open()

    def open(self) -> None:
        """The gate opens: the adult area, or what the caller asked for."""
        if self.on_open is not None:
            self.ctx.scenes.pop()
            self.on_open()
            return
        from game.scenes.teacher.home import AdultHomeScene

        self.ctx.select_player(None)  # the adult area uses this computer's settings
        self.ctx.scenes.replace(AdultHomeScene(self.ctx))

    # Typing on a keyboard ----------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.ctx.input.mode is InputMode.TWO_SWITCH:
            return False  # keys 1 and 2 are the switches there
        if event.type == pygame.KEYDOWN:
            if event.key in _DIGIT_KEYS:
                self.add_digit(_DIGIT_KEYS[event.key])
                self.focus.focus("ok")  # so Enter now means OK
                return True
            if event.key == pygame.K_BACKSPACE:
                self.delete()
                return True
        return False

    # Drawing ------------------------------------------------------------------------------
    def draw_body(self, surface: pygame.Surface) -> None:
        _ = self.ctx._
        theme = self.ctx.theme
        area = self.content_rect()
        pad = self.keypad_rect()
        panel = pygame.Rect(area.left, area.top, pad.left - area.left - 2 * GAP, area.height)
        draw_panel(surface, self.place(panel), self.ctx)
        inner = panel.inflate(-2 * PADDING, -2 * PADDING)
        typed = self.ctx.i18n.ngettext(
            "{count} number typed", "{count} numbers typed", len(self.digits)
        ).format(count=len(self.digits))
        # What matters most first; with big text, the rest gives way (it is read aloud).
        parts: list[tuple[str, str, tuple[int, int, int]]] = [
            ("prompt", self.prompt(), theme.ink),
            ("dots", "", theme.ink),
        ]
        if self.message:
            parts.append(("message", self.message, theme.ink))
        parts.append(("typed", typed, theme.soft_ink))
        if not self.changing:
            hint = _("Forgot the PIN? See the guide for teachers and parents.")
            parts.append(("hint", hint, theme.soft_ink))
        icon_size = 64 if self.ctx.settings.text_scale < 150 else 0
        if icon_size:
            icon = self.ctx.art.image("icons", "lock", (icon_size, icon_size), tint=theme.ink)
            surface.blit(icon, self.place(pygame.Rect(inner.left, inner.top, 64, 64)))
        y = inner.top + (icon_size + GAP // 2 if icon_size else 0)
        for kind, text, colour in parts:
            role = "body" if kind in ("prompt", "message") else "small"
            height = 48 if kind == "dots" else self.ctx.text.block_height(text, role, inner.width)
            if y + height > inner.bottom:
                break
            if kind == "dots":
                self._draw_dots(surface, pygame.Rect(inner.left, y, inner.width, 48))
            else:
                self.draw_text(
                    surface, text, pygame.Rect(inner.left, y, inner.width, 0), role, colour
                )
            y += height + GAP // 2

    def narration(self) -> str:
        return " ".join(part for part in (self.prompt(), self.message) if part)

    def _draw_dots(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme = self.ctx.theme
        size, gap = 36, 16
        for position in range(PIN_LENGTHS[-1]):
            x = rect.left + position * (size + gap)
            spot = self.place(pygame.Rect(x, rect.top + 6, size, size))
            if position < len(self.digits):
                pygame.draw.ellipse(surface, theme.ink, spot)
            elif position < PIN_LENGTHS[0] or self.stage is not Stage.ENTER:
                pygame.draw.ellipse(surface, theme.soft_ink, spot, width=3)
