"""Gamepads and joysticks: opened at start-up and when plugged in, so their events arrive."""

from __future__ import annotations

import pygame


class Gamepads:
    """Keeps every connected joystick open. SDL only sends button, hat and axis events for an
    open device, so a pad plugged in mid-game must be opened as soon as it appears."""

    def __init__(self) -> None:
        self._open: dict[int, pygame.joystick.JoystickType] = {}

    def start(self) -> None:
        """Open every joystick already connected; never fails (no joystick support is fine)."""
        try:
            pygame.joystick.init()
            count = pygame.joystick.get_count()
        except pygame.error:
            return
        for index in range(count):
            self.add(index)

    @property
    def names(self) -> list[str]:
        """The names of the open devices, for the adult area."""
        return [pad.get_name() for pad in self._open.values()]

    def add(self, device_index: int) -> bool:
        """Open the device at an index; False when it cannot be opened."""
        try:
            pad = pygame.joystick.Joystick(device_index)
            pad.init()
            instance = pad.get_instance_id()
        except (pygame.error, IndexError, ValueError):
            return False
        self._open[instance] = pad
        return True

    def remove(self, instance_id: int) -> None:
        """Forget an unplugged device."""
        pad = self._open.pop(instance_id, None)
        if pad is not None:
            try:
                pad.quit()
            except pygame.error:
                pass

    def handle(self, event: pygame.event.Event) -> bool:
        """Plugging and unplugging; True if the event was one of those."""
        if event.type == pygame.JOYDEVICEADDED:
            self.add(getattr(event, "device_index", -1))
            return True
        if event.type == pygame.JOYDEVICEREMOVED:
            self.remove(getattr(event, "instance_id", -1))
            return True
        return False
