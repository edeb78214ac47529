"""The step registry: type keys to models now, to views once the game registers them."""

from __future__ import annotations

import subprocess
import sys
from typing import get_args

import pytest

from game.steps.badge import BadgeStep
from game.steps.chat import ChatStep
from game.steps.choice import ChoiceStep
from game.steps.pick_all import PickAllStep
from game.steps.registry import (
    STEP_TYPES,
    AnyStep,
    register_view,
    step_type_key,
    step_type_of,
    view_for,
)
from game.steps.say import SayStep
from game.steps.sort import SortStep
from game.steps.spot import SpotStep


def test_every_step_type_is_registered_by_its_key() -> None:
    assert {key: record.model for key, record in STEP_TYPES.items()} == {
        "say": SayStep,
        "choice": ChoiceStep,
        "sort": SortStep,
        "chat": ChatStep,
        "spot": SpotStep,
        "pick-all": PickAllStep,
        "badge": BadgeStep,
    }


def test_the_step_union_holds_exactly_the_registered_types() -> None:
    union, _discriminator = get_args(AnyStep)
    tagged = {get_args(member)[1].tag: get_args(member)[0] for member in get_args(union)}

    assert tagged == {key: record.model for key, record in STEP_TYPES.items()}


def test_a_raw_step_is_recognised_by_its_one_type_key() -> None:
    assert step_type_key({"say": "Hi", "label": "start"}) == "say"
    assert step_type_key({"say": "Hi", "badge": "x"}) is None
    assert step_type_key({"label": "start"}) is None
    assert step_type_key("say: Hi") is None
    assert step_type_key(BadgeStep(badge="star")) == "badge"


def test_a_view_can_be_registered_later(monkeypatch: pytest.MonkeyPatch) -> None:
    class SayView:
        pass

    monkeypatch.setattr(STEP_TYPES["say"], "view", None)
    register_view("say", SayView)

    assert step_type_of(SayStep(say="Hi")).view is SayView
    assert view_for(SayStep(say="Hi")) is SayView
    with pytest.raises(KeyError):
        register_view("dance", SayView)


def test_a_step_without_a_view_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(STEP_TYPES["badge"], "view", None)

    with pytest.raises(LookupError, match="no view is registered for 'badge' steps"):
        view_for(BadgeStep(badge="star"))


def test_the_content_pipeline_runs_without_pygame() -> None:
    probe = (
        "import sys, game.content.catalogue, game.content.schema, game.steps.registry; "
        "print('pygame' in sys.modules)"
    )

    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "False"
