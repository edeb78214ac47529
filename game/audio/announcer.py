"""What the narrator says as the child plays: a screen's title and text when it opens, its text
again when it changes (a new step, feedback, another page), and the label of whatever gets focus.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.audio.narrator import Line
from game.settings import InputMode

if TYPE_CHECKING:
    from game.context import Context
    from game.scenes.base import Scene


def band_of(ctx: Context) -> str | None:
    """The age band the child is in: that of the level or map on screen, or under it."""
    for scene in reversed(ctx.scenes.scenes):
        level = getattr(scene, "level", None)
        if level is not None and getattr(level, "band", None) is not None:
            return str(level.band)
        band = getattr(scene, "band", None)
        if isinstance(band, str):
            return band
    return None


def recording_for(ctx: Context, scene: Scene) -> Path | None:
    """The level's recorded voice for the line on screen, when the level has one and the line
    is shown in the language it was recorded in."""
    view = getattr(scene, "view", None)
    step = getattr(view, "step", None)
    voice = getattr(step, "voice", None)
    level = getattr(scene, "level", None)
    if not voice or level is None:
        return None
    line = getattr(step, "say", None)
    translate: Any = getattr(scene, "t", None)
    if line is not None and callable(translate) and translate(line) != line:
        return None
    try:
        return ctx.catalogue.path_of(level.id).parent / voice
    except KeyError:
        return None


class Announcer:
    """Watches the top scene after every frame and tells the narrator what is new."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._scene: int | None = None
        self._text: list[str] = []
        self._focus: tuple[str, str] | None = None

    def active(self, scene: Scene) -> bool:
        """Whether to read aloud now: a screen reader is running, the scene asks for it, or the
        narration setting (or the band, when unset) says so."""
        ctx = self.ctx
        return (
            ctx.narrator.screen_reader is not None
            or scene.narrate_always
            or ctx.settings.narration_for(band_of(ctx))
        )

    def after_draw(self) -> None:
        """Compare the screen with what was last announced and say what changed."""
        ctx = self.ctx
        scene = ctx.scenes.top
        focused = scene.focus.focused
        focus = (focused.id, focused.label) if focused is not None else None
        text = [scene.title(), *scene.spoken_text(opening=False)]
        opening = id(scene) != self._scene
        if not opening and text == self._text and focus == self._focus:
            return
        title_changed = opening or text[:1] != self._text[:1]
        changed = opening or text != self._text
        focus_moved = focus != self._focus
        previous = self._text
        self._scene, self._text, self._focus = id(scene), text, focus
        if not self.active(scene):
            return
        lines: list[str | Line] = []
        if changed:
            recording = recording_for(ctx, scene)
            main = text[1:] if title_changed else _what_is_new(previous[1:], text[1:])
            if title_changed and text[0]:
                lines.append(text[0])
            for position, line in enumerate(main):
                lines.append(Line(line, recording) if recording and position == 0 else line)
        if (
            focused is not None
            and focused.label
            and ((focus_moved and not changed) or (changed and self._says_focus()))
        ):
            lines.append(focused.label)
        if lines:
            ctx.narrator.say(lines, remember=changed)

    def _says_focus(self) -> bool:
        """On a new screen, the focused item is read too, unless the player points with a mouse."""
        ctx = self.ctx
        return ctx.settings.input_mode is not InputMode.MOUSE or ctx.scenes.top.auto_scan


def _what_is_new(before: list[str], now: list[str]) -> list[str]:
    """The part of a screen's text that was not there before: a chat that gains a message
    says the message, not the whole conversation again."""
    old, new = " ".join(before).strip(), " ".join(now).strip()
    if old and old in new and old != new:
        rest = new.replace(old, " ", 1).strip()
        return [rest] if rest else []
    return now
