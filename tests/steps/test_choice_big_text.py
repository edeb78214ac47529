"""A question with long answers at the biggest text size: every answer can be read whole and
pressed, and the buttons that turn its pages never cover an answer or touch the bar."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.audit.checks import spacing
from game.scenes.level import LevelScene
from tests.driver import GameDriver, make_driver

LEVEL = "account-takeover"
QUESTION = 4
"""Step 5: "What should Leo do?" with answers two or three lines long at 200%."""


@pytest.fixture(params=["fr", "ar", "ru"])
def game(request: pytest.FixtureRequest, data_dir: Path) -> GameDriver:
    driver = make_driver(
        data_dir, player="Leo", overrides={"locale": request.param, "text_scale": 200}
    )
    level = driver.ctx.catalogue.get(LEVEL)
    driver.ctx.scenes.reset(LevelScene(driver.ctx, level, start=QUESTION))
    driver.frame()
    yield driver
    driver.close()


def test_every_answer_is_shown_whole_and_clear_of_the_page_buttons(game: GameDriver) -> None:
    scene = game.top
    game.keyboard_select("start")
    seen: set[str] = set()
    for _ in range(len(scene.view.step.choice.options) + 1):
        items = list(game.top.focus.items)
        answers = [item for item in items if item.id.startswith("option-")]
        assert answers, "a page of answers is shown"
        for answer in answers:
            seen.add(answer.id)
            need = game.ctx.text.block_height(answer.text, "button", answer.rect.width - 32)
            assert answer.rect.height >= need, f"{answer.id} shows all its words"
            for other in items:
                if other is not answer:
                    assert spacing(answer.rect, other.rect) >= 16, f"{answer.id} and {other.id}"
        if "more-answers" not in game.ids():
            break
        game.keyboard_select("more-answers")
    assert seen == {f"option-{n}" for n in range(1, len(scene.view.step.choice.options) + 1)}


def test_the_question_comes_back_and_an_answer_can_be_chosen(game: GameDriver) -> None:
    scene = game.top
    game.keyboard_select("start")
    game.keyboard_select("question")
    assert "start" in game.ids(), "the question is shown again, with Answer"
    game.keyboard_select("start")
    game.keyboard_select("option-1")
    assert scene.view.chosen is not None, "the answer was taken"
    assert game.focused in ("next", "more", "retry"), "focus goes on with the story, not Back"
