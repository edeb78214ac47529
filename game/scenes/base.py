"""What every scene shares: layout from widgets, a focus ring, actions, and the bottom bar."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import pygame

from game.input.actions import Action, Pointer
from game.input.focus import FocusRing
from game.ui.widgets import (
    GAP,
    RADIUS,
    Button,
    Widget,
    button_height,
    button_width,
    draw_focus,
    icon_button_width,
)

if TYPE_CHECKING:
    from game.context import Context

CANVAS_SIZE = (1280, 720)
CANVAS = pygame.Rect(0, 0, *CANVAS_SIZE)
EDGE = 24
"""Nothing focusable comes nearer the canvas edge than this, so the focus ring always shows."""
FOCUS_REACH = 24
"""How far the focus ring or scan highlight reaches outside its widget, with room to spare."""


class Scene:
    """A screen. Subclasses build their widgets in `build` and draw extras in `draw_content`.

    Layout is written left to right; for right-to-left languages the base class mirrors every
    widget, and `place` mirrors what a scene draws itself.
    """

    transparent = False
    """An overlay (help, a question) that shows the scene beneath it."""
    background: str | None = "title"
    can_go_back = True
    show_settings = True
    show_help = True
    show_replay = True
    """A "Hear again" button in the bottom bar, whenever something can read aloud."""
    auto_scan = False
    """Scan through the choices by itself whatever the input mode (the first-run setup, where
    the game does not yet know how the child presses)."""
    narrate_always = False
    """Read this scene aloud even when narration is off (a screen that needs no reading)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.focus = FocusRing()
        self.widgets: list[Widget] = []
        self.dirty = True
        self.damage: list[pygame.Rect] = []
        """Areas to redraw when only they changed (the focus moved); `dirty` redraws it all."""
        self.layout_version = 0

    # Life cycle -------------------------------------------------------------------------
    def enter(self) -> None:
        """Called when the scene is pushed."""
        self.relayout()

    def exit(self) -> None:
        """Called when the scene leaves the stack."""

    def pause(self) -> None:
        """Called when another scene is pushed on top."""

    def resume(self) -> None:
        """Called when the scene is on top again; settings may have changed meanwhile."""
        self.relayout()

    # Layout ------------------------------------------------------------------------------
    def title(self) -> str:
        """The heading shown at the top, already translated."""
        return ""

    def build(self) -> list[Widget]:
        """The scene's own widgets in reading order, laid out left to right."""
        return []

    def relayout(self) -> None:
        """Build the widgets again (new text size, language...), keeping the focused item."""
        keep = self.focus.focused.id if self.focus.focused else None
        chrome = self.build_chrome()
        content = self.build()
        _make_room_in_bar(chrome, content, icon_button_width(self.ctx))
        widgets = _reading_order(chrome, content)
        if content and not any(widget.id == keep for widget in widgets):
            keep = content[0].id  # a new layout starts on the scene's own first control
        if self.ctx.i18n.rtl:
            for widget in widgets:
                widget.rect = self.place(widget.rect)
        for widget in widgets:
            # A safety net under every layout: a target never leaves the screen, so the focus
            # (and a switch user) can always see it. The audit still reports the layout bug.
            kept = keep_on_canvas(widget.rect)
            widget.pushed_on_screen = kept != widget.rect
            widget.rect = kept
        self.widgets = widgets
        self.focus.set_items(widgets, keep)
        self.layout_version += 1
        self.dirty = True

    def place(self, rect: pygame.Rect) -> pygame.Rect:
        """A rectangle laid out left to right, mirrored for right-to-left languages."""
        if not self.ctx.i18n.rtl:
            return rect
        mirrored = rect.copy()
        mirrored.x = CANVAS.width - rect.right
        return mirrored

    def narration(self) -> str:
        """The scene's main text to read aloud; empty means "the text it draws itself"."""
        return ""

    def spoken_text(self, opening: bool = True) -> list[str]:
        """What the narrator reads for this scene: the title when it opens, then the main text.

        Without a `narration` of its own, the scene's drawn text (not its buttons) is read, as
        recorded by the draw log while it was last drawn.
        """
        title = self.title()
        lines = [title] if opening and title else []
        main = self.narration()
        if main:
            lines.append(main)
        else:
            log = self.ctx.text.log
            drawn = log.texts(self, ("content",)) if log is not None else []
            lines.extend(text for text in drawn if text != title and text not in lines)
        return lines

    def replay(self) -> None:
        """Read the screen again ("Hear again"), even with narration off: the player asked."""
        self.ctx.narrator.say(self.spoken_text())

    def header_height(self) -> int:
        """Height of the title strip at the top (a long title at a big text size wraps)."""
        title = self.title()
        if not title:
            return EDGE
        return self.ctx.text.block_height(title, "heading", CANVAS.width - 2 * EDGE) + 28

    def bar_height(self) -> int:
        """Height of the bottom bar buttons."""
        return button_height(self.ctx, self.ctx._("Back"), 400, icon=True)

    def content_rect(self) -> pygame.Rect:
        """The free area between the title strip and the bottom bar."""
        top = self.header_height()
        bottom = CANVAS.height - EDGE - self.bar_height() - GAP
        return pygame.Rect(EDGE, top, CANVAS.width - 2 * EDGE, bottom - top)

    def build_chrome(self) -> list[Widget]:
        """The bottom bar: Back on the leading side; Settings and Get help on the trailing side,
        in the fullest form that fits the canvas."""
        return _fit_bar(self.chrome_buttons(), icon_button_width(self.ctx))

    def chrome_buttons(self) -> list[Widget]:
        """The bottom bar's buttons with all their words, before fitting."""
        _ = self.ctx._
        height = self.bar_height()
        y = CANVAS.height - EDGE - height
        widgets: list[Widget] = []
        if self.can_go_back:
            text = _("Back")
            widgets.append(
                Button(
                    "back",
                    pygame.Rect(EDGE, y, button_width(self.ctx, text, True), height),
                    text,
                    self.back,
                    text=text,
                    icon="back",
                )
            )
        if self.show_replay and self.ctx.narrator.available:
            text = _("Hear again")
            widgets.append(
                Button(
                    "replay",
                    pygame.Rect(EDGE, y, button_width(self.ctx, text, True), height),
                    text,
                    self.replay,
                    text=text,
                    icon="replay",
                )
            )
        right = CANVAS.width - EDGE
        trailing: list[Widget] = []
        if self.show_help:
            text = _("Get help")
            width = button_width(self.ctx, text, True)
            trailing.append(
                Button(
                    "help",
                    pygame.Rect(right - width, y, width, height),
                    text,
                    self.open_help,
                    text=text,
                    icon="help",
                )
            )
            right -= width + GAP
        from game.classroom.controls import settings_locked

        if self.show_settings and not settings_locked(self.ctx):
            text = _("Settings")
            width = button_width(self.ctx, text, True)
            trailing.append(
                Button(
                    "settings",
                    pygame.Rect(right - width, y, width, height),
                    text,
                    self.open_settings,
                    text=text,
                    icon="settings",
                )
            )
        widgets.extend(reversed(trailing))
        return widgets

    def bar_room(self, width: int) -> pygame.Rect | None:
        """Room at least `width` px wide in the bottom bar's row, between its leading and
        trailing buttons, for content that big text leaves no room for above the bar (a step's
        Next). The bar gives up words for icons only as far as needed (their names are still
        spoken). None when even an all-icon bar leaves too little. Laid out left to right, as
        `build` is; content placed there is put in reading order among the bar's buttons.
        """
        buttons = [widget for widget in self.chrome_buttons() if isinstance(widget, Button)]
        for _form in _bar_forms(buttons, icon_button_width(self.ctx)):
            free = _free_in_bar(buttons, self.bar_height())
            if free.width >= width:
                return free
        return None

    def in_bar_row(self, rect: pygame.Rect) -> bool:
        """Whether `rect` (as placed on screen) sits in the bottom bar's row, clear of the bar's
        own buttons and on the canvas: where `bar_room` puts a step's button at big text."""
        chrome = [widget.rect for widget in self.widgets if widget.id in BAR_IDS]
        row_top = min((button.top for button in chrome), default=None)
        if row_top is None or rect.top < row_top - GAP:
            return False
        return rect.collidelist(chrome) == -1 and CANVAS.contains(rect)

    # Input -------------------------------------------------------------------------------
    def handle(self, signal: Action | Pointer) -> None:
        """React to an action or a pointer event."""
        if isinstance(signal, Pointer):
            item = self.focus.at(signal.pos)
            if item is None:
                return
            if self.focus.focused is not item:
                before = self.focus.focused
                self.focus.focus(item.id)
                self.focus_moved(before)
            if signal.click:
                self.press(item)
            return
        if signal is Action.NEXT or signal is Action.PREVIOUS:
            before = self.focus.focused
            if self.focus.move(1 if signal is Action.NEXT else -1) is not None:
                self.ctx.audio.play("focus")
                self.focus_moved(before)
        elif signal is Action.SELECT:
            item = self.focus.focused
            if item is not None:
                self.press(item)
        elif signal is Action.BACK:
            self.back()
        elif signal is Action.HELP:
            self.open_help()

    def focus_moved(self, before: Widget | None) -> None:
        """Redraw only around the old and the new focus, which is all a focus move changes.

        A scene that also shows something elsewhere about the focused item sets `dirty` instead.
        """
        for widget in (before, self.focus.focused):
            if widget is not None:
                self.damage.append(widget.rect.inflate(2 * FOCUS_REACH, 2 * FOCUS_REACH))

    def press(self, item: Widget) -> None:
        """Activate a widget, with the select sound."""
        self.ctx.audio.play("select")
        item.activate()
        self.dirty = True

    def handle_event(self, event: pygame.event.Event) -> bool:
        """A raw event before it becomes an action; True if the scene used it up (text entry)."""
        return False

    def update(self, now: float) -> bool:
        """Advance timers; True if something changed on screen."""
        return False

    def deadline(self) -> float | None:
        """When `update` next needs to run without any input, if ever."""
        return None

    def back(self) -> None:
        """Go back one screen."""
        self.ctx.audio.play("back")
        self.ctx.scenes.pop()

    def open_help(self) -> None:
        """Show the Get help screen on top of this one."""
        from game.scenes.help import HelpScene

        if not isinstance(self.ctx.scenes.top, HelpScene):
            self.ctx.scenes.push(HelpScene(self.ctx))

    def open_settings(self) -> None:
        """Show the settings screen."""
        from game.scenes.settings import SettingsScene

        self.ctx.scenes.push(SettingsScene(self.ctx))

    # Drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Draw the whole scene onto the canvas."""
        log = self.ctx.text.log
        self.draw_background(surface)
        title = self.title()
        if title:
            if log is not None:
                log.mark(self, "title")
            rendered = self.ctx.text.render(
                title, "heading", self.ctx.theme.ink, CANVAS.width - 2 * EDGE, "center"
            )
            strip = pygame.Rect(0, 0, CANVAS.width, self.header_height())
            pygame.draw.rect(surface, self.ctx.theme.bar, strip)
            surface.blit(rendered, rendered.get_rect(center=strip.center))
        if log is not None:
            log.mark(self, "content")
        self.draw_content(surface)
        for widget in self.widgets:
            if log is not None:
                log.mark(self, widget)
            widget.draw(surface, self.ctx, widget is self.focus.focused)
        if log is not None:
            log.mark(self, "content")
        focused = self.focus.focused
        if focused is not None:
            if self.ctx.input.scanning or self.auto_scan or self.ctx.input.step_scanning:
                draw_scan_highlight(surface, focused.rect, self.ctx)
            else:
                draw_focus(surface, focused.rect, self.ctx)
        self.dirty = False
        self.damage.clear()

    def draw_background(self, surface: pygame.Surface) -> None:
        """The calm background art, or plain colour in high contrast."""
        theme = self.ctx.theme
        if self.transparent:
            shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            shade.fill(theme.shade)
            surface.blit(shade, (0, 0))
            return
        art = None
        if self.background and not self.ctx.settings.high_contrast:
            art = self.ctx.art.image("backgrounds", self.background, CANVAS_SIZE)
        if art is None or art.get_flags() & pygame.SRCALPHA or art.get_size() != CANVAS_SIZE:
            surface.fill(theme.background)  # opaque art covering the canvas needs no fill below
        if art is not None:
            surface.blit(art, (0, 0))

    def draw_content(self, surface: pygame.Surface) -> None:
        """Extras drawn under the widgets: Sango, panels, pictures."""


def draw_scan_highlight(surface: pygame.Surface, rect: pygame.Rect, ctx: Context) -> None:
    """The switch-scan highlight: a wide bright band between two dark rings, so the item the
    scan is on can be seen from across a room, on any background."""
    theme = ctx.theme
    outer, inner = theme.focus_outer, theme.focus_inner
    if ctx.settings.high_contrast:
        outer, inner = theme.background, theme.focus_outer
    pygame.draw.rect(surface, outer, rect.inflate(36, 36), width=5, border_radius=RADIUS + 16)
    pygame.draw.rect(surface, inner, rect.inflate(28, 28), width=10, border_radius=RADIUS + 12)
    pygame.draw.rect(surface, outer, rect.inflate(10, 10), width=4, border_radius=RADIUS + 4)


LEADING = ("back", "replay")
"""The bar's buttons on the leading side; the others (Settings, Get help) trail."""
BAR_IDS = frozenset({"back", "replay", "settings", "help"})
"""The ids of the bottom bar's own buttons."""


def _fit_bar(
    widgets: list[Widget], icon_width: int, obstacles: Sequence[Widget] = ()
) -> list[Widget]:
    """Keep the bottom bar on one line at any text size, clear of any content a scene puts in
    the bar's row: "Hear again" shows its icon only when needed (its words are still spoken),
    then, if the bar still does not fit, every button does (`icon_width` wide)."""
    room = CANVAS.width - 2 * EDGE
    buttons = [widget for widget in widgets if isinstance(widget, Button)]
    for _form in _bar_forms(buttons, icon_width):
        _place_bar(buttons)
        used = sum(widget.rect.width for widget in buttons) + GAP * max(0, len(buttons) - 1)
        if used <= room and not any(
            button.rect.inflate(2 * GAP - 4, 0).colliderect(obstacle.rect)
            for button in buttons
            for obstacle in obstacles
        ):
            return widgets
    return widgets


def _bar_forms(buttons: list[Button], icon_width: int) -> Iterator[None]:
    """Turn the bar's buttons into each of its forms in turn, fullest first: all words; "Hear
    again" as an icon; every button as an icon (`icon_width` wide, as tall as the bar)."""
    yield None
    for shrinking in ([button for button in buttons if button.id == "replay"], buttons):
        for button in shrinking:
            button.text = ""
            button.rect.width = min(button.rect.width, icon_width)
        yield None


def _place_bar(buttons: list[Button]) -> None:
    """Line the bar up: leading buttons from the leading edge, the others at the trailing one."""
    x = EDGE
    for button in buttons:
        if button.id in LEADING:
            button.rect.x = x
            x = button.rect.right + GAP
    x = CANVAS.width - EDGE
    for button in reversed(buttons):
        if button.id not in LEADING:
            button.rect.right = x
            x = button.rect.left - GAP


def _free_in_bar(buttons: list[Button], height: int) -> pygame.Rect:
    """The bar's row between its leading and trailing buttons, a gap clear of both."""
    _place_bar(buttons)
    leading = [button.rect.right + GAP for button in buttons if button.id in LEADING]
    trailing = [button.rect.left - GAP for button in buttons if button.id not in LEADING]
    left = max(leading, default=EDGE)
    right = min(trailing, default=CANVAS.width - EDGE)
    top = CANVAS.height - EDGE - height
    return pygame.Rect(left, top, max(0, right - left), height)


def _bar_row_top(chrome: list[Widget]) -> int | None:
    """Where the bottom bar's row starts (None for a screen without a bar)."""
    return min((widget.rect.top for widget in chrome), default=None)


def _make_room_in_bar(chrome: list[Widget], content: list[Widget], icon_width: int) -> None:
    """Refit the bar around content a scene placed in the bar's row (a "More" button)."""
    row_top = _bar_row_top(chrome)
    if row_top is None:
        return
    in_row = [widget for widget in content if widget.rect.top >= row_top - GAP]
    if in_row:
        _fit_bar(chrome, icon_width, in_row)


def _reading_order(chrome: list[Widget], content: list[Widget]) -> list[Widget]:
    """The scene's content, then the bar's row in reading order (laid out left to right): a
    button a scene put in the bar's row comes between Back and Settings, where it is seen."""
    row_top = _bar_row_top(chrome)
    if row_top is None:
        return content + chrome
    above = [widget for widget in content if widget.rect.top < row_top - GAP]
    row = [widget for widget in content if widget.rect.top >= row_top - GAP] + chrome
    row.sort(key=lambda widget: widget.rect.left)
    return above + row


def keep_on_canvas(rect: pygame.Rect) -> pygame.Rect:
    """The rectangle moved (and if need be shrunk) to lie inside the canvas, keeping a margin
    for the focus ring."""
    room = CANVAS.inflate(-EDGE, -EDGE)
    if room.contains(rect) or rect.width == 0 or rect.height == 0:
        return rect
    kept = rect.copy()
    kept.width = min(kept.width, room.width)
    kept.height = min(kept.height, room.height)
    return kept.clamp(room)
