"""Settings, applied live: text size, spacing, controls, sound, contrast, font, language."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pygame

from game.i18n.catalog import available_locales
from game.scenes.base import Scene
from game.settings import (
    DEBOUNCE_STEPS,
    LINE_SPACINGS,
    NARRATION_SPEEDS,
    SCAN_INTERVALS,
    TEXT_SCALES,
    VOLUME_STEPS,
    InputMode,
)
from game.ui.pages import grid
from game.ui.widgets import GAP, Button, Widget, button_height, button_width, draw_panel


@dataclass(frozen=True)
class Choice:
    """One setting: a cycle of values, shown with words and an icon."""

    key: str
    icon: str
    values: Sequence[Any]
    describe: Callable[[Any], str]


def _next_value(values: Sequence[Any], current: Any) -> Any:
    try:
        return values[(list(values).index(current) + 1) % len(values)]
    except ValueError:
        return values[0]


class SettingsScene(Scene):
    """Each setting is one button that steps to its next value, so a single switch can set it."""

    background = "title"
    show_settings = False

    def __init__(self, ctx) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.page = 0
        self.pages = 1

    def title(self) -> str:
        return self.ctx._("Settings")

    def choices(self) -> list[Choice]:
        """Every setting, in the order shown."""
        _ = self.ctx._

        def on_off(value: object) -> str:
            return _("On") if value else _("Off")

        modes = {
            InputMode.MOUSE: _("Mouse or touch"),
            InputMode.KEYBOARD: _("Keyboard"),
            InputMode.ONE_SWITCH: _("One switch"),
            InputMode.TWO_SWITCH: _("Two switches"),
            InputMode.GAMEPAD: _("Gamepad"),
        }
        countries = [None, *self.ctx.catalogue.helpline_countries()]
        locales = available_locales(self.ctx.i18n.locales_dir)

        def narration(value: bool | None) -> str:
            if value is None:
                return _("Read aloud: Auto")
            return _("Read aloud: {state}").format(state=on_off(value))

        return [
            Choice(
                "text_scale",
                "text-size",
                TEXT_SCALES,
                lambda v: _("Text size: {percent}%").format(percent=v),
            ),
            Choice(
                "line_spacing",
                "text-size",
                LINE_SPACINGS,
                lambda v: _("Line spacing: {value}").format(value=f"{v:g}"),
            ),
            Choice(
                "dyslexia_font",
                "text-size",
                (False, True),
                lambda v: _("Easy-read font: {state}").format(state=on_off(v)),
            ),
            Choice(
                "high_contrast",
                "contrast",
                (False, True),
                lambda v: _("High contrast: {state}").format(state=on_off(v)),
            ),
            Choice(
                "reduced_motion",
                "pause",
                (False, True),
                lambda v: _("Less movement: {state}").format(state=on_off(v)),
            ),
            Choice("narration", "speaker", (None, True, False), narration),
            Choice(
                "narration_speed",
                "speaker",
                NARRATION_SPEEDS,
                lambda v: _("Reading speed: {percent}%").format(percent=v),
            ),
            Choice(
                "captions",
                "chat",
                (False, True),
                lambda v: _("Sound captions: {state}").format(state=on_off(v)),
            ),
            Choice(
                "input_mode",
                "keyboard",
                list(InputMode),
                lambda v: _("Controls: {mode}").format(mode=modes[InputMode(v)]),
            ),
            Choice(
                "scan_interval",
                "switch",
                SCAN_INTERVALS,
                lambda v: _("Scan speed: {seconds} s").format(seconds=f"{v:g}"),
            ),
            Choice(
                "scan_sound",
                "switch",
                (True, False),
                lambda v: _("Scan tick sound: {state}").format(state=on_off(v)),
            ),
            Choice(
                "debounce",
                "two-switch",
                DEBOUNCE_STEPS,
                lambda v: _("Ignore quick repeat presses: {seconds} s").format(seconds=f"{v:g}"),
            ),
            Choice(
                "narration_volume",
                "speaker",
                VOLUME_STEPS,
                lambda v: _("Voice volume: {percent}%").format(percent=v),
            ),
            Choice(
                "effects_volume",
                "speaker",
                VOLUME_STEPS,
                lambda v: _("Sound effects: {percent}%").format(percent=v),
            ),
            Choice(
                "music_volume",
                "speaker",
                VOLUME_STEPS,
                lambda v: _("Music: {percent}%").format(percent=v),
            ),
            Choice(
                "mute",
                "speaker-off",
                (False, True),
                lambda v: _("Mute all sound: {state}").format(state=on_off(v)),
            ),
            Choice(
                "locale",
                "settings",
                locales,
                lambda v: _("Language: {name}").format(name=self.ctx.i18n.display_name(v)),
            ),
            Choice(
                "helpline_country",
                "help",
                countries,
                lambda v: _("Helpline country: {country}").format(country=v if v else _("not set")),
            ),
        ]

    def build(self) -> list[Widget]:
        _ = self.ctx._
        area = self.content_rect()
        notices = self._notice_text()
        if notices:
            area.top += self.ctx.text.block_height(notices, "small", area.width) + GAP * 2
            area.height = self.content_rect().bottom - area.top
        choices = self.choices()
        columns = 1 if self.ctx.settings.text_scale >= 175 else 2
        cell_width = (area.width - (columns - 1) * GAP) // columns
        longest = max((c.describe(self.ctx.settings.__dict__[c.key]) for c in choices), key=len)
        cell_height = button_height(self.ctx, longest, cell_width, icon=True)
        more_height = self.bar_height()
        layout = grid(area, len(choices), columns, cell_height, reserve=more_height + GAP)
        self.pages = layout.pages
        self.page = min(self.page, layout.pages - 1)
        start = self.page * layout.per_page
        widgets: list[Widget] = []
        for cell, choice in zip(
            layout.cells, choices[start : start + layout.per_page], strict=False
        ):
            value = getattr(self.ctx.settings, choice.key)
            text = choice.describe(value)
            widgets.append(
                Button(
                    f"setting-{choice.key}",
                    cell,
                    text,
                    self._cycler(choice),
                    text=text,
                    icon=choice.icon,
                    align="left",
                )
            )
        if layout.pages > 1:
            text = _("More settings")
            width = button_width(self.ctx, text, icon=True)
            rect = pygame.Rect(
                area.centerx - width // 2, area.bottom - more_height, width, more_height
            )
            widgets.append(Button("more", rect, text, self._next_page, text=text, icon="next"))
        return widgets

    def _notice_text(self) -> str:
        """What an adult should know, each said once: no sound device, no voice..."""
        notices: list[str] = []
        for notice in [*self.ctx.notices, *self.ctx.narrator.problems]:
            if self.ctx._(notice) not in notices:
                notices.append(self.ctx._(notice))
        return "\n".join(notices)

    def _cycler(self, choice: Choice) -> Callable[[], None]:
        def cycle() -> None:
            current = getattr(self.ctx.settings, choice.key)
            self.ctx.update_settings(**{choice.key: _next_value(choice.values, current)})

        return cycle

    def _next_page(self) -> None:
        self.page = (self.page + 1) % max(1, self.pages)
        self.relayout()

    def draw_content(self, surface: pygame.Surface) -> None:
        notices = self._notice_text()
        if not notices:
            return
        area = self.content_rect()
        rendered = self.ctx.text.render(notices, "small", self.ctx.theme.ink, area.width - 2 * GAP)
        panel = pygame.Rect(area.left, area.top, area.width, rendered.get_height() + GAP)
        draw_panel(surface, panel, self.ctx)
        surface.blit(
            rendered,
            self.place(
                pygame.Rect(
                    area.left + GAP,
                    area.top + GAP // 2,
                    area.width - 2 * GAP,
                    rendered.get_height(),
                )
            ),
        )
