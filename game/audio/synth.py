"""The earcon synthesiser: makes the game's short interface sounds from scratch.

Every earcon is built from sine partials with smooth attack and release envelopes, so nothing
clicks, and written as a 16-bit mono 22050 Hz WAV. Pure standard library (``math``, ``struct``,
``wave``): no numpy, no sample files, no randomness, so the output is the same on every run.

Each sound differs from the others in pitch *and* rhythm, so a child can tell them apart even
when two play close together (see docs in ACCESSIBILITY.md: every earcon also has a visual
equivalent and an optional caption; audio never carries information alone).

Regenerate the committed files with::

    uv run python -m game.audio.synth            # writes game/assets/sounds/*.wav
    uv run python -m game.audio.synth OUT_DIR    # or somewhere else
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SAMPLE_RATE = 22050
SAMPLE_WIDTH = 2  # bytes: 16-bit
CHANNELS = 1
MAX_AMPLITUDE = 32767
NYQUIST_GUARD = 0.45 * SAMPLE_RATE

Buffer = list[float]


# ---------------------------------------------------------------------------- building blocks


def note_freq(name: str) -> float:
    """Frequency of a note name such as "C5", "F#4" or "Bb6" (A4 = 440 Hz, equal temperament)."""
    letters = {"C": -9, "D": -7, "E": -5, "F": -4, "G": -2, "A": 0, "B": 2}
    semis = letters[name[0].upper()]
    rest = name[1:]
    while rest and rest[0] in "#b":
        semis += 1 if rest[0] == "#" else -1
        rest = rest[1:]
    octave = int(rest)
    return 440.0 * 2.0 ** ((semis + 12 * (octave - 4)) / 12.0)


def silence(seconds: float) -> Buffer:
    return [0.0] * round(seconds * SAMPLE_RATE)


def envelope(n: int, attack: float, release: float, decay: float = 0.0) -> list[float]:
    """Per-sample gain: raised-cosine attack, optional exponential decay, raised-cosine release.

    ``attack`` and ``release`` are in seconds; ``decay`` is a rate in 1/s (0 keeps the level).
    The first and last samples are exactly 0, so a tone never starts or stops with a click.
    """
    a = max(1, round(attack * SAMPLE_RATE))
    r = max(1, round(release * SAMPLE_RATE))
    gains = []
    for i in range(n):
        t = i / SAMPLE_RATE
        g = math.exp(-decay * t) if decay else 1.0
        if i < a:
            g *= 0.5 - 0.5 * math.cos(math.pi * i / a)
        tail = n - 1 - i
        if tail < r:
            g *= 0.5 - 0.5 * math.cos(math.pi * tail / r)
        gains.append(g)
    return gains


def tone(
    freq: float,
    seconds: float,
    *,
    partials: tuple[tuple[float, float], ...] = ((1.0, 1.0),),
    attack: float = 0.005,
    release: float = 0.03,
    decay: float = 0.0,
    glide_to: float | None = None,
    vibrato: tuple[float, float] = (0.0, 0.0),
    partial_decay: float = 0.0,
) -> Buffer:
    """One enveloped note made of sine partials.

    ``partials`` are (frequency ratio, amplitude) pairs. ``glide_to`` slides the pitch
    exponentially to another frequency over the note. ``vibrato`` is (rate Hz, depth in
    semitones). ``partial_decay`` makes upper partials fade faster than the fundamental, which
    gives a soft mallet or bell colour.
    """
    n = round(seconds * SAMPLE_RATE)
    env = envelope(n, attack, release, decay)
    out = [0.0] * n
    phases = [0.0] * len(partials)
    vib_rate, vib_depth = vibrato
    for i in range(n):
        t = i / SAMPLE_RATE
        f = freq
        if glide_to is not None:
            f = freq * (glide_to / freq) ** (i / max(1, n - 1))
        if vib_depth:
            f *= 2.0 ** (vib_depth * math.sin(2 * math.pi * vib_rate * t) / 12.0)
        s = 0.0
        for k, (ratio, amp) in enumerate(partials):
            if f * ratio >= NYQUIST_GUARD:
                continue  # never alias: drop partials too close to half the sample rate
            phases[k] += 2 * math.pi * f * ratio / SAMPLE_RATE
            a = amp
            if partial_decay and ratio > 1.0:
                a *= math.exp(-partial_decay * (ratio - 1.0) * t)
            s += a * math.sin(phases[k])
        out[i] = s * env[i]
    return out


def mix(length_seconds: float, *events: tuple[float, Buffer]) -> Buffer:
    """Lay buffers on a timeline: each event is (start time in seconds, samples)."""
    out = [0.0] * round(length_seconds * SAMPLE_RATE)
    for start, buf in events:
        offset = round(start * SAMPLE_RATE)
        need = offset + len(buf)
        if need > len(out):
            out.extend([0.0] * (need - len(out)))
        for i, v in enumerate(buf):
            out[offset + i] += v
    return out


def normalise(buf: Buffer, peak_dbfs: float) -> Buffer:
    """Scale so the loudest sample sits at ``peak_dbfs`` (for example -6.0)."""
    peak = max((abs(v) for v in buf), default=0.0)
    if peak == 0.0:
        return buf
    target = 10.0 ** (peak_dbfs / 20.0)
    k = target / peak
    return [v * k for v in buf]


def write_wav(path: Path, buf: Buffer) -> Path:
    """Write mono 16-bit PCM. Values are clamped to [-1, 1]."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = bytearray()
    for v in buf:
        v = max(-1.0, min(1.0, v))
        frames += struct.pack("<h", round(v * MAX_AMPLITUDE))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(CHANNELS)
        w.setsampwidth(SAMPLE_WIDTH)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(bytes(frames))
    return path


# Timbres (frequency ratio, amplitude).
SOFT = ((1.0, 1.0), (2.0, 0.12))
MALLET = ((1.0, 1.0), (2.0, 0.35), (3.0, 0.12), (4.0, 0.18))
BELL = ((1.0, 1.0), (2.0, 0.45), (3.0, 0.2), (4.2, 0.12), (5.4, 0.06))
FLUTE = ((1.0, 1.0), (2.0, 0.18), (3.0, 0.05))
BRASS = ((1.0, 1.0), (2.0, 0.55), (3.0, 0.35), (4.0, 0.2), (5.0, 0.12), (6.0, 0.06))


# ---------------------------------------------------------------------------- the earcons


def make_focus() -> Buffer:
    """Very short soft tick, high and light: the highlight moved."""
    return tone(note_freq("E6"), 0.05, partials=SOFT, attack=0.002, release=0.02, decay=45)


def make_scan_tick() -> Buffer:
    """Tiny click for each auto-scan step: shorter, higher and quieter than focus."""
    return tone(note_freq("C7"), 0.028, partials=((1.0, 1.0),), attack=0.0015, release=0.012,
                decay=90)


def make_select() -> Buffer:
    """Short pleasant blip with a little upward lift: "you picked this"."""
    return tone(note_freq("G5"), 0.12, partials=MALLET, attack=0.004, release=0.04, decay=14,
                glide_to=note_freq("C6"), partial_decay=25)


def make_back() -> Buffer:
    """Soft low blip sliding a little down: going back."""
    return tone(note_freq("G4"), 0.14, partials=SOFT, attack=0.006, release=0.05, decay=10,
                glide_to=note_freq("D4"))


def make_correct() -> Buffer:
    """Rising two-note chime, quick then ringing (a major sixth up)."""
    first = tone(note_freq("E5"), 0.22, partials=BELL, attack=0.004, release=0.08, decay=9,
                 partial_decay=6)
    second = tone(note_freq("C6"), 0.42, partials=BELL, attack=0.004, release=0.2, decay=6,
                  partial_decay=5)
    return mix(0.55, (0.0, first), (0.11, second))


def make_try_again() -> Buffer:
    """Gentle, slower descending two-note (a major third down), soft and warm, never a buzzer."""
    first = tone(note_freq("E5"), 0.26, partials=FLUTE, attack=0.02, release=0.1, decay=3,
                 vibrato=(5.0, 0.08))
    second = tone(note_freq("C5"), 0.38, partials=FLUTE, attack=0.02, release=0.2, decay=3.5,
                  vibrato=(5.0, 0.08))
    return mix(0.62, (0.0, first), (0.22, second))


def make_message() -> Buffer:
    """Chat bubble pop: a quick upward swoop, then a tiny higher pip."""
    pop = tone(note_freq("A4"), 0.07, partials=SOFT, attack=0.003, release=0.025, decay=18,
               glide_to=note_freq("E6"))
    pip = tone(note_freq("A6"), 0.05, partials=SOFT, attack=0.002, release=0.025, decay=40)
    return mix(0.16, (0.0, pop), (0.085, pip))


def make_badge() -> Buffer:
    """Sparkly rising arpeggio with a shimmer on the top note."""
    notes = ["C6", "E6", "G6", "C7", "E7"]
    events = []
    for i, name in enumerate(notes):
        last = i == len(notes) - 1
        length = 0.5 if last else 0.22
        events.append(
            (i * 0.065,
             tone(note_freq(name), length, partials=BELL, attack=0.003,
                  release=0.2 if last else 0.1, decay=5 if last else 11, partial_decay=7,
                  vibrato=(7.0, 0.05) if last else (0.0, 0.0)))
        )
    # a soft octave shimmer just above the top note
    events.append((4 * 0.065 + 0.03, [v * 0.25 for v in tone(
        note_freq("E7") * 2.0 * 1.003, 0.4, attack=0.01, release=0.2, decay=6)]))
    return mix(0.8, *events)


def make_complete() -> Buffer:
    """Short happy fanfare (about 1.2 s): da-da-da-DAAA on a major chord."""
    events = []
    pickup = ["C5", "E5", "G5"]
    for i, name in enumerate(pickup):
        events.append((i * 0.11, tone(note_freq(name), 0.1, partials=BRASS, attack=0.01,
                                      release=0.03, decay=4, partial_decay=3)))
    start = 3 * 0.11 + 0.02
    hold = 0.85
    for name, amp in (("C6", 1.0), ("G5", 0.55), ("E5", 0.5), ("C5", 0.45)):
        t = tone(note_freq(name), hold, partials=BRASS, attack=0.02, release=0.35, decay=1.5,
                 vibrato=(5.5, 0.1), partial_decay=2.5)
        events.append((start, [v * amp for v in t]))
    return mix(start + hold, *events)


@dataclass(frozen=True)
class Earcon:
    name: str
    make: Callable[[], Buffer]
    peak_dbfs: float
    description: str


EARCONS: tuple[Earcon, ...] = (
    Earcon("focus", make_focus, -12.0, "very short soft tick when the highlight moves"),
    Earcon("scan-tick", make_scan_tick, -18.0, "tiny click for each auto-scan step"),
    Earcon("select", make_select, -6.0, "short pleasant blip when something is chosen"),
    Earcon("back", make_back, -8.0, "soft low blip when going back"),
    Earcon("correct", make_correct, -6.0, "rising two-note chime for a good answer"),
    Earcon("try-again", make_try_again, -7.0, "gentle falling two-note: let's try again"),
    Earcon("message", make_message, -6.0, "chat bubble pop when a new message arrives"),
    Earcon("badge", make_badge, -6.0, "sparkly arpeggio when a badge is earned"),
    Earcon("complete", make_complete, -6.0, "short happy fanfare when a level is complete"),
)

NAMES: tuple[str, ...] = tuple(e.name for e in EARCONS)


def default_out_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "assets" / "sounds"


def synthesise(earcon: Earcon, out_dir: Path) -> Path:
    return write_wav(out_dir / f"{earcon.name}.wav", normalise(earcon.make(), earcon.peak_dbfs))


def synthesise_all(out_dir: Path) -> list[Path]:
    """Write every earcon as ``<name>.wav`` into ``out_dir``; return the paths in order."""
    out_dir = Path(out_dir)
    return [synthesise(e, out_dir) for e in EARCONS]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0]) if args else default_out_dir()
    for path in synthesise_all(out_dir):
        with wave.open(str(path), "rb") as w:
            seconds = w.getnframes() / w.getframerate()
        print(f"{path}  {seconds:.3f} s  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
