"""Turns pygame events from every device into Actions and Pointer events, per input mode."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.input.actions import Action, Pointer
from game.settings import InputMode

_NAVIGATION_KEYS = {
    pygame.K_RIGHT: Action.NEXT,
    pygame.K_DOWN: Action.NEXT,
    pygame.K_LEFT: Action.PREVIOUS,
    pygame.K_UP: Action.PREVIOUS,
}
_SELECT_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
_GAMEPAD_A, _GAMEPAD_B = 0, 1
_STICK_THRESHOLD = 0.6

Signal = Action | Pointer


class InputRouter:
    """Translates raw events for the current input mode.

    Actions fire on release, so a held key never repeats and a press can be taken back by
    sliding off. A debounce time ignores repeated presses from tremor.
    """

    def __init__(self, mode: InputMode, debounce: float, clock: Callable[[], float]) -> None:
        self.mode = mode
        self.debounce = debounce
        self._clock = clock
        self._last_action_at = -1e9
        self._stick_centred = True
        self._hat_held: Action | None = None

    @property
    def scanning(self) -> bool:
        """Whether the highlight moves by itself (one-switch auto-scan)."""
        return self.mode is InputMode.ONE_SWITCH

    @property
    def step_scanning(self) -> bool:
        """Whether one switch moves the highlight and another selects (two-switch step-scan)."""
        return self.mode is InputMode.TWO_SWITCH

    def translate(self, event: pygame.event.Event) -> list[Signal]:
        """The actions and pointer events that one raw event means."""
        signals = self._translate(event)
        accepted: list[Signal] = []
        for signal in signals:
            presses = isinstance(signal, Action) or (isinstance(signal, Pointer) and signal.click)
            if presses and not self._accept():
                continue
            accepted.append(signal)
        return accepted

    def _accept(self) -> bool:
        now = self._clock()
        if self.debounce > 0 and now - self._last_action_at < self.debounce:
            return False
        self._last_action_at = now
        return True

    def _translate(self, event: pygame.event.Event) -> list[Signal]:
        if event.type == pygame.KEYUP:
            return self._key(event)
        if event.type == pygame.MOUSEMOTION:
            if self.mode in (InputMode.ONE_SWITCH, InputMode.TWO_SWITCH):
                return []
            return [Pointer(event.pos, click=False)]
        if event.type == pygame.MOUSEBUTTONUP and event.button in (1, 3):
            return self._mouse_button(event)
        if event.type == pygame.FINGERUP:
            return []
        if event.type == pygame.JOYBUTTONUP:
            return self._gamepad_button(event.button)
        if event.type == pygame.CONTROLLERBUTTONUP:
            return self._controller_button(event.button)
        if event.type == pygame.JOYHATMOTION:
            return self._hat(event.value)
        if event.type == pygame.JOYAXISMOTION and event.axis in (0, 1):
            return self._stick(event.value)
        return []

    def _key(self, event: pygame.event.Event) -> list[Signal]:
        key = event.key
        if key == pygame.K_ESCAPE:
            return [Action.BACK]
        if key == pygame.K_F1:
            return [Action.HELP]
        if self.mode is InputMode.ONE_SWITCH:
            return [Action.SELECT] if key in _SELECT_KEYS else []
        if self.mode is InputMode.TWO_SWITCH:
            if key in (pygame.K_SPACE, pygame.K_TAB, pygame.K_1):
                return [Action.NEXT]
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_2):
                return [Action.SELECT]
            return []
        if key == pygame.K_TAB:
            backwards = bool(event.mod & pygame.KMOD_SHIFT)
            return [Action.PREVIOUS if backwards else Action.NEXT]
        if key in _NAVIGATION_KEYS:
            return [_NAVIGATION_KEYS[key]]
        if key in _SELECT_KEYS:
            return [Action.SELECT]
        return []

    def _mouse_button(self, event: pygame.event.Event) -> list[Signal]:
        if self.mode is InputMode.ONE_SWITCH:
            return [Action.SELECT]
        if self.mode is InputMode.TWO_SWITCH:
            # Switch interfaces often send a left click for one switch, a right click for the other.
            return [Action.SELECT] if event.button == 1 else [Action.NEXT]
        if event.button != 1:
            return []
        return [Pointer(event.pos, click=True)]

    def _hat(self, value: tuple[int, int]) -> list[Signal]:
        """The D-pad moves on release, like every other press."""
        x, y = value
        if x > 0 or y < 0:
            self._hat_held = Action.NEXT
            return []
        if x < 0 or y > 0:
            self._hat_held = Action.PREVIOUS
            return []
        held, self._hat_held = self._hat_held, None
        if held is None:
            return []
        if self.mode is InputMode.ONE_SWITCH:
            return [Action.SELECT]
        return [held]

    def _gamepad_button(self, button: int) -> list[Signal]:
        if self.mode is InputMode.TWO_SWITCH:
            return [Action.NEXT] if button != _GAMEPAD_A else [Action.SELECT]
        if button == _GAMEPAD_A or self.mode is InputMode.ONE_SWITCH:
            return [Action.SELECT]
        if button == _GAMEPAD_B:
            return [Action.BACK]
        return []

    def _controller_button(self, button: int) -> list[Signal]:
        mapping = {
            pygame.CONTROLLER_BUTTON_A: _GAMEPAD_A,
            pygame.CONTROLLER_BUTTON_B: _GAMEPAD_B,
        }
        if (
            button == pygame.CONTROLLER_BUTTON_DPAD_DOWN
            or button == pygame.CONTROLLER_BUTTON_DPAD_RIGHT
        ):
            return [Action.NEXT]
        if (
            button == pygame.CONTROLLER_BUTTON_DPAD_UP
            or button == pygame.CONTROLLER_BUTTON_DPAD_LEFT
        ):
            return [Action.PREVIOUS]
        return self._gamepad_button(mapping.get(button, 99))

    def _stick(self, value: float) -> list[Signal]:
        if abs(value) < _STICK_THRESHOLD / 2:
            self._stick_centred = True
            return []
        if not self._stick_centred or abs(value) < _STICK_THRESHOLD:
            return []
        self._stick_centred = False
        return [Action.NEXT if value > 0 else Action.PREVIOUS]
