"""The shipped art, sounds and fonts: present, loadable, not blank, credited."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import math  # noqa: E402
import re  # noqa: E402
import struct  # noqa: E402
import wave  # noqa: E402
from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.audio import synth  # noqa: E402

ASSETS = Path(__file__).resolve().parents[2] / "game" / "assets"
ART = ASSETS / "art"
SOUNDS = ASSETS / "sounds"
FONTS = ASSETS / "fonts"
CREDITS = ASSETS / "CREDITS.md"

# What the engine asks for by name. Adding art is fine; removing any of these breaks a screen.
REQUIRED_ART: dict[str, tuple[str, ...]] = {
    "sango": ("happy", "thinking", "surprised", "concerned", "proud", "waving"),
    "backgrounds": ("title", "under-9", "9-12", "13-18"),
    "avatars": (
        "fox", "owl", "cat", "turtle", "panda", "rabbit", "whale", "lion",
        "kid-curls", "kid-glasses", "kid-hearing-aid", "kid-hijab", "kid-wheelchair",
        "kid-braids", "kid-ponytail",
    ),
    "icons": (
        "help", "back", "next", "replay", "settings", "home", "check", "cross", "star",
        "star-empty", "lock", "speaker", "speaker-off", "text-size", "keyboard", "mouse",
        "switch", "two-switch", "gamepad", "player", "play", "pause", "quit", "trophy",
        "try-again", "safe", "unsafe", "ok", "chat", "contrast", "fullscreen",
    ),
    "badges": (
        "shield", "key", "heart", "star", "lightbulb", "megaphone", "handshake", "moon",
        "magnifier", "lock", "robot", "globe",
    ),
}

# viewBox each kind must use (the engine lays them out by these proportions).
VIEW_BOXES = {
    "sango": (400, 500),
    "backgrounds": (1280, 720),
    "avatars": (200, 200),
    "icons": (64, 64),
    "badges": (64, 64),
}

EARCON_SECONDS = {  # (shortest, longest) in seconds
    "focus": (0.02, 0.12),
    "scan-tick": (0.01, 0.06),
    "select": (0.06, 0.25),
    "back": (0.06, 0.3),
    "correct": (0.3, 0.8),
    "try-again": (0.3, 0.9),
    "message": (0.08, 0.3),
    "badge": (0.5, 1.2),
    "complete": (1.0, 1.5),
}

FONT_FILES = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
    "OpenDyslexic-Regular.otf",
    "OpenDyslexic-Bold.otf",
)

FORBIDDEN_SVG = ("<text", "<filter", "<mask", "<clippath", "<style", "class=", "<use", "<image")


def all_svgs() -> list[Path]:
    return sorted(ART.glob("*/*.svg"))


def svg_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def opaque_pixels(surface: pygame.Surface) -> int:
    """How many pixels have alpha above 128 (sampled on a grid, fast enough for big sizes)."""
    w, h = surface.get_size()
    step = max(1, min(w, h) // 64)
    return sum(
        1
        for y in range(0, h, step)
        for x in range(0, w, step)
        if surface.get_at((x, y)).a > 128
    )


# ---------------------------------------------------------------------------- art


@pytest.mark.parametrize(
    ("kind", "name"), [(k, n) for k, names in REQUIRED_ART.items() for n in names]
)
def test_required_art_exists(kind: str, name: str) -> None:
    assert (ART / kind / f"{name}.svg").is_file(), f"missing art {kind}/{name}.svg"


def test_there_are_enough_avatars() -> None:
    assert len(list((ART / "avatars").glob("*.svg"))) >= 12


@pytest.mark.parametrize("path", all_svgs(), ids=svg_id)
def test_svg_uses_only_what_nanosvg_draws(path: Path) -> None:
    text = path.read_text(encoding="utf-8").lower()
    for bad in FORBIDDEN_SVG:
        assert bad not in text, f"{path.name} uses {bad!r}, which nanosvg cannot draw"
    match = re.search(r'viewbox="([-\d. ]+)"', text)
    assert match, f"{path.name} has no viewBox"
    _, _, w, h = (float(v) for v in match.group(1).split())
    assert (w, h) == VIEW_BOXES[path.parent.name]


@pytest.mark.parametrize("path", all_svgs(), ids=svg_id)
def test_svg_loads_at_two_sizes_and_is_not_blank(path: Path) -> None:
    vw, vh = VIEW_BOXES[path.parent.name]
    for scale in (0.5, 1.5):
        size = (round(vw * scale), round(vh * scale))
        if path.parent.name in ("icons", "badges"):
            size = (32, 32) if scale < 1 else (96, 96)
        surface = pygame.image.load_sized_svg(str(path), size)
        assert surface.get_size() == size
        sampled = opaque_pixels(surface)
        assert sampled > 0, f"{path.name} renders blank at {size}"


@pytest.mark.parametrize("path", sorted((ART / "icons").glob("*.svg")), ids=svg_id)
def test_icons_are_one_dark_colour(path: Path) -> None:
    colours = set(re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{6})"', path.read_text()))
    assert colours == {"#1d2b3a"}, f"{path.name} uses {colours}"


@pytest.mark.parametrize("path", sorted((ART / "badges").glob("*.svg")), ids=svg_id)
def test_badge_glyphs_are_white(path: Path) -> None:
    colours = set(re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{6})"', path.read_text()))
    # white glyph; black is only used at low opacity for shading lines
    assert colours <= {"#ffffff", "#000000"} and "#ffffff" in colours, f"{path.name}: {colours}"


def test_backgrounds_are_opaque_and_soft() -> None:
    """Every background fills the canvas and keeps a light, calm centre for text panels."""
    for name in REQUIRED_ART["backgrounds"]:
        surface = pygame.image.load_sized_svg(str(ART / "backgrounds" / f"{name}.svg"), (320, 180))
        for x in range(0, 320, 16):
            for y in range(0, 180, 12):
                assert surface.get_at((x, y)).a == 255, f"{name} has a hole at {(x, y)}"
        lums = []
        for x in range(100, 220, 8):
            for y in range(50, 130, 8):
                c = surface.get_at((x, y))
                lums.append(0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b)
        assert min(lums) > 150, f"{name} is too dark in the centre"
        assert max(lums) - min(lums) < 80, f"{name} is too busy in the centre"


def test_art_readme_lists_every_file() -> None:
    readme = (ART / "README.md").read_text(encoding="utf-8")
    for path in all_svgs():
        assert f"`{path.name}`" in readme, f"art/README.md does not mention {svg_id(path)}"


# ---------------------------------------------------------------------------- sounds


def read_wav(path: Path) -> tuple[wave._wave_params, list[int]]:
    with wave.open(str(path), "rb") as w:
        params = w.getparams()
        frames = w.readframes(w.getnframes())
    samples = list(struct.unpack(f"<{len(frames) // 2}h", frames))
    return params, samples


def check_wav(path: Path) -> tuple[float, float]:
    """Check the format; return (duration in s, peak in dBFS)."""
    params, samples = read_wav(path)
    assert params.nchannels == 1
    assert params.sampwidth == 2
    assert params.framerate == 22050
    assert samples, f"{path.name} is empty"
    peak = max(abs(s) for s in samples)
    assert peak > 0, f"{path.name} is silent"
    # smooth envelopes: starts and ends at (near) zero, so no click
    assert abs(samples[0]) < 200 and abs(samples[-1]) < 200, f"{path.name} clicks"
    return params.nframes / params.framerate, 20 * math.log10(peak / 32768)


def test_committed_sounds_exist_for_every_name() -> None:
    assert set(synth.NAMES) == set(EARCON_SECONDS)
    for name in synth.NAMES:
        assert (SOUNDS / f"{name}.wav").is_file(), f"missing sounds/{name}.wav"
    total = sum(p.stat().st_size for p in SOUNDS.glob("*.wav"))
    assert total < 400_000, f"sounds take {total} bytes; keep them small"


@pytest.mark.parametrize("name", sorted(EARCON_SECONDS))
def test_committed_sound_is_valid(name: str) -> None:
    seconds, peak_db = check_wav(SOUNDS / f"{name}.wav")
    low, high = EARCON_SECONDS[name]
    assert low <= seconds <= high
    assert peak_db < 0


def test_synthesiser_regenerates_every_earcon(tmp_path: Path) -> None:
    paths = synth.synthesise_all(tmp_path)
    assert [p.stem for p in paths] == list(synth.NAMES)
    peaks = {}
    durations = {}
    for path in paths:
        seconds, peak_db = check_wav(path)
        low, high = EARCON_SECONDS[path.stem]
        assert low <= seconds <= high, f"{path.stem} lasts {seconds:.3f} s"
        assert peak_db < -0.5, f"{path.stem} peaks at {peak_db:.1f} dBFS"
        peaks[path.stem] = peak_db
        durations[path.stem] = seconds
        # the committed file matches what the synthesiser makes now (same length)
        with wave.open(str(SOUNDS / path.name), "rb") as committed:
            assert committed.getnframes() == round(seconds * 22050), (
                f"sounds/{path.name} is stale: run `uv run python -m game.audio.synth`"
            )
    assert peaks["scan-tick"] < peaks["focus"] < peaks["select"]
    for loud in ("select", "correct", "try-again", "message", "badge", "complete"):
        assert -9.0 <= peaks[loud] <= -5.0, f"{loud} should peak near -6 dBFS"
    # distinct rhythms: no two earcons share a length
    assert len({round(d, 2) for d in durations.values()}) == len(durations)


def test_try_again_falls_and_correct_rises() -> None:
    """Pitch direction, measured by zero crossings in the first and last part of each sound."""

    def crossings_per_second(buf: list[float]) -> float:
        n = sum(1 for a, b in zip(buf, buf[1:], strict=False) if (a < 0) != (b < 0))
        return n / (len(buf) / synth.SAMPLE_RATE) / 2

    def pitch_at(buf: list[float], start: float, end: float) -> float:
        rate = synth.SAMPLE_RATE
        return crossings_per_second(buf[round(start * rate) : round(end * rate)])

    correct = synth.make_correct()
    assert pitch_at(correct, 0.3, 0.4) > pitch_at(correct, 0.02, 0.09)
    try_again = synth.make_try_again()
    assert pitch_at(try_again, 0.35, 0.5) < pitch_at(try_again, 0.05, 0.18)


# ---------------------------------------------------------------------------- fonts


def renders_glyph(font: pygame.font.Font, char: str) -> bool:
    """True when the font draws `char` with a real glyph, not the missing-glyph box."""
    missing = pygame.image.tobytes(font.render("\U0010fffd", True, "black", "white"), "RGB")
    drawn = pygame.image.tobytes(font.render(char, True, "black", "white"), "RGB")
    return drawn != missing


@pytest.mark.parametrize("name", FONT_FILES)
def test_font_opens_and_renders_latin(name: str) -> None:
    pygame.font.init()
    font = pygame.font.Font(str(FONTS / name), 28)
    text = "Hello Привет" if name.startswith("Noto") else "Hello"
    if "Arabic" in name:
        text = "سلام"
    surface = font.render(text, True, "black", "white")
    assert surface.get_width() > 20 and surface.get_height() > 20
    if "Arabic" not in name:
        assert all(renders_glyph(font, c) for c in "Hello")


@pytest.mark.parametrize("name", ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf"])
def test_noto_sans_covers_cyrillic(name: str) -> None:
    pygame.font.init()
    font = pygame.font.Font(str(FONTS / name), 28)
    for char in "ПриветЖжЁёЩщ":
        assert renders_glyph(font, char), f"{name} lacks {char!r}"


@pytest.mark.parametrize("name", ["NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"])
def test_noto_arabic_covers_and_shapes_arabic(name: str) -> None:
    pygame.font.init()
    font = pygame.font.Font(str(FONTS / name), 36)
    for char in "سلامعربي":
        assert renders_glyph(font, char), f"{name} lacks {char!r}"
    plain_width = font.size("سلام")[0]
    font.set_script("Arab")
    font.set_direction(pygame.DIRECTION_RTL)
    shaped = font.render("سلام", True, "black", "white")
    # joined (shaped) letters take less room than the isolated forms
    assert 0 < shaped.get_width() < plain_width


def test_opendyslexic_cyrillic_gap_is_documented() -> None:
    """OpenDyslexic 2.001 has no Cyrillic; the credits tell the engine to fall back."""
    pygame.font.init()
    font = pygame.font.Font(str(FONTS / "OpenDyslexic-Regular.otf"), 28)
    has_cyrillic = renders_glyph(font, "П")
    credits = CREDITS.read_text(encoding="utf-8")
    if not has_cyrillic:
        assert "does not cover Cyrillic" in credits


def test_fonts_are_credited_and_licensed() -> None:
    credits = CREDITS.read_text(encoding="utf-8")
    for path in sorted(FONTS.glob("*.[ot]tf")):
        assert path.name in credits, f"CREDITS.md does not mention {path.name}"
    ofl = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in ofl
    assert "Google LLC" in ofl
    headings = ("PREAMBLE", "DEFINITIONS", "PERMISSION & CONDITIONS", "TERMINATION", "DISCLAIMER")
    for heading in headings:
        assert heading in ofl
    dyslexic = (FONTS / "OpenDyslexic-LICENSE.txt").read_text(encoding="utf-8")
    assert "Abelardo Gonzalez" in dyslexic and "Bitstream" in dyslexic
    total = sum(p.stat().st_size for p in FONTS.iterdir())
    assert total < 3_000_000, "keep the bundled fonts modest"


def test_credits_cover_every_asset_group() -> None:
    credits = CREDITS.read_text(encoding="utf-8")
    for group in ("art/sango", "art/backgrounds", "art/avatars", "art/icons", "art/badges"):
        assert group in credits
    for name in synth.NAMES:
        assert f"{name}.wav" in credits
