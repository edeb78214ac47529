"""Sound captions: each earcon also shown as words and an icon, for a couple of seconds."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scenes.base import CANVAS
from game.ui.widgets import PADDING, RADIUS

if TYPE_CHECKING:
    from game.context import Context

CAPTION_SECONDS = 2.0
ICON_SIZE = 40
MARGIN = 12
MAX_TEXT_WIDTH = 760


def caption_for(ctx: Context, sound: str) -> tuple[str, str]:
    """The icon and the words that stand for an earcon, in the player's language."""
    _ = ctx._
    captions = {
        "focus": ("next", _("Tick: moved")),
        "scan-tick": ("switch", _("Tick: next choice")),
        "select": ("check", _("Click: pressed")),
        "back": ("back", _("Swish: going back")),
        "correct": ("safe", _("Happy chime: good choice")),
        "try-again": ("try-again", _("Soft bloop: try again")),
        "message": ("chat", _("Ping: new message")),
        "badge": ("trophy", _("Fanfare: new badge")),
        "complete": ("star", _("Hooray tune: level done")),
    }
    return captions.get(sound, ("speaker", _("Sound: {name}").format(name=sound)))


class Captions:
    """Listens to the earcons and shows the latest one in the top corner while it is fresh.

    Only shown when the captions setting is on. Times come from deadlines, so the game loop
    sleeps until a caption is due to go.
    """

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.sound: str | None = None
        self.until = 0.0
        self.changed = False
        ctx.audio.listeners.append(self.heard)

    def heard(self, sound: str) -> None:
        """An earcon played."""
        if not self.ctx.settings.captions:
            return
        self.sound = sound
        self.until = self.ctx.clock() + CAPTION_SECONDS
        self.changed = True

    def update(self, now: float) -> bool:
        """Drop a caption whose time is up; True if the screen must be redrawn."""
        changed, self.changed = self.changed, False
        if self.sound is not None and now >= self.until:
            self.sound = None
            changed = True
        return changed

    def deadline(self) -> float | None:
        """When the caption on screen goes away."""
        return self.until if self.sound is not None else None

    @property
    def showing(self) -> str | None:
        """The earcon whose caption is on screen."""
        return self.sound if self.ctx.settings.captions else None

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the caption, if one is showing, in the top trailing corner."""
        sound = self.showing
        if sound is None:
            return
        icon, words = caption_for(self.ctx, sound)
        if self.ctx.i18n.rtl:
            draw_notice(surface, self.ctx, icon, words, (MARGIN, MARGIN), "topleft")
        else:
            draw_notice(surface, self.ctx, icon, words, (CANVAS.width - MARGIN, MARGIN), "topright")


def draw_notice(
    surface: pygame.Surface,
    ctx: Context,
    icon_name: str,
    words: str,
    at: tuple[int, int],
    anchor: str = "center",
) -> pygame.Rect:
    """A dark pill with an icon and words (light on dark in every theme); returns its rect."""
    theme = ctx.theme
    fill, ink = theme.ink, theme.panel
    if ctx.settings.high_contrast:
        fill, ink = theme.background, theme.ink
    text_width = min(MAX_TEXT_WIDTH, ctx.text.measure(words, "small")[0] + 2)
    rendered = ctx.text.render(words, "small", ink, text_width, "right" if ctx.i18n.rtl else "left")
    height = max(ICON_SIZE, rendered.get_height()) + 2 * MARGIN
    rect = pygame.Rect(0, 0, ICON_SIZE + PADDING + rendered.get_width() + 2 * MARGIN, height)
    setattr(rect, anchor, at)
    pygame.draw.rect(surface, fill, rect, border_radius=RADIUS)
    pygame.draw.rect(surface, theme.button_edge, rect, width=3, border_radius=RADIUS)
    rtl = ctx.i18n.rtl
    icon = ctx.art.image("icons", icon_name, (ICON_SIZE, ICON_SIZE), tint=ink)
    icon_x = rect.right - MARGIN - ICON_SIZE if rtl else rect.left + MARGIN
    surface.blit(icon, (icon_x, rect.centery - ICON_SIZE // 2))
    text_x = rect.left + MARGIN if rtl else rect.left + MARGIN + ICON_SIZE + PADDING
    surface.blit(rendered, (text_x, rect.centery - rendered.get_height() // 2))
    return rect
