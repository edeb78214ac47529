"""What a class may play and how it plays: levels, bands and topics on or off, the sensitive
topics for younger children, and the class's settings (helpline, controls, narration, text size,
lock, projector)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from game.classroom.class_settings import (
    INPUT_CHOICES,
    NARRATION_CHOICES,
    TEXT_SCALE_CHOICES,
    load_defaults,
    set_default,
)
from game.classroom.controls import (
    GATED_BANDS,
    GATED_TOPICS,
    Controls,
    Hidden,
    load_controls,
    save_controls,
)
from game.classroom.names import band_label, topic_label
from game.content.models import Band, Topic
from game.scenes.teacher.common import AdultScene, Entry, group_name
from game.scenes.teacher.dialogs import ConfirmScene
from game.ui.widgets import GAP, Widget, button_height


class Section(StrEnum):
    """The parts of the controls screen, one shown at a time."""

    BANDS = "bands"
    TOPICS = "topics"
    SENSITIVE = "sensitive"
    LEVELS = "levels"


class ControlsScene(AdultScene):
    """Turn age bands, topics, sensitive topics and single levels on or off for a class."""

    def __init__(self, ctx, class_id: int | None) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.class_id = class_id
        self.section = Section.BANDS

    @property
    def controls(self) -> Controls:
        return load_controls(self.ctx.store, self.class_id)

    def title(self) -> str:
        return self.ctx._("On or off: {group}").format(group=group_name(self.ctx, self.class_id))

    def intro(self) -> str:
        _ = self.ctx._
        return {
            Section.BANDS: _("Which age bands this class sees on its map."),
            Section.TOPICS: _("Turn a topic off to hide all of its levels from this class."),
            Section.SENSITIVE: _(
                "Grooming and sexual exploitation stay off for children under 13 until you "
                "turn them on. Please read the lesson notes and play the level yourself first."
            ),
            Section.LEVELS: _(
                "Turn single levels on or off. A level also needs its band and topics on."
            ),
        }[self.section]

    def min_body_height(self) -> int:
        # The tabs and the tallest switch of the section must fit below the explanation.
        width = self.content_rect().width
        tabs = max(
            widget.rect.height
            for widget in self.tab_bar(self.content_rect(), self.section_entries())
        )
        tallest = max(
            (
                button_height(self.ctx, entry.text, width, icon=True)
                for entry in self.toggle_entries()
            ),
            default=0,
        )
        return tabs + GAP + tallest

    def section_entries(self) -> list[Entry]:
        _ = self.ctx._
        names = {
            Section.BANDS: _("Age bands"),
            Section.TOPICS: _("Topics"),
            Section.SENSITIVE: _("Sensitive topics"),
            Section.LEVELS: _("Levels"),
        }
        return [
            Entry(
                f"section-{section}",
                names[section],
                self._section(section),
                None,
                selected=section is self.section,
            )
            for section in Section
        ]

    def toggle_entries(self) -> list[Entry]:
        """The on/off buttons of the section shown."""
        _ = self.ctx._
        controls = self.controls
        on_off = lambda on: _("On") if on else _("Off")  # noqa: E731
        entries: list[Entry] = []
        if self.section is Section.BANDS:
            for band in Band:
                on = controls.band_on(str(band))
                entries.append(
                    Entry(
                        f"band-{band}",
                        _("{name}: {state}").format(
                            name=band_label(_, str(band)), state=on_off(on)
                        ),
                        self._toggle(lambda c, b=str(band): c.toggled_band(b)),
                        "check" if on else "cross",
                    )
                )
        elif self.section is Section.TOPICS:
            for topic in Topic:
                on = controls.topic_on(str(topic))
                entries.append(
                    Entry(
                        f"topic-{topic}",
                        _("{name}: {state}").format(
                            name=topic_label(_, str(topic)), state=on_off(on)
                        ),
                        self._toggle(lambda c, t=str(topic): c.toggled_topic(t)),
                        "check" if on else "cross",
                    )
                )
        elif self.section is Section.SENSITIVE:
            for topic in GATED_TOPICS:
                for band in GATED_BANDS:
                    on = controls.sensitive_allowed(band, topic)
                    entries.append(
                        Entry(
                            f"sensitive-{band}-{topic}",
                            _("{topic} for {band}: {state}").format(
                                topic=topic_label(_, topic),
                                band=band_label(_, band).lower(),
                                state=on_off(on),
                            ),
                            self._sensitive(band, topic),
                            "check" if on else "lock",
                        )
                    )
        else:
            for level in self.ctx.catalogue.levels:
                reason = controls.hidden_because(level)
                title = self.ctx.i18n.level(level.id, level.title)
                state = on_off(reason is None)
                if reason is not None and reason is not Hidden.LEVEL:
                    state = {
                        Hidden.BAND: _("Off (its age band is off)"),
                        Hidden.TOPIC: _("Off (a topic is off)"),
                        Hidden.SENSITIVE: _("Off (a sensitive topic is off)"),
                    }[reason]
                entries.append(
                    Entry(
                        f"level-{level.id}",
                        _("{title} ({band}): {state}").format(
                            title=title, band=band_label(_, str(level.band)), state=state
                        ),
                        self._toggle(lambda c, i=level.id: c.toggled_level(i)),
                        "check" if reason is None else "cross",
                    )
                )
        return entries

    def build(self) -> list[Widget]:
        area = self.body_rect()
        tabs = self.tab_bar(area, self.section_entries())
        tab_bottom = max(widget.rect.bottom for widget in tabs)
        area.height -= tab_bottom + GAP - area.top
        area.top = tab_bottom + GAP
        return tabs + self.button_list(area, self.toggle_entries(), columns=2)

    def _section(self, section: Section) -> Callable[[], None]:
        def show() -> None:
            self.section = section
            self.page = 0
            self.relayout()

        return show

    def _toggle(self, change: Callable[[Controls], Controls]) -> Callable[[], None]:
        def toggle() -> None:
            save_controls(self.ctx.store, self.class_id, change(self.controls))
            self.relayout()

        return toggle

    def _sensitive(self, band: str, topic: str) -> Callable[[], None]:
        _ = self.ctx._

        def toggle() -> None:
            controls = self.controls
            if controls.sensitive_allowed(band, topic):
                save_controls(
                    self.ctx.store, self.class_id, controls.toggled_sensitive(band, topic)
                )
                self.relayout()
                return

            def allow() -> None:
                save_controls(
                    self.ctx.store, self.class_id, self.controls.toggled_sensitive(band, topic)
                )
                self.relayout()

            self.ctx.scenes.push(
                ConfirmScene(
                    self.ctx,
                    _("Turn on {topic} for {band}?").format(
                        topic=topic_label(_, topic).lower(), band=band_label(_, band).lower()
                    ),
                    _(
                        "Please read the content note in the lesson notes and play the level "
                        "yourself first. Play it with the class, or with an adult nearby. A child "
                        "may tell you something: listen, believe them, and follow your "
                        "safeguarding procedure."
                    ),
                    _("Yes, turn it on"),
                    allow,
                    _("No, keep it off"),
                )
            )

        return toggle


class ClassSettingsScene(AdultScene):
    """The class's defaults, each one button that steps to its next value (switch friendly)."""

    def __init__(self, ctx, class_id: int | None) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.class_id = class_id

    def title(self) -> str:
        return self.ctx._("Class settings: {group}").format(
            group=group_name(self.ctx, self.class_id)
        )

    def intro(self) -> str:
        return self.ctx._(
            "Given to every player of the class. Lock them so children cannot change them."
        )

    def entries(self) -> list[Entry]:
        _ = self.ctx._
        defaults = load_defaults(self.ctx.store, self.class_id)
        chooses = _("players choose")
        on_off = lambda on: _("On") if on else _("Off")  # noqa: E731
        modes = {
            "mouse": _("Mouse or touch"),
            "keyboard": _("Keyboard"),
            "one-switch": _("One switch"),
            "two-switch": _("Two switches"),
            "gamepad": _("Gamepad"),
        }
        narration = {
            "band": _("on for ages 5 to 8"),
            "on": _("On"),
            "off": _("Off"),
        }
        countries: list[str | None] = [None, *self.ctx.catalogue.helpline_countries()]
        if self.class_id is None:
            helpline = _("Helpline on this computer: {country}").format(
                country=defaults.helpline_country or _("not set")
            )
        else:
            helpline = _("Helpline: {country}").format(
                country=defaults.helpline_country or _("as on this computer")
            )
        return [
            Entry(
                "helpline_country",
                helpline,
                self._cycle("helpline_country", countries, defaults.helpline_country),
                "help",
            ),
            Entry(
                "input_mode",
                _("Controls: {mode}").format(mode=modes.get(defaults.input_mode or "", chooses)),
                self._cycle("input_mode", INPUT_CHOICES, defaults.input_mode),
                "keyboard",
            ),
            Entry(
                "narration",
                _("Reading aloud: {state}").format(
                    state=narration.get(defaults.narration or "", chooses)
                ),
                self._cycle("narration", NARRATION_CHOICES, defaults.narration),
                "speaker",
            ),
            Entry(
                "text_scale",
                _("Text size: {size}").format(
                    size=f"{defaults.text_scale}%" if defaults.text_scale else chooses
                ),
                self._cycle("text_scale", TEXT_SCALE_CHOICES, defaults.text_scale),
                "text-size",
            ),
            Entry(
                "settings_locked",
                _("Lock settings: {state}").format(state=on_off(defaults.settings_locked)),
                self._cycle("settings_locked", (False, True), defaults.settings_locked),
                "lock",
            ),
            Entry(
                "projector",
                _("Projector mode: {state}").format(state=on_off(defaults.projector)),
                self._cycle("projector", (False, True), defaults.projector),
                "fullscreen",
            ),
        ]

    def build(self) -> list[Widget]:
        return self.button_list(self.body_rect(), self.entries(), columns=2)

    def _cycle(self, key: str, choices: Sequence[Any], current: Any) -> Callable[[], None]:
        def step() -> None:
            values = list(choices)
            index = values.index(current) if current in values else -1
            set_default(self.ctx.store, self.class_id, key, values[(index + 1) % len(values)])
            self.refresh_settings()

        return step
