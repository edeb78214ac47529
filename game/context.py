"""The Context: everything a scene may use, handed to it explicitly. There are no module globals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.audio.narrator import Narrator
from game.audio.player import Audio
from game.i18n.catalog import I18n
from game.input.devices import InputRouter
from game.input.scanner import Scanner
from game.paths import assets_dir
from game.scenes.stack import SceneStack
from game.settings import Settings
from game.text.service import TextService, find_fonts
from game.ui.art import Art
from game.ui.theme import Theme, theme_for

if TYPE_CHECKING:
    from game.content.catalogue import Catalogue
    from game.store.database import Player, Store


@dataclass
class Context:
    """Services and state shared by every scene of one running game."""

    stored_settings: Settings
    store: Store
    catalogue: Catalogue
    i18n: I18n
    text: TextService
    art: Art
    audio: Audio
    input: InputRouter
    scanner: Scanner
    clock: Callable[[], float]
    scenes: SceneStack = field(default_factory=SceneStack)
    overrides: dict[str, Any] = field(default_factory=dict)
    """Settings given on the command line: they hold for this session and are not saved."""
    player: Player | None = None
    notices: list[str] = field(default_factory=list)
    """Things an adult should know (no sound device, a recovered database...)."""
    narrator: Narrator = field(default_factory=lambda: Narrator(None))
    """Reads text aloud (screen reader, recorded voice or offline text-to-speech)."""
    running: bool = True
    _effective: tuple[tuple[Any, ...], Settings] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def settings(self) -> Settings:
        """The settings in force: the stored ones with this session's overrides on top.

        Drawing reads this many times a frame, so the merge is kept until either side changes.
        """
        if not self.overrides:
            return self.stored_settings
        key = (self.stored_settings, *self.overrides.items())
        if self._effective is None or self._effective[0] != key:
            self._effective = (key, self.stored_settings.changed(**self.overrides))
        return self._effective[1]

    @property
    def theme(self) -> Theme:
        """The colours in force."""
        return theme_for(self.settings.high_contrast)

    def _(self, message: str) -> str:
        """A UI string in the player's language."""
        return self.i18n.gettext(message)

    def update_settings(self, **values: Any) -> None:
        """Change settings as the player or an adult chose them: applied live and saved."""
        for key in values:
            self.overrides.pop(key, None)
        self.stored_settings = self.stored_settings.changed(**values)
        player_id = self.player.id if self.player else None
        self.store.save_settings(player_id, self.stored_settings.to_dict())
        self.apply()

    def select_player(self, player: Player | None) -> None:
        """Make a player current and load their settings (machine-wide defaults beneath)."""
        self.player = player
        values = dict(self.store.load_settings(None))
        if player is not None:
            values.update(self.store.load_settings(player.id))
        self.stored_settings = Settings.from_dict(values)
        self.apply()

    def apply(self) -> None:
        """Push the settings in force into every service and lay the scenes out again."""
        settings = self.settings
        if settings.locale is not None and settings.locale != self.i18n.requested:
            self.i18n = I18n(self.i18n.locales_dir, settings.locale)
        self.text.configure(
            find_fonts(assets_dir() / "fonts", settings.dyslexia_font),
            settings.text_scale,
            settings.line_spacing,
            self.i18n.locale,
        )
        self.audio.configure(
            settings.effects_volume, settings.mute, settings.narration_volume, settings.music_volume
        )
        self.narrator.configure(self.i18n.locale, settings.narration_speed)
        self.input.mode = settings.input_mode
        self.input.debounce = settings.debounce
        self.scanner.interval = settings.scan_interval
        self.scenes.relayout_all()

    def quit(self) -> None:
        """End the game after this frame."""
        self.running = False

    def close(self) -> None:
        """Release what the session holds: the narrator's worker (a line it is writing is
        finished first, so no file is left half-written in the data folder), then the database."""
        self.narrator.close()
        self.store.close()


def data_dir_for(explicit: str | None, environment: dict[str, str]) -> Path:
    """The folder for the database: `--data-dir`, then SANGO_DATA_DIR, then the platform's."""
    if explicit:
        return Path(explicit).expanduser()
    if environment.get("SANGO_DATA_DIR"):
        return Path(environment["SANGO_DATA_DIR"]).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("sango", appauthor=False))
