"""Render every SVG under game/assets/art into one labelled contact sheet PNG.

Usage (from the repo root):

    uv run python tools/render_art_sheet.py                 # out/art-sheet.png, every group
    uv run python tools/render_art_sheet.py --group icons   # only one group
    uv run python tools/render_art_sheet.py --scale 2 --out out/big.png

The sheet shows each drawing the way the engine will: icons (dark glyphs) on a light panel at
64 px and 32 px, badge glyphs (white) on a coloured medal disc, Sango and avatars on a soft
panel, backgrounds at a reduced 16:9 size. It uses pygame.image.load_sized_svg, the same loader
as the game, so anything nanosvg cannot draw shows up here too.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
ART = REPO / "game" / "assets" / "art"
FONT = REPO / "game" / "assets" / "fonts" / "NotoSans-Regular.ttf"
FONT_BOLD = REPO / "game" / "assets" / "fonts" / "NotoSans-Bold.ttf"

SHEET_BG = (246, 244, 238)
PANEL = (255, 253, 247)
INK = (29, 43, 58)
MEDAL_COLOURS = [
    (47, 111, 178),
    (204, 92, 56),
    (62, 140, 88),
    (133, 82, 168),
    (196, 140, 28),
    (44, 132, 140),
]

# group name -> (base cell size in px for the drawing, order)
GROUP_ORDER = ["sango", "backgrounds", "avatars", "icons", "badges"]


def view_box(path: Path) -> tuple[float, float]:
    """Width and height of the SVG's viewBox (falls back to width/height attributes)."""
    head = path.read_text(encoding="utf-8")[:2000]
    m = re.search(r'viewBox="\s*([-\d.]+)[\s,]+([-\d.]+)[\s,]+([-\d.]+)[\s,]+([-\d.]+)\s*"', head)
    if m:
        return float(m.group(3)), float(m.group(4))
    w = re.search(r'width="([\d.]+)', head)
    h = re.search(r'height="([\d.]+)', head)
    return (float(w.group(1)) if w else 100.0, float(h.group(1)) if h else 100.0)


def fit(vb: tuple[float, float], box: tuple[int, int]) -> tuple[int, int]:
    scale = min(box[0] / vb[0], box[1] / vb[1])
    return max(1, round(vb[0] * scale)), max(1, round(vb[1] * scale))


def render_cell(group: str, path: Path, index: int, scale: float) -> pygame.Surface:
    """One labelled tile for one SVG."""
    label_font = pygame.font.Font(str(FONT), round(13 * scale))
    vb = view_box(path)
    pad = round(8 * scale)
    if group == "backgrounds":
        size = fit(vb, (round(384 * scale), round(216 * scale)))
        art = pygame.image.load_sized_svg(str(path), size)
        body = pygame.Surface((size[0] + 2 * pad, size[1] + 2 * pad), pygame.SRCALPHA)
        body.fill(PANEL)
        body.blit(art, (pad, pad))
    elif group in ("icons", "badges"):
        big = round(64 * scale)
        small = round(32 * scale)
        w = big + small + 3 * pad
        h = big + 2 * pad
        body = pygame.Surface((w, h), pygame.SRCALPHA)
        body.fill(PANEL)
        for sz, x in ((big, pad), (small, 2 * pad + big)):
            y = pad + (big - sz) // 2
            if group == "badges":
                colour = MEDAL_COLOURS[index % len(MEDAL_COLOURS)]
                centre = (x + sz // 2, y + sz // 2)
                pygame.draw.circle(body, (234, 196, 92), centre, sz // 2)
                pygame.draw.circle(body, colour, centre, sz // 2 - max(2, sz // 16))
            art = pygame.image.load_sized_svg(str(path), (sz, sz))
            body.blit(art, (x, y))
    else:
        box = {"sango": (200, 250), "avatars": (128, 128)}.get(group, (128, 128))
        size = fit(vb, (round(box[0] * scale), round(box[1] * scale)))
        art = pygame.image.load_sized_svg(str(path), size)
        body = pygame.Surface((size[0] + 2 * pad, size[1] + 2 * pad), pygame.SRCALPHA)
        body.fill(PANEL)
        body.blit(art, (pad, pad))

    label = label_font.render(path.stem, True, INK)
    w = max(body.get_width(), label.get_width() + 2 * pad)
    cell = pygame.Surface((w, body.get_height() + label.get_height() + pad), pygame.SRCALPHA)
    cell.fill(SHEET_BG)
    cell.blit(body, ((w - body.get_width()) // 2, 0))
    pygame.draw.rect(
        cell, (214, 208, 196), ((w - body.get_width()) // 2, 0, *body.get_size()), 1
    )
    cell.blit(label, ((w - label.get_width()) // 2, body.get_height() + pad // 2))
    return cell


def collect(groups: list[str] | None) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for sub in sorted(p for p in ART.iterdir() if p.is_dir()):
        if groups and sub.name not in groups:
            continue
        files = sorted(sub.glob("*.svg"))
        if files:
            found[sub.name] = files
    order = {name: i for i, name in enumerate(GROUP_ORDER)}
    return dict(sorted(found.items(), key=lambda kv: order.get(kv[0], 99)))


def build_sheet(groups: dict[str, list[Path]], width: int, scale: float) -> pygame.Surface:
    head_font = pygame.font.Font(str(FONT_BOLD), round(20 * scale))
    gap = round(12 * scale)
    rows: list[tuple[int, list[tuple[int, pygame.Surface]], int]] = []  # (y, cells, height)
    headers: list[tuple[int, pygame.Surface]] = []
    y = gap
    for group, files in groups.items():
        header = head_font.render(f"{group}  ({len(files)})", True, INK)
        headers.append((y, header))
        y += header.get_height() + gap // 2
        x = gap
        line: list[tuple[int, pygame.Surface]] = []
        line_h = 0
        for i, path in enumerate(files):
            cell = render_cell(group, path, i, scale)
            if line and x + cell.get_width() + gap > width:
                rows.append((y, line, line_h))
                y += line_h + gap
                x, line, line_h = gap, [], 0
            line.append((x, cell))
            x += cell.get_width() + gap
            line_h = max(line_h, cell.get_height())
        if line:
            rows.append((y, line, line_h))
            y += line_h + gap
        y += gap
    sheet = pygame.Surface((width, y))
    sheet.fill(SHEET_BG)
    for hy, header in headers:
        sheet.blit(header, (gap, hy))
    for ry, line, _ in rows:
        for x, cell in line:
            sheet.blit(cell, (x, ry))
    return sheet


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "out" / "art-sheet.png")
    parser.add_argument("--group", action="append", help="only this art folder (repeatable)")
    parser.add_argument("--width", type=int, default=1600, help="sheet width in px")
    parser.add_argument("--scale", type=float, default=1.0, help="size of every drawing")
    args = parser.parse_args(argv)

    pygame.init()
    groups = collect(args.group)
    if not groups:
        print("no SVG files found under", ART, file=sys.stderr)
        return 1
    sheet = build_sheet(groups, round(args.width * max(1.0, args.scale)), args.scale)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(sheet, str(args.out))
    total = sum(len(v) for v in groups.values())
    print(f"{args.out}: {total} drawings in {len(groups)} groups, {sheet.get_size()}")
    pygame.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
