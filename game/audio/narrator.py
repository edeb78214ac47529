"""The narrator: reads text aloud, offline, without ever holding up the game loop.

Where a line goes, in order of preference:
1. a running screen reader (speech and braille in the child's own settings);
2. a level's recorded voice file for that line;
3. the platform's text-to-speech, synthesised to a WAV file in a background thread, cached by
   engine, voice, speed and text, and played through the mixer on the voice channel.
With none of these the game plays on silently; `problems` says why, for the settings screen.
"""

from __future__ import annotations

import hashlib
import tempfile
import threading
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.audio.speech import SpeechEngine, SpeechError

if TYPE_CHECKING:
    from game.audio.player import Audio
    from game.audio.screen_reader import ScreenReader

NARRATION_READY = pygame.event.custom_type()
"""Posted when a line has been synthesised, so a sleeping game loop wakes up to play it."""

CACHE_FILES_KEPT = 4000
"""The cache is pruned to this many files (oldest first) when the narrator starts work."""

SPOKEN_KEPT = 50
CLOSE_WAIT_S = 10.0
"""How long closing waits for the line being synthesised (a long line takes about a second)."""


@dataclass
class Line:
    """One thing to say: text, and the recorded voice file that says it, if a level has one."""

    text: str
    recording: Path | None = None
    state: str = "waiting"
    """waiting, then ready (its audio file is `audio`) or failed. A screen reader skips this."""
    audio: Path | None = None


@dataclass
class _Job:
    generation: int
    line: Line
    language: str
    speed: int


@dataclass
class Narrator:
    """Speaks lines in order; a new `say` interrupts whatever was being said."""

    audio: Audio | None
    engine: SpeechEngine | None = None
    screen_reader: ScreenReader | None = None
    cache_dir: Path | None = None
    language: str = "en"
    speed: int = 100
    problems: list[str] = field(default_factory=list)
    """Plain sentences for an adult: what cannot be read aloud and why."""
    spoken: deque[str] = field(default_factory=lambda: deque(maxlen=SPOKEN_KEPT))
    """The last lines actually sent to a voice, newest last (what a listener heard)."""

    def __post_init__(self) -> None:
        self._queue: deque[Line] = deque()
        self._generation = 0
        self._interrupt_next = True
        self._playing_until: float | None = None
        self._last: list[Line] = []
        self._jobs: deque[_Job] = deque()
        self._wake = threading.Condition()
        self._worker: threading.Thread | None = None
        self._closed = False
        self._voices: dict[str, str | None] = {}

    # What the game asks ------------------------------------------------------------------
    @property
    def available(self) -> bool:
        """Whether anything can be read aloud at all."""
        return self.screen_reader is not None or (
            self.engine is not None and self.audio is not None and self.audio.working
        )

    @property
    def pending(self) -> int:
        """How many lines wait to be said."""
        return len(self._queue)

    def configure(self, language: str, speed: int) -> None:
        """The language to speak and the speed in percent."""
        self.language = language
        self.speed = speed

    def say(
        self,
        lines: str | Line | Sequence[str | Line],
        remember: bool = True,
        interrupt: bool = True,
    ) -> None:
        """Say one or more lines, in order. `remember` makes them what `replay` repeats;
        `interrupt` cuts off whatever is being said first."""
        if isinstance(lines, (str, Line)):
            lines = [lines]
        wanted = [
            Line(line.strip()) if isinstance(line, str) else Line(line.text.strip(), line.recording)
            for line in lines
        ]
        wanted = [line for line in wanted if line.text]
        if not wanted:
            return
        if interrupt:
            self.stop()
        if remember:
            self._last = [Line(line.text, line.recording) for line in wanted]
        for line in wanted:
            if line.recording is not None and not line.recording.is_file():
                line.recording = None
            self._queue.append(line)
            if self.screen_reader is None and line.recording is None:
                self._request(line)

    def replay(self) -> bool:
        """Say the last remembered lines again; False if there is nothing to repeat."""
        if not self._last:
            return False
        self.say(self._last)
        return True

    def stop(self) -> None:
        """Stop speaking and forget what was queued."""
        self._generation += 1
        self._queue.clear()
        self._playing_until = None
        self._interrupt_next = True
        with self._wake:
            self._jobs.clear()
        if self.audio is not None:
            self.audio.stop_voice()
        if self.screen_reader is not None:
            self.screen_reader.stop()

    # The game loop's side ----------------------------------------------------------------
    def poll(self, now: float) -> None:
        """Start the next line when the previous one is done and its audio is ready.

        Runs on the game loop's thread, so the mixer is only touched from there.
        """
        reader = self.screen_reader
        if reader is not None:
            while self._queue:
                line = self._queue.popleft()
                if line.recording is not None and self._play(line.recording, now):
                    reader.braille(line.text)
                else:
                    reader.say(line.text, self._interrupt_next)
                self._interrupt_next = False
                self.spoken.append(line.text)
            return
        if not self._queue or (self._playing_until is not None and now < self._playing_until):
            return
        line = self._queue[0]
        if line.recording is not None:
            self._queue.popleft()
            if self._play(line.recording, now):
                self.spoken.append(line.text)
            else:
                # A recording that will not play: read the line instead.
                self._queue.appendleft(Line(line.text))
                self._request(self._queue[0])
            return
        if line.state == "waiting":
            return
        self._queue.popleft()
        if line.state == "ready" and line.audio is not None and self._play(line.audio, now):
            self.spoken.append(line.text)

    def deadline(self) -> float | None:
        """When the line playing ends, if another waits for it."""
        return self._playing_until if self._queue else None

    def close(self, wait: float = CLOSE_WAIT_S) -> None:
        """Stop the worker thread, waiting up to `wait` seconds for a line it is writing."""
        self._closed = True
        with self._wake:
            self._jobs.clear()
            self._wake.notify_all()
        worker = self._worker
        if worker is not None and worker is not threading.current_thread():
            worker.join(wait)

    def _play(self, path: Path, now: float) -> bool:
        if self.audio is None:
            return False
        length = self.audio.play_voice(path)
        if length <= 0:
            return False
        self._playing_until = now + length
        return True

    # The worker's side -------------------------------------------------------------------
    def _request(self, line: Line) -> None:
        if self.engine is None or self.audio is None or not self.audio.working:
            line.state = "failed"
            return
        voice = self._voices.get(self.language)
        cached = self._audio_file(line.text, voice, self.speed) if voice is not None else None
        if cached is not None and cached.is_file():
            line.audio, line.state = cached, "ready"
            return
        with self._wake:
            self._jobs.append(_Job(self._generation, line, self.language, self.speed))
            self._wake.notify()
        if self._worker is None:
            self._worker = threading.Thread(target=self._work, name="sango-narrator", daemon=True)
            self._worker.start()

    def _audio_file(self, text: str, voice: str, speed: int) -> Path:
        """Where the cache keeps a line: named by engine, voice, speed and text."""
        engine = self.engine.name if self.engine is not None else ""
        key = f"{engine}|{voice}|{speed}|{text}".encode()
        return self._cache_folder() / f"{hashlib.sha256(key).hexdigest()[:32]}.wav"

    def _cache_folder(self) -> Path:
        folder = self.cache_dir or Path(tempfile.gettempdir()) / "sango-narration"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            folder = Path(tempfile.gettempdir()) / "sango-narration"
            folder.mkdir(parents=True, exist_ok=True)
            self.cache_dir = folder
        return folder

    def _work(self) -> None:
        """The worker: synthesise queued lines, newest screen first; never raises."""
        try:
            self._prune_cache()
        except OSError:
            pass
        while True:
            with self._wake:
                while not self._jobs and not self._closed:
                    self._wake.wait()
                if self._closed:
                    return
                job = self._jobs.popleft()
            if job.generation != self._generation:
                job.line.state = "failed"
                continue
            try:
                self._synthesise(job)
            except Exception as error:  # noqa: BLE001 - the worker must outlive any engine fault
                job.line.state = "failed"
                self._report(f"A line could not be read aloud ({error}).")
            try:
                pygame.event.post(pygame.event.Event(NARRATION_READY))
            except pygame.error:
                pass

    def _synthesise(self, job: _Job) -> None:
        engine = self.engine
        assert engine is not None
        if job.language not in self._voices:
            self._voices[job.language] = engine.voice_for(job.language)
            if self._voices[job.language] is None:
                self._report(
                    f"There is no text-to-speech voice for the language '{job.language}' on "
                    "this computer, so reading aloud is off in that language."
                )
        voice = self._voices[job.language]
        if voice is None:
            job.line.state = "failed"
            return
        out = self._audio_file(job.line.text, voice, job.speed)
        if not out.is_file():
            partial = out.with_suffix(f".{threading.get_ident()}.part")
            try:
                engine.synthesise(job.line.text, voice, job.speed, partial)
                partial.replace(out)
            except (SpeechError, OSError):
                partial.unlink(missing_ok=True)
                raise
        job.line.audio = out
        job.line.state = "ready"

    def _report(self, problem: str) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    def _prune_cache(self) -> None:
        files = sorted(self._cache_folder().glob("*.wav"), key=lambda path: path.stat().st_mtime)
        for path in files[: max(0, len(files) - CACHE_FILES_KEPT)]:
            path.unlink(missing_ok=True)
