"""`sango validate` speaks to writers: file:line:col, what is wrong, how to fix it. It checks
what the engine relies on, so a level that validates never gets a child stuck."""

from __future__ import annotations

import struct
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from game.content.catalogue import Catalogue, validate
from game.content.models import Level
from game.content.schema import main_validate
from game.content.yaml_source import read_yaml
from game.scenes.level import LevelScene
from tests.authoring.conftest import scratch_content, write_starter_level
from tests.driver import make_driver

Writer = Callable[..., Path]


@pytest.fixture
def levels(tmp_path: Path) -> Path:
    return scratch_content(tmp_path)


@pytest.fixture
def write(levels: Path) -> Writer:
    """write(band, change) -> a starter level of that band, changed by `change(text)`."""

    def make(band: str = "under-9", change: Callable[[str], str] = lambda text: text) -> Path:
        path = write_starter_level(levels / band / "01-draft.yaml", band, "draft-level")
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        return path

    return make


def shown(path: Path, *, strict: bool = False) -> list[str]:
    """Every problem as the writer reads it, with the file name only."""
    return [
        str(problem).replace(str(path), path.name) for problem in validate([path], strict).problems
    ]


def at(path: Path, snippet: str, occurrence: int = 1) -> str:
    text = path.read_text(encoding="utf-8")
    index = -1
    for _ in range(occurrence):
        index = text.index(snippet, index + 1)
    line = text.count("\n", 0, index) + 1
    return f"{path.name}:{line}:{index - text.rfind(chr(10), 0, index)}"


def value_at(path: Path, line: str) -> str:
    """Where the value of a `key: value` line starts."""
    key, _, _ = line.partition(": ")
    where, _, column = at(path, line).rpartition(":")
    return f"{where}:{int(column) + len(key) + 2}"


def test_the_brief_examples_read_as_promised(write: Writer) -> None:
    path = write(change=lambda text: text.replace("prompt:", "promt:"))
    assert shown(path) == [f"{at(path, 'promt')}: unknown key 'promt' - did you mean 'prompt'?"]

    path.unlink()
    path = write(
        change=lambda text: text.replace(
            "          result: safe\n", "          result: safe\n          goto: ending\n"
        )
    )
    assert shown(path) == [
        f"{value_at(path, 'goto: ending')}: goto 'ending' has no step with label 'ending' in "
        "this level: add `label: ending` to the step to jump to"
    ]


ALL_UNSAFE = (
    lambda text: text.replace("result: safe", "result: unsafe"),
    "every answer here is unsafe, and in under-9 an unsafe answer asks the child to try again, "
    "so they could never go on: make at least one answer safe (or ok)",
)


def test_an_under_9_question_with_only_unsafe_answers_is_refused(write: Writer) -> None:
    change, message = ALL_UNSAFE
    path = write(change=change)

    assert shown(path) == [f"{at(path, 'options:')}: {message}"]


def test_the_engine_really_gets_stuck_on_such_a_question(levels: Path, data_dir: Path) -> None:
    """Why the rule exists: played anyway, the child tries again forever."""
    path = write_starter_level(levels / "under-9" / "01-stuck.yaml", "under-9", "stuck-level")
    path.write_text(path.read_text("utf-8").replace("result: safe", "result: unsafe"), "utf-8")
    assert validate([path]).errors, "the validator refuses it"
    game = make_driver(data_dir, player="Ada", overrides={"input_mode": "keyboard"})
    try:
        # Put the refused level on screen anyway, to see what a child would meet.
        forced = Level.model_validate(read_yaml(path).data)
        game.ctx.catalogue = Catalogue(levels=(forced,))
        game.ctx.scenes.push(LevelScene(game.ctx, forced, start=1))
        game.frame()
        for attempt in range(6):
            game.keyboard_select(f"option-{attempt % 2 + 1}")
            game.keyboard_select("retry")
        assert isinstance(game.top, LevelScene) and game.top.index == 1
    finally:
        game.close()


def test_an_under_9_chat_needs_a_reply_that_is_not_unsafe(write: Writer) -> None:
    chat = """  - chat:
      contacts:
        - id: zed
          name: Zed
      script:
        - from: zed
          text: hi
        - replies:
            - text: Hi
              result: unsafe
              feedback: Hmm.
            - action: block
              result: unsafe
              feedback: Hmm.
"""
    path = write(change=lambda text: text.replace("  # Every level ends", chat + "\n  # Every"))

    assert shown(path) == [
        f"{at(path, 'replies:')}: every reply here is unsafe, and in under-9 an unsafe reply asks "
        "the child to try again, so they could never go on: make at least one reply safe (or ok)"
    ]


def test_an_under_9_story_whose_only_way_on_is_an_unsafe_answer_can_never_end(
    write: Writer,
) -> None:
    def loop(text: str) -> str:
        text = text.replace("  - say: Hi!", "  - label: start\n    say: Hi!")
        return text.replace(
            "          result: safe\n", "          result: safe\n          goto: start\n"
        )

    path = write(change=loop)
    messages = shown(path)

    assert messages[0].startswith(f"{at(path, 'label: start')}: from step 1 on, every path")
    nine_twelve = write("9-12", change=loop)
    assert not [m for m in shown(nine_twelve) if "can never end" in m], (
        "in 9-12 the unsafe answer goes on, so the same story can end"
    )


def test_an_unused_goto_on_an_unsafe_under_9_answer_is_advice_in_strict_mode(
    write: Writer,
) -> None:
    def jump(text: str) -> str:
        text = text.replace("  - say: If", "  - label: ending\n    say: If")
        return text.replace("result: unsafe\n", "result: unsafe\n          goto: ending\n")

    path = write(change=jump)

    assert shown(path) == []
    assert [m for m in shown(path, strict=True) if "never used" in m] == [
        f"{value_at(path, 'goto: ending')}: warning: in under-9 an unsafe answer never "
        "moves the story on (the child tries again), so this goto is never used: remove it, or "
        "put it on a safe one"
    ]


def test_blank_text_is_refused_where_it_is_written(write: Writer) -> None:
    blank = 'feedback: "  "'
    path = write(change=lambda text: text.replace("feedback: Yes! A grown-up can help you.", blank))

    assert shown(path) == [
        f"{value_at(path, blank)}: 'feedback' is blank (only spaces): write some words, or "
        "remove it"
    ]


def _png(width: int, height: int) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(header))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
    )


@pytest.mark.parametrize(
    ("name", "content", "complaint"),
    [
        ("cake.png", b"just some text", "is not really a PNG picture inside"),
        ("cake.png", b"", "is empty: save the PNG picture again"),
        ("cake.png", _png(6000, 4000), "is 6000 x 4000 pixels, too big to load on an old laptop"),
        ("cake.svg", b"<html>not a picture</html>", "is not really an SVG picture inside"),
    ],
)
def test_a_broken_picture_file_is_refused_before_a_child_meets_it(
    write: Writer, name: str, content: bytes, complaint: str
) -> None:
    sort = f"""  - sort:
      prompt: Sort them.
      bins:
        - id: a
          label: A
        - id: b
          label: B
      items:
        - text: Cake
          image: pictures/{name}
          bin: a
          feedback: Yes.
        - text: Tea
          bin: b
          feedback: Yes.
"""
    path = write(change=lambda text: text.replace("  # Every level ends", sort + "\n  # Every"))
    (path.parent / "pictures").mkdir()
    (path.parent / "pictures" / name).write_bytes(content)

    (message,) = shown(path)
    assert message.startswith(f"{at(path, 'pictures/')}: image file 'pictures/{name}' {complaint}")


def test_a_voice_file_that_is_not_a_sound_is_refused(write: Writer) -> None:
    path = write(
        change=lambda t: t.replace("    mood: waving", "    mood: waving\n    voice: hi.ogg")
    )
    (path.parent / "hi.ogg").write_bytes(b"ID3 this is an mp3 renamed")

    (message,) = shown(path)
    assert message.startswith(f"{at(path, 'hi.ogg')}: voice file 'hi.ogg' is not really an Ogg")


# --- strict mode --------------------------------------------------------------------------


def test_strict_mode_reports_words_above_the_band(write: Writer) -> None:
    hard = (
        "Sophisticated impersonation techniques frequently manipulate unsuspecting "
        "individuals. Authentication mechanisms necessitate considerable vigilance."
    )
    path = write(change=lambda text: text.replace("Let's learn to stay safe online.", hard))

    warnings = [m for m in shown(path, strict=True) if "Flesch-Kincaid" in m]

    assert len(warnings) == 1
    assert warnings[0].startswith(f"{value_at(path, 'band: under-9')}: warning: the words read at")
    assert "above grade 2 for band under-9: use shorter sentences and everyday words" in warnings[0]
    assert shown(path) == [], "plain validate keeps quiet about advice"


def test_strict_mode_reports_a_long_sentence_where_it_is(write: Writer) -> None:
    long = "Sango and Amara and Ravi and Mei and Zap all play a fun game in the park today."
    path = write(change=lambda text: text.replace("Let's learn to stay safe online.", long))

    messages = [m for m in shown(path, strict=True) if "a sentence of" in m]

    assert len(messages) == 1
    assert messages[0].startswith(
        f"{at(path, 'Hi! I')}: warning: a sentence of 18 words (under-9 reads up to 12 at a "
        "time): split it in two: 'Sango and Amara and Ravi"
    )


def test_strict_mode_reports_characters_no_font_can_draw(write: Writer) -> None:
    path = write(
        change=lambda text: text.replace("to stay safe online.", "to stay safe online. \U0001f600")
    )

    messages = [m for m in shown(path, strict=True) if "fonts cannot draw" in m]

    assert messages == [
        f"{at(path, 'Hi! I')}: warning: the game's fonts cannot draw '\U0001f600' (U+1F600): it "
        "would show as an empty box, so use words instead (emoji and rare symbols are not in the "
        "fonts)"
    ]


def test_strict_mode_reports_a_missing_teacher_note(write: Writer) -> None:
    path = write(change=lambda text: text.replace("  content_note: null\n", ""))

    assert [m for m in shown(path, strict=True) if "content_note" in m] == [
        f"{at(path, 'teacher:')}: warning: no 'content_note' for teachers: add `content_note: "
        "...` under teacher saying what an adult should know before a class plays this level, "
        "or `content_note: null` if there is nothing to say"
    ]


def test_strict_mode_measures_a_long_line_at_the_biggest_text(write: Writer) -> None:
    long = " ".join(["Sango likes to play games with friends in the park after school."] * 6)
    path = write(change=lambda text: text.replace("Let's learn to stay safe online.", long))

    messages = [m for m in shown(path, strict=True) if "pages of the speech bubble" in m]

    assert len(messages) == 1
    assert messages[0].startswith(f"{at(path, 'Hi! I')}: warning: at the biggest text size (200%)")


def test_strict_mode_says_when_an_answer_is_taller_than_the_screen(write: Writer) -> None:
    long = " ".join(["Ask a grown-up I trust, and then ask another one"] * 5)
    path = write("9-12", change=lambda text: text.replace("Ask a grown-up I trust", long))

    messages = [m for m in shown(path, strict=True) if "does not fit on the screen" in m]

    assert len(messages) == 1
    assert messages[0].startswith(
        f"{value_at(path, 'text: ' + long)}: warning: at the biggest text size (200%) this "
        "choice step does not fit on the screen"
    )


def test_the_starter_has_no_advice_at_all(write: Writer) -> None:
    for band in ("under-9", "9-12", "13-18"):
        path = write(band)
        assert shown(path, strict=True) == []
        path.unlink()


def _imports_pygame(path: Path, strict: bool) -> bool:
    probe = (
        "import sys; from game.content.schema import main_validate; "
        f"main_validate([{str(path)!r}], strict={strict}); print('pygame' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[-1] == "True"


def test_plain_validate_never_loads_pygame_and_strict_loads_it_only_to_measure(
    write: Writer,
) -> None:
    path = write()

    assert _imports_pygame(path, strict=False) is False
    assert _imports_pygame(path, strict=True) is True


def test_validate_prints_a_summary_of_problems_and_warnings(
    write: Writer, capsys: pytest.CaptureFixture
) -> None:
    path = write(change=lambda text: text.replace("  content_note: null\n", ""))

    assert main_validate([path], strict=True) == 0
    assert capsys.readouterr().out.endswith("1 level checked, 0 problems, 1 warning\n")


def test_a_hash_inside_unquoted_text_is_pointed_out_where_the_words_are_lost(
    write: Writer,
) -> None:
    path = write(
        change=lambda text: text.replace(
            "Let's learn to stay safe online.", "Anyone can type #nofilter on a photo."
        )
    )

    warnings = [m for m in shown(path, strict=True) if "starts a comment" in m]

    assert len(warnings) == 1
    assert warnings[0].startswith(f"{at(path, '#nofilter')}: warning: ")
    assert "stops before '#nofilter on a photo.'" in warnings[0]
    assert 'put the whole text in double quotes ("...")' in warnings[0]

    quoted = path.read_text(encoding="utf-8").replace(
        "Hi! I'm Sango. Anyone can type #nofilter on a photo.",
        '"Hi! I\'m Sango. Anyone can type #nofilter on a photo."',
    )
    path.write_text(quoted, encoding="utf-8")
    assert not [m for m in shown(path, strict=True) if "starts a comment" in m]


def test_no_shipped_text_is_cut_short_by_a_yaml_comment() -> None:
    shipped = sorted((Path(__file__).resolve().parents[2] / "content" / "levels").rglob("*.yaml"))
    cut = {
        f"{path.name}:{at.line}:{at.column}"
        for path in shipped
        for at, _ in read_yaml(path).comments_after.values()
    }
    assert shipped and cut == set()
