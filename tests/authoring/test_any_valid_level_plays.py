"""Any level that `sango validate` accepts can be played to its end: random levels of every step
type, in every band, each played by a keyboard player who is careful, and by one who makes a
mistake on every question first."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from game import paths
from game.content.catalogue import Catalogue, load_badges, validate
from game.content.models import Level
from game.scenes.complete import CompleteScene
from game.scenes.level import LevelScene
from tests.driver import GameDriver, make_driver
from tests.steps.play import play_level

WORDS = st.sampled_from(
    ["Hi!", "Ask a grown-up.", "Keep it private.", "Block them.", "Tell Mum.", "Be kind.", "OK."]
)
RESULTS = st.sampled_from(["safe", "unsafe", "ok"])
BADGES, _ = load_badges(paths.content_dir() / "badges.yaml")


@st.composite
def steps(draw: st.DrawFn, later: list[str]) -> dict[str, Any]:
    """One step of any type; its gotos only jump forward, as a story does."""
    kind = draw(st.sampled_from(["say", "choice", "sort", "chat", "spot", "pick-all"]))
    goto = st.sampled_from(later) if later else st.nothing()
    maybe_goto = st.one_of(st.none(), goto) if later else st.none()
    if kind == "say":
        step: dict[str, Any] = {"say": draw(WORDS)}
        jump = draw(maybe_goto)
        if jump:
            step["goto"] = jump
        return step
    if kind == "choice":
        options = []
        for _ in range(draw(st.integers(2, 4))):
            option = {"text": draw(WORDS), "result": draw(RESULTS), "feedback": draw(WORDS)}
            jump = draw(maybe_goto)
            if jump:
                option["goto"] = jump
            options.append(option)
        return {"choice": {"prompt": draw(WORDS), "options": options}}
    if kind == "sort":
        bins = [{"id": f"bin-{n}", "label": draw(WORDS)} for n in range(draw(st.integers(2, 3)))]
        items = [{"text": draw(WORDS), "bin": bin_["id"], "feedback": draw(WORDS)} for bin_ in bins]
        items += [
            {"text": draw(WORDS), "bin": draw(st.sampled_from(bins))["id"], "feedback": "OK."}
            for _ in range(draw(st.integers(0, 5)))
        ]
        return {"sort": {"prompt": draw(WORDS), "bins": bins, "items": items}}
    if kind == "chat":
        replies = [
            {"text": draw(WORDS), "result": draw(RESULTS)}
            | ({"feedback": draw(WORDS)} if draw(st.booleans()) else {})
            | ({"then": [{"from": "amara", "text": "ok"}]} if draw(st.booleans()) else {})
            for _ in range(draw(st.integers(2, 4)))
        ]
        if draw(st.booleans()):
            replies[0] = {"action": draw(st.sampled_from(["block", "leave", "report"])),
                          "result": draw(RESULTS)}  # fmt: skip
        jump = draw(maybe_goto)
        if jump:
            replies[-1]["goto"] = jump
        script = [{"from": "amara", "text": draw(WORDS)}, {"replies": replies}]
        if draw(st.booleans()):
            script.append({"from": "zed", "text": draw(WORDS)})
        contacts = [
            {"id": "amara", "name": "Amara", "known": True},
            {"id": "zed", "name": "Zed"},
        ]
        return {"chat": {"contacts": contacts, "script": script}}
    if kind == "spot":
        lines = [
            {"text": draw(WORDS)} | ({"sign": draw(WORDS)} if draw(st.booleans()) else {})
            for _ in range(draw(st.integers(2, 6)))
        ]
        lines[0]["sign"] = "A warning sign."
        draw(st.randoms()).shuffle(lines)
        return {"spot": {"prompt": draw(WORDS), "lines": lines}}
    options = [
        {"text": draw(WORDS), "correct": draw(st.booleans())}
        for _ in range(draw(st.integers(3, 6)))
    ]
    options[draw(st.integers(0, len(options) - 1))]["correct"] = True
    feedback = {"right": draw(WORDS), "wrong": draw(WORDS)}
    return {"pick-all": {"prompt": draw(WORDS), "options": options, "feedback": feedback}}


@st.composite
def levels(draw: st.DrawFn) -> dict[str, Any]:
    count = draw(st.integers(1, 6))
    labels = [f"step-{n}" for n in range(count)]
    story = []
    for index in range(count):
        step = draw(steps(labels[index + 1 :]))
        step["label"] = labels[index]
        story.append(step)
    story.append({"badge": draw(st.sampled_from(sorted(BADGES.ids())))})
    return {
        "format": 1,
        "id": "random-level",
        "band": draw(st.sampled_from(["under-9", "9-12", "13-18"])),
        "topics": ["privacy"],
        "title": "A random level",
        "minutes": 5,
        "teacher": {"goals": ["Plays to the end"], "content_note": None},
        "steps": story,
    }


@pytest.fixture(scope="module")
def game(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GameDriver]:
    driver = make_driver(
        tmp_path_factory.mktemp("data"), player="Ada", overrides={"input_mode": "keyboard"}
    )
    yield driver
    driver.close()


@settings(
    max_examples=int(os.environ.get("SANGO_FUZZ_EXAMPLES", "0")) or 20,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=levels(), mistakes=st.booleans())
def test_a_level_that_validates_is_played_to_its_end(
    game: GameDriver, data: dict[str, Any], mistakes: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / data["band"] / "01-random.yaml"
        path.parent.mkdir()
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        report = validate([path])
    assume(not report.errors)  # e.g. an under-9 question with only unsafe answers
    level = Level.model_validate(data)
    game.ctx.catalogue = Catalogue(levels=(level,), badges=BADGES)
    game.ctx.scenes.push(LevelScene(game.ctx, level))
    game.frame()

    pressed = play_level(game, game.keyboard_select, wrong_first=mistakes)

    assert isinstance(game.top, CompleteScene), pressed[-10:]
    game.ctx.scenes.pop()
