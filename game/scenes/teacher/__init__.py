"""The adult area: behind a PIN, for teachers and parents. Classes and players, progress,
reports, topic controls, lesson notes and the data the game keeps.

Every screen is made of buttons in reading order, so it works with a mouse, a keyboard, one or
two switches and a gamepad, like the rest of the game.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.context import Context


def open_adult_area(ctx: Context) -> None:
    """Push the PIN gate; behind it is the adult area's home screen."""
    from game.scenes.teacher.gate import AdultGateScene

    ctx.scenes.push(AdultGateScene(ctx))
