"""The game reads to a child who cannot read yet: offline, at their speed, again when asked."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from game.audio.narrator import Line, Narrator
from game.audio.player import Audio
from game.audio.screen_reader import ScreenReader
from game.audio.speech import EspeakEngine
from game.paths import assets_dir, content_dir
from game.scenes.level import LevelScene
from game.scenes.settings import SettingsScene
from tests.accessibility.conftest import (
    FakeScreenReader,
    QuickVoice,
    let_the_narrator_speak,
    write_wav,
)
from tests.driver import GameDriver

UNDER_9 = "privacy-treasure"
OLDER = "grooming-secrets"


def test_under_9_levels_are_read_aloud_by_default(
    voice: QuickVoice, start_game: Callable[..., GameDriver]
) -> None:
    game = start_game(player="Ama", level=UNDER_9)
    let_the_narrator_speak(game)
    line = game.top.level.steps[0].say
    assert list(game.ctx.narrator.spoken)[:2] == ["Sango's treasure box", line]
    assert voice.said[:2] == ["Sango's treasure box", line]


def test_older_bands_are_quiet_unless_reading_aloud_is_on(
    voice: QuickVoice, start_game: Callable[..., GameDriver]
) -> None:
    quiet = start_game(player="Ben", level=OLDER)
    let_the_narrator_speak(quiet)
    assert list(quiet.ctx.narrator.spoken) == []
    quiet.close()
    pygame.quit()

    loud = start_game(player="Ben", level=OLDER, overrides={"narration": True})
    let_the_narrator_speak(loud)
    assert loud.top.level.steps[0].say in loud.ctx.narrator.spoken


def test_each_step_and_each_focused_button_is_read(
    voice: QuickVoice, start_game: Callable[..., GameDriver]
) -> None:
    game = start_game(player="Ama", level=UNDER_9, overrides={"input_mode": "keyboard"})
    let_the_narrator_speak(game)
    assert "Next" in game.ctx.narrator.spoken, "with keys, the focused button is read too"
    game.key(pygame.K_RETURN)
    let_the_narrator_speak(game)
    assert list(game.ctx.narrator.spoken)[-2:] == [game.top.level.steps[1].say, "Next"]
    game.key(pygame.K_TAB)
    let_the_narrator_speak(game)
    assert game.ctx.narrator.spoken[-1] == "Back"


def test_hear_again_repeats_the_line_even_with_reading_aloud_off(
    voice: QuickVoice, start_game: Callable[..., GameDriver]
) -> None:
    game = start_game(player="Ben", level=OLDER, overrides={"narration": False})
    let_the_narrator_speak(game)
    assert list(game.ctx.narrator.spoken) == []
    game.click("replay")
    let_the_narrator_speak(game)
    assert game.ctx.narrator.spoken[-1] == game.top.level.steps[0].say


def test_lines_are_synthesised_once_and_cached_on_disk(
    voice: QuickVoice, start_game: Callable[..., GameDriver], data_dir: Path
) -> None:
    game = start_game(player="Ama", level=UNDER_9)
    let_the_narrator_speak(game)
    game.click("replay")
    let_the_narrator_speak(game)
    line = game.top.level.steps[0].say
    assert game.ctx.narrator.spoken.count(line) == 2
    assert voice.said.count(line) == 1, "the second time comes from the cache"
    assert list((data_dir / "cache" / "narration").glob("*.wav"))


def test_reading_speed_is_passed_to_the_voice(tmp_path: Path) -> None:
    class Recorder(QuickVoice):
        speeds: list[int]

        def synthesise(self, text: str, voice: str, speed: int, out: Path) -> None:
            self.speeds.append(speed)
            super().synthesise(text, voice, speed, out)

    engine = Recorder()
    engine.speeds = []
    pygame.mixer.init()
    narrator = Narrator(Audio(assets_dir() / "sounds"), engine, None, tmp_path)
    try:
        narrator.configure("en", 60)
        narrator.say("Slowly, please.")
        for _ in range(500):
            narrator.poll(0.0)
            if not narrator.pending:
                break
            pygame.time.wait(5)
        assert engine.speeds == [60]
    finally:
        narrator.close()


def level_with_a_recorded_line(tmp_path: Path) -> Path:
    """A copy of the shipped content whose first under-9 line has a recorded voice file."""
    copy = tmp_path / "content"
    shutil.copytree(content_dir(), copy)
    level = next((copy / "levels" / "under-9").glob("01-*.yaml"))
    text = level.read_text(encoding="utf-8")
    first = text.index("  - say:")
    end = text.index("\n", first)
    level.write_text(text[:end] + "\n    voice: voice/hello.wav" + text[end:], encoding="utf-8")
    write_wav(level.parent / "voice" / "hello.wav", frames=4000)
    return copy / "levels"


def test_a_recorded_voice_comes_before_the_computer_voice(
    voice: QuickVoice, start_game: Callable[..., GameDriver], tmp_path: Path
) -> None:
    levels = level_with_a_recorded_line(tmp_path)
    game = start_game(player="Ama", level=UNDER_9, levels_dir=levels)
    assert game.top.level.steps[0].voice == "voice/hello.wav"
    let_the_narrator_speak(game)
    line = game.top.level.steps[0].say
    assert line in game.ctx.narrator.spoken, "the line was said"
    assert line not in voice.said, "by its recording, not by the speech engine"


def test_a_screen_reader_speaks_everything_and_shows_it_in_braille(
    start_game: Callable[..., GameDriver], monkeypatch: pytest.MonkeyPatch
) -> None:
    import game.app

    reader = FakeScreenReader()
    monkeypatch.setattr(ScreenReader, "detect", classmethod(lambda cls, environment=None: reader))
    monkeypatch.setattr(game.app, "find_engine", lambda: None)
    game = start_game(player="Ben", level=OLDER, overrides={"narration": False})
    game.wait(0.1)
    assert reader.spoken[:2] == [game.top.title(), game.top.level.steps[0].say], (
        "with a screen reader running, lines go to it even with the game's narration off"
    )
    game.key(pygame.K_TAB)
    game.wait(0.1)
    assert reader.spoken[-1] == game.widget(game.focused).label
    assert reader.brailled == reader.spoken


def test_without_a_screen_reader_detection_falls_back_quietly() -> None:
    assert ScreenReader.detect() is None  # no NVDA, JAWS, VoiceOver or Orca on a test machine
    assert ScreenReader.detect({"SANGO_SCREEN_READER": "off"}) is None


def test_no_voice_is_said_once_in_settings(
    start_game: Callable[..., GameDriver], monkeypatch: pytest.MonkeyPatch
) -> None:
    import game.app

    monkeypatch.setattr(game.app, "find_engine", lambda: None)
    monkeypatch.setattr(ScreenReader, "detect", classmethod(lambda cls, environment=None: None))
    game = start_game(player="Ama", level=UNDER_9)
    game.wait(0.5)
    assert isinstance(game.top, LevelScene), "the level plays on, silently"
    assert "replay" not in game.ids(), "no Hear again button when nothing can speak"
    game.click("settings")
    assert isinstance(game.top, SettingsScene)
    notice = game.top._notice_text()
    assert notice.count("cannot read aloud") == 1


def test_espeak_voices_for_each_language(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = EspeakEngine("espeak-ng")
    engine._voices = {"en", "en-gb", "fr", "fr-fr", "ar", "cmn", "cmn-latn-pinyin", "es", "ru"}
    assert engine.voice_for("en") == "en"
    assert engine.voice_for("fr_CA") == "fr"
    assert engine.voice_for("ar") == "ar"
    assert engine.voice_for("zh_Hans") == "cmn-latn-pinyin", "Chinese is read as pinyin"
    assert engine.voice_for("sw") is None


def test_espeak_is_asked_for_a_wav_with_the_voice_and_speed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import subprocess

    calls: list[tuple[list[str], bytes]] = []

    def run(command: list[str], input: bytes, **kwargs: object) -> subprocess.CompletedProcess:
        calls.append((command, input))
        write_wav(Path(command[command.index("-w") + 1]))
        return subprocess.CompletedProcess(command, 0, b"", b"")

    monkeypatch.setattr(subprocess, "run", run)
    engine = EspeakEngine("/usr/bin/espeak-ng")
    engine._voices = {"cmn-latn-pinyin", "cmn"}
    engine.synthesise("你好", "cmn-latn-pinyin", 80, tmp_path / "out.wav")
    command, text = calls[0]
    assert command[:5] == ["/usr/bin/espeak-ng", "-v", "cmn-latn-pinyin", "-s", "120"]
    assert text.decode() != "你好", "Chinese goes to eSpeak as pinyin"


def test_lines_carry_their_recording() -> None:
    narrator = Narrator(None)
    narrator.say([Line("Hello", Path("missing.wav")), "Next"])
    assert narrator.pending == 2
    narrator.stop()
    assert narrator.pending == 0


def test_a_growing_conversation_reads_only_the_new_message(
    voice: QuickVoice, start_game: Callable[..., GameDriver]
) -> None:
    from game.scenes.base import Scene

    class Conversation(Scene):
        narrate_always = True

        def __init__(self, ctx: object) -> None:
            super().__init__(ctx)  # type: ignore[arg-type]
            self.messages = ["Kai: hi!"]

        def title(self) -> str:
            return "Chat"

        def narration(self) -> str:
            return " ".join(self.messages)

    game = start_game(player="Ama")
    chat = Conversation(game.ctx)
    game.ctx.scenes.push(chat)
    game.frame()
    let_the_narrator_speak(game)
    assert list(game.ctx.narrator.spoken)[-2:] == ["Chat", "Kai: hi!"]
    chat.messages.append("Kai: want to play?")
    chat.dirty = True
    game.frame()
    let_the_narrator_speak(game)
    assert list(game.ctx.narrator.spoken)[-1] == "Kai: want to play?"
    assert list(game.ctx.narrator.spoken).count("Kai: hi!") == 1
