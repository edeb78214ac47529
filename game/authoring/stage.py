"""A quiet stage: a game context for drawing and measuring levels, with no window, no sound,
no voice and nothing saved. `sango preview` and `sango validate --strict` use it."""

from __future__ import annotations

import time
from typing import Any

import pygame

from game.content.catalogue import Catalogue
from game.context import Context
from game.i18n.catalog import I18n
from game.input.devices import InputRouter
from game.input.scanner import Scanner
from game.paths import assets_dir, locales_dir
from game.settings import Settings
from game.store.database import Store
from game.text.service import TextService, find_fonts
from game.ui.art import Art

SILENT = "previews and checks are silent"


def quiet_context(catalogue: Catalogue, **settings: Any) -> Context:
    """A context showing `catalogue` with these settings (e.g. text_scale=200, locale="ar").

    Needs only pygame's font module; pictures are converted for speed once a display exists.
    """
    from game.audio.player import Audio

    pygame.font.init()
    chosen = Settings().changed(setup_done=True, **settings)
    ctx = Context(
        stored_settings=chosen,
        store=Store.in_memory(),
        catalogue=catalogue,
        i18n=I18n(locales_dir(), chosen.locale),
        text=TextService(
            find_fonts(assets_dir() / "fonts", chosen.dyslexia_font),
            chosen.text_scale,
            chosen.line_spacing,
        ),
        art=Art(assets_dir() / "art"),
        audio=Audio(assets_dir() / "sounds", SILENT),
        input=InputRouter(chosen.input_mode, chosen.debounce, time.monotonic),
        scanner=Scanner(chosen.scan_interval),
        clock=time.monotonic,
    )
    ctx.audio.muted = True
    ctx.apply()
    return ctx
