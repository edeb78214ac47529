"""An author (or a broken disk) can hand the game any file: it always answers with located
problems, quickly and in little memory, and never runs anything written in the file."""

from __future__ import annotations

import os
import string
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import paths
from game.content.catalogue import load_badges, load_level
from game.content.problems import Problem
from game.content.yaml_source import MAX_FILE_BYTES, LevelFileError, parse_yaml, read_yaml

FUZZ = settings(
    max_examples=int(os.environ.get("SANGO_FUZZ_EXAMPLES", "0"))
    or (400 if os.environ.get("SANGO_LONG_TESTS") else 60),
    deadline=2000,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""Bounded so the whole file runs well under 30 s; SANGO_LONG_TESTS=1 digs deeper."""

SHIPPED_LEVEL = paths.levels_dir() / "under-9" / "01-treasure-box.yaml"
BADGES, _ = load_badges(paths.content_dir() / "badges.yaml")
TIME_LIMIT = 2.0
"""Seconds any single hostile file may take to be refused."""
MEMORY_LIMIT = 64 * 1024 * 1024
"""Bytes of Python memory any single hostile file may use while being refused."""


@contextmanager
def level_file(content: bytes | str, band: str = "under-9") -> Iterator[Path]:
    """A level file in a fresh `<band>/` folder, as an author would save it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / band / "01-level.yaml"
        path.parent.mkdir()
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        yield path


def assert_located(problems: list[Problem], path: Path, text: bytes | str) -> None:
    """Every problem names the file, a real line and column in it, and says something."""
    assert problems, "a broken file must give at least one problem"
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    line_count = len(text.splitlines()) + 1  # YAML also breaks lines at \r, \x85, \u2028...
    for problem in problems:
        assert problem.path == path
        assert problem.message.strip()
        assert "Traceback" not in problem.message
        assert 1 <= problem.line <= line_count, f"{problem} is past the end ({line_count} lines)"
        assert problem.column >= 1, str(problem)


def load_hostile(content: bytes | str, band: str = "under-9") -> tuple[Any, list[Problem], Path]:
    """Load a file the way the catalogue does, with the shipped badges."""
    with level_file(content, band) as path:
        level, problems = load_level(path, badges=BADGES)
        return level, problems, path


def refused(content: bytes | str) -> list[Problem]:
    """The problems a hostile file is refused with, checked to be located."""
    level, problems, path = load_hostile(content)
    assert level is None, "a hostile file must not load as a level"
    assert_located([p for p in problems if p.is_error], path, content)
    return problems


@contextmanager
def bounded(seconds: float = TIME_LIMIT, memory: int = MEMORY_LIMIT) -> Iterator[None]:
    """Fail if the block takes longer than `seconds` or allocates more than `memory` at peak."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        yield
    finally:
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < seconds, f"took {elapsed:.2f} s"
    assert peak < memory, f"peaked at {peak / 2**20:.1f} MiB"


# --- any input at all ----------------------------------------------------------------------

YAML_ALPHABET = string.ascii_letters[:12] + string.digits[:4] + " \n\t:-[]{},&*!|>'\"#%@`?~.\\ü€"
"""Characters that steer PyYAML into its many branches (flow, block, tags, anchors, quotes)."""


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_give_located_problems_never_a_crash(content: bytes) -> None:
    level, problems, path = load_hostile(content)
    if level is None:
        assert_located([p for p in problems if p.is_error], path, content)


@FUZZ
@given(st.text(alphabet=YAML_ALPHABET, max_size=300))
def test_yaml_like_gibberish_gives_located_problems_never_a_crash(text: str) -> None:
    level, problems, path = load_hostile(text)
    assert level is None
    assert_located([p for p in problems if p.is_error], path, text)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=80),
    st.sampled_from(["safe", "unsafe", "ok", "under-9", "happy", "1", "yes", "~", "2024-01-31"]),
)
KEYS = st.sampled_from(
    [
        "format", "id", "band", "topics", "title", "summary", "minutes", "teacher", "goals",
        "discussion", "content_note", "steps", "say", "mood", "speaker", "voice", "label",
        "choice", "prompt", "options", "text", "result", "feedback", "goto", "badge", "x",
    ]
)  # fmt: skip
TREES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(KEYS, children, max_size=6),
    max_leaves=40,
)
"""Any JSON-like data whose keys look like a level's: exercises the schema and cross-checks."""


@FUZZ
@given(TREES)
def test_any_data_shaped_like_a_level_gives_a_level_or_located_problems(data: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, width=2**20)
    level, problems, path = load_hostile(text)
    if level is None:
        assert_located([p for p in problems if p.is_error], path, text)


def _shipped_data() -> dict[str, Any]:
    return yaml.safe_load(SHIPPED_LEVEL.read_text(encoding="utf-8"))


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


SHIPPED_PATHS = _paths(_shipped_data())


@FUZZ
@given(st.sampled_from(SHIPPED_PATHS), TREES, st.sampled_from(["replace", "delete", "extra"]))
def test_a_shipped_level_with_one_wrong_value_is_refused_at_a_real_line(
    where: tuple[Any, ...], value: Any, change: str
) -> None:
    data = _shipped_data()
    parent = data
    for part in where[:-1]:
        parent = parent[part]
    last = where[-1]
    if change == "replace":
        parent[last] = value
    elif change == "delete":
        del parent[last]
    elif isinstance(parent, dict):
        parent["unexpected-key"] = value
    else:
        parent.append(value)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=2**20)
    level, problems, path = load_hostile(text)
    if level is None:
        assert_located([p for p in problems if p.is_error], path, text)


# --- valid levels, generated -----------------------------------------------------------------

SLUGS = st.from_regex(r"[a-z][a-z0-9]{2,10}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
WORDS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Co", "Cn")),
    min_size=1,
    max_size=60,
).filter(lambda text: text.strip() == text and text.strip())


@st.composite
def valid_levels(draw: st.DrawFn) -> dict[str, Any]:
    """A level an author could write: any words, ids, bands and a sound story."""
    band = draw(st.sampled_from(["under-9", "9-12", "13-18"]))
    count = draw(st.integers(1, 7))
    labels = draw(st.lists(SLUGS, min_size=count, max_size=count, unique=True))
    labelled = draw(st.lists(st.booleans(), min_size=count, max_size=count))
    steps: list[dict[str, Any]] = []
    for index in range(count):
        later = [labels[i] for i in range(index + 1, count) if labelled[i]]
        if draw(st.booleans()):
            step: dict[str, Any] = {"say": draw(WORDS)}
            if draw(st.booleans()):
                step["mood"] = draw(st.sampled_from(["happy", "thinking", "proud", "waving"]))
        else:
            options = []
            for _ in range(draw(st.integers(2, 4))):
                option = {
                    "text": draw(WORDS),
                    "result": draw(st.sampled_from(["safe", "unsafe", "ok"])),
                    "feedback": draw(WORDS),
                }
                if later and draw(st.booleans()):
                    option["goto"] = draw(st.sampled_from(later))
                options.append(option)
            if band == "under-9" and all(option["result"] == "unsafe" for option in options):
                options[0]["result"] = "safe"  # else the child could never go on (tried again)
            step = {"choice": {"prompt": draw(WORDS), "options": options}}
        if labelled[index]:
            step["label"] = labels[index]
        steps.append(step)
    if BADGES is not None and draw(st.booleans()):
        steps.append({"badge": draw(st.sampled_from(sorted(BADGES.ids())))})
    topics = draw(
        st.lists(
            st.sampled_from(["privacy", "rights", "wellbeing", "misinformation", "getting-help"]),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    return {
        "format": 1,
        "id": draw(SLUGS),
        "band": band,
        "topics": topics,
        "title": draw(WORDS),
        "minutes": draw(st.integers(1, 30)),
        "teacher": {"goals": draw(st.lists(WORDS, min_size=1, max_size=3)), "content_note": None},
        "steps": steps,
    }


@FUZZ
@given(valid_levels())
def test_any_sound_level_an_author_writes_loads_with_its_words_intact(data: dict[str, Any]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    level, problems, _ = load_hostile(text, data["band"])

    assert level is not None, [str(p) for p in problems]
    assert not [p for p in problems if p.is_error]
    assert level.id == data["id"]
    assert level.title == data["title"]
    assert len(level.steps) == len(data["steps"])
    assert [text for text, _ in level.texts()][: 1 + len(data["teacher"]["goals"])] == [
        data["title"],
        *data["teacher"]["goals"],
    ]


# --- the classic attacks -------------------------------------------------------------------


def test_billion_laughs_is_refused_at_its_first_anchor_in_bounded_time_and_memory() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{n}: &a{n} [{','.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 12)]
    text = "\n".join(lines) + "\n"
    with bounded():
        problems = refused(text)
    assert (problems[0].line, problems[0].column) == (1, 5)
    assert "anchor" in problems[0].message


def test_recursive_alias_is_refused_in_bounded_time() -> None:
    with bounded():
        problems = refused("steps: &loop\n  - *loop\n")
    assert "anchor" in problems[0].message or "alias" in problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("a:\n" + "".join("  " * n + f"k{n}:\n" for n in range(1, 600)), id="block"),
        pytest.param("a: " + "[" * 200_000 + "]" * 200_000 + "\n", id="flow-lists"),
        pytest.param("a: " + "{b: " * 50_000 + "c" + "}" * 50_000 + "\n", id="flow-maps"),
        pytest.param("- " * 100_000 + "x\n", id="dashes"),
    ],
)
def test_deep_nesting_is_refused_with_a_located_message_in_bounded_time(text: str) -> None:
    with bounded():
        problems = refused(text)
    assert "nest" in problems[0].message or "deep" in problems[0].message


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("format: 1\nid: !!python/object/apply:os.system ['touch {marker}']\n", (2, 5)),
        ("format: 1\nid: !!python/object/new:os.system ['touch {marker}']\n", (2, 5)),
        ("format: 1\nsteps:\n  - say: !!python/name:os.system\n", (3, 10)),
        ("format: 1\ntitle: !!python/object:builtins.dict {{a: 1}}\n", (2, 8)),
        ("format: 1\ntitle: !!python/module:os\n", (2, 8)),
        ("format: 1\ntitle: !!python/tuple [a, b]\n", (2, 8)),
        ("format: 1\ntitle: !Hello there\n", (2, 8)),
        ("%TAG !e! tag:example.com,2000:\n---\ntitle: !e!thing x\n", (3, 8)),
    ],
)
def test_code_tags_are_refused_where_written_and_never_run(
    tmp_path: Path, text: str, where: tuple[int, int]
) -> None:
    marker = tmp_path / "ran"
    content = text.format(marker=marker)
    problems = refused(content)

    assert (problems[0].line, problems[0].column) == where, [str(p) for p in problems]
    assert "tag" in problems[0].message
    assert not marker.exists()


def test_standard_yaml_tags_still_mean_what_they_say() -> None:
    document = parse_yaml("a: !!str 5\nb: !!int '7'\nc: ! plain\n", Path("x.yaml"))
    assert document.data == {"a": "5", "b": 7, "c": "plain"}


@pytest.mark.parametrize("digits", [4301, 50_000, 500_000])
def test_a_number_with_too_many_digits_is_a_located_problem(digits: int) -> None:
    text = f"format: 1\nminutes: {'9' * digits}\n"
    with bounded():
        problems = refused(text)
    assert (problems[0].line, problems[0].column) == (2, 10)


@pytest.mark.parametrize("hex_digits", [4000, 100_000])
def test_a_giant_hex_number_is_reported_without_crashing(hex_digits: int) -> None:
    text = f"format: 1\nminutes: 0x{'f' * hex_digits}\n"
    with bounded():
        problems = refused(text)
    assert any(p.line == 2 for p in problems), [str(p)[:200] for p in problems]


# --- size limits -----------------------------------------------------------------------------


def test_a_file_over_one_mebibyte_is_refused_with_a_clear_message_before_parsing() -> None:
    text = "format: 1\nsummary: " + "x" * MAX_FILE_BYTES + "\n"
    with bounded():
        problems = refused(text)
    assert [(p.line, p.column) for p in problems] == [(1, 1)]
    assert "larger than 1 MiB" in problems[0].message


def test_a_file_of_exactly_one_mebibyte_is_still_read() -> None:
    head = "format: 1\nsummary: "
    text = head + "x" * (MAX_FILE_BYTES - len(head) - 1) + "\n"
    problems = refused(text)
    assert "larger than 1 MiB" not in " ".join(p.message for p in problems)


def test_a_huge_sparse_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "under-9" / "huge.yaml"
    path.parent.mkdir()
    with path.open("wb") as file:
        file.truncate(8 * 1024**3)
    with bounded(seconds=1.0, memory=8 * 1024 * 1024):
        level, problems = load_level(path)
    assert level is None and "larger than 1 MiB" in problems[0].message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_stream_is_refused_after_one_mebibyte(tmp_path: Path) -> None:
    link = tmp_path / "endless.yaml"
    link.symlink_to("/dev/zero")
    with bounded(seconds=2.0, memory=16 * 1024 * 1024):
        with pytest.raises(LevelFileError) as caught:
            read_yaml(link)
    assert "not a regular file" in caught.value.problems[0].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX named pipes")
def test_a_named_pipe_is_refused_instead_of_waiting_forever(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    with bounded(seconds=2.0):
        with pytest.raises(LevelFileError) as caught:
            read_yaml(pipe)
    assert "not a regular file" in caught.value.problems[0].message


def test_a_folder_named_like_a_level_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    with pytest.raises(LevelFileError) as caught:
        read_yaml(folder)
    assert caught.value.problems[0].path == folder
