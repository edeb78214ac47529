"""The step registry: each type key mapped to its model and, once registered, its view."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import Discriminator, Tag

from game.steps import StepModel
from game.steps.badge import BadgeStep
from game.steps.chat import ChatStep
from game.steps.choice import ChoiceStep
from game.steps.pick_all import PickAllStep
from game.steps.say import SayStep
from game.steps.sort import SortStep
from game.steps.spot import SpotStep


@dataclass
class StepType:
    """A step type: the key that marks it in a level file, its model, and its view.

    Attributes:
        key: The type key, e.g. "say".
        model: The pydantic model of the step.
        view: The class that shows the step; None until the game registers one.
    """

    key: str
    model: type[StepModel]
    view: type | None = None


STEP_TYPES: dict[str, StepType] = {
    model.type_key: StepType(model.type_key, model)
    for model in (SayStep, ChoiceStep, SortStep, ChatStep, SpotStep, PickAllStep, BadgeStep)
}
"""Every step type by key, in the order writers meet them in the docs."""


def register_view(type_key: str, view: type) -> None:
    """Attach the view class that shows steps of `type_key`.

    Raises:
        KeyError: There is no step type with that key.
    """
    STEP_TYPES[type_key].view = view


def step_type_of(step: StepModel) -> StepType:
    """The registry record for a step instance."""
    return STEP_TYPES[step.type_key]


def view_for(step: StepModel) -> type:
    """The view class registered for a step's type.

    Raises:
        LookupError: No view has been registered for that type yet.
    """
    view = step_type_of(step).view
    if view is None:
        raise LookupError(f"no view is registered for '{step.type_key}' steps")
    return view


def step_type_key(value: Any) -> str | None:
    """Which step type a raw step mapping (or a model) is: its one type key, else None."""
    if isinstance(value, StepModel):
        return value.type_key
    if not isinstance(value, dict):
        return None
    present = [key for key in STEP_TYPES if key in value]
    return present[0] if len(present) == 1 else None


AnyStep = Annotated[
    Annotated[SayStep, Tag(SayStep.type_key)]
    | Annotated[ChoiceStep, Tag(ChoiceStep.type_key)]
    | Annotated[SortStep, Tag(SortStep.type_key)]
    | Annotated[ChatStep, Tag(ChatStep.type_key)]
    | Annotated[SpotStep, Tag(SpotStep.type_key)]
    | Annotated[PickAllStep, Tag(PickAllStep.type_key)]
    | Annotated[BadgeStep, Tag(BadgeStep.type_key)],
    Discriminator(
        step_type_key,
        custom_error_type="step_type",
        custom_error_message="a step needs exactly one type key",
    ),
]
"""Any step, chosen by which type key is present. Keep in step with STEP_TYPES."""
