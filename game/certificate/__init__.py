"""Certificates: drawn when a player completes a band, saved as a printable PNG and PDF."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.paths import assets_dir
from game.text.service import TextService, find_fonts

if TYPE_CHECKING:
    from game.context import Context

PAGE_SIZE = (1754, 1240)
"""A4 landscape at 150 dpi."""
INK = (29, 43, 58)
PAPER = (255, 252, 244)
GOLD = (214, 160, 40)


@dataclass(frozen=True)
class CertificateFiles:
    """Where a certificate was saved."""

    png: Path
    pdf: Path


def render_certificate(
    ctx: Context, name: str, avatar: str, band_title: str, badge_ids: list[str], when: dt.date
) -> pygame.Surface:
    """The certificate page: the player's nickname (or picture), the band and every badge earned."""
    _ = ctx._
    page = pygame.Surface(PAGE_SIZE)
    page.fill(PAPER)
    width, height = PAGE_SIZE
    border = pygame.Rect(40, 40, width - 80, height - 80)
    pygame.draw.rect(page, GOLD, border, width=14, border_radius=40)
    pygame.draw.rect(page, INK, border.inflate(-44, -44), width=4, border_radius=28)
    # A print-size text service: the page is about 1.4 times the canvas.
    text = TextService(find_fonts(assets_dir() / "fonts", False), scale=180, line_spacing=1.2)
    y = 110
    for role, words, colour in (
        ("title", _("Certificate"), INK),
        ("body", _("This certificate is for"), INK),
    ):
        rendered = text.render(words, role, colour, width - 400, "center")
        page.blit(rendered, rendered.get_rect(midtop=(width // 2, y)))
        y += rendered.get_height() + 24
    picture = ctx.art.image("avatars", avatar, (200, 200))
    page.blit(picture, picture.get_rect(midtop=(width // 2, y)))
    y += 220
    if name:
        rendered = text.render(name, "title", (35, 95, 160), width - 400, "center")
        page.blit(rendered, rendered.get_rect(midtop=(width // 2, y)))
        y += rendered.get_height() + 16
    line = _("who finished every level of “{band}” and knows how to stay safe online.").format(
        band=band_title
    )
    rendered = text.render(line, "body", INK, width - 500, "center")
    page.blit(rendered, rendered.get_rect(midtop=(width // 2, y)))
    y += rendered.get_height() + 30
    _draw_badges(ctx, page, badge_ids, y, 150)
    sango = ctx.art.image("sango", "proud", (240, 300))
    page.blit(sango, sango.get_rect(bottomleft=(110, height - 90)))
    date_text = text.render(when.isoformat(), "small", INK)
    page.blit(date_text, date_text.get_rect(bottomright=(width - 120, height - 110)))
    return page


def _draw_badges(
    ctx: Context, page: pygame.Surface, badge_ids: list[str], top: int, size: int
) -> None:
    from game.steps.badge_view import draw_medal

    if not badge_ids:
        return
    per_row = max(1, min(len(badge_ids), (PAGE_SIZE[0] - 700) // (size + 20)))
    rows = [badge_ids[i : i + per_row] for i in range(0, len(badge_ids), per_row)]
    size = size if len(rows) <= 2 else max(80, size * 2 // len(rows))
    for row_number, row in enumerate(rows):
        total = len(row) * size + (len(row) - 1) * 20
        x = (PAGE_SIZE[0] - total) // 2
        for badge_id in row:
            rect = pygame.Rect(x, top + row_number * (size + 16), size, size)
            draw_medal(page, ctx, ctx.catalogue.badge(badge_id), badge_id, rect)
            x += size + 20


def save_certificate(page: pygame.Surface, folder: Path, stem: str) -> CertificateFiles:
    """Write the page as PNG and as a one-page A4 PDF (for printing)."""
    from fpdf import FPDF

    folder.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-") or "certificate"
    png = folder / f"{safe}.png"
    pdf = folder / f"{safe}.pdf"
    pygame.image.save(page, str(png))
    document = FPDF(orientation="L", unit="mm", format="A4")
    document.set_creator("Sango")
    document.set_title("Sango certificate")
    document.add_page()
    document.image(str(png), x=0, y=0, w=297, h=210)
    document.output(str(pdf))
    return CertificateFiles(png, pdf)
