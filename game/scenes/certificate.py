"""The band certificate on screen, saved as PNG and PDF for a grown-up to print."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pygame

from game.certificate import CertificateFiles, render_certificate, save_certificate
from game.scenes.base import Scene
from game.scenes.map import band_name
from game.scenes.players import avatar_name
from game.ui.widgets import GAP, PADDING, draw_panel

if TYPE_CHECKING:
    from game.context import Context


class CertificateScene(Scene):
    """Shows the certificate for a band and says where it was saved."""

    def __init__(self, ctx: Context, band: str) -> None:
        super().__init__(ctx)
        self.band = band
        self.background = band
        player = ctx.player
        assert player is not None, "a certificate belongs to a player"
        badges = [
            badge for badge in ctx.store.badges(player.id) if _badge_in_band(ctx, badge, band)
        ]
        self.page = render_certificate(
            ctx, player.nickname or "", player.avatar, band_name(ctx, band), badges, dt.date.today()
        )
        self.files: CertificateFiles | None = None
        folder = ctx.store.data_dir
        if folder is not None and ctx.store.saves:
            name = player.nickname or avatar_name(ctx, player.avatar)
            try:
                self.files = save_certificate(
                    self.page, folder / "certificates", f"{name}-{player.id}-{band}"
                )
            except OSError:
                self.files = None
        self._preview: pygame.Surface | None = None

    def title(self) -> str:
        return self.ctx._("Your certificate")

    def message(self) -> str:
        _ = self.ctx._
        if self.files is None:
            return _("Ask a grown-up to print it from the adult area.")
        return _("Saved for a grown-up to print: {path}").format(path=str(self.files.pdf))

    def draw_content(self, surface: pygame.Surface) -> None:
        area = self.content_rect()
        text = self.ctx.text.render(
            self.message(), "small", self.ctx.theme.ink, area.width - 2 * PADDING
        )
        room = area.height - text.get_height() - GAP - 2 * PADDING
        scale = min(area.width / self.page.get_width(), room / self.page.get_height())
        size = (  # at least a pixel: very big text may leave the preview no room at all
            max(1, int(self.page.get_width() * scale)),
            max(1, int(self.page.get_height() * scale)),
        )
        if self._preview is None or self._preview.get_size() != size:
            self._preview = pygame.transform.smoothscale(self.page, size)
        spot = self._preview.get_rect(midtop=(area.centerx, area.top))
        surface.blit(self._preview, spot)
        panel = pygame.Rect(
            area.left, spot.bottom + GAP // 2, area.width, text.get_height() + 2 * PADDING
        )
        draw_panel(surface, panel, self.ctx)
        surface.blit(
            text,
            self.place(
                pygame.Rect(
                    panel.left + PADDING, panel.top + PADDING, text.get_width(), text.get_height()
                )
            ),
        )


def _badge_in_band(ctx: Context, badge: str, band: str) -> bool:
    for level in ctx.catalogue.by_band(band):
        for step in level.steps:
            if getattr(step, "badge", None) == badge:
                return True
    return False
