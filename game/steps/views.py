"""Joins each step type to its view. Imported by the game only: authors' tools never load pygame."""

from __future__ import annotations

from game.steps.badge_view import BadgeView
from game.steps.chat_view import ChatView
from game.steps.choice_view import ChoiceView
from game.steps.pick_all_view import PickAllView
from game.steps.registry import STEP_TYPES, register_view, view_for
from game.steps.say_view import SayView
from game.steps.sort_view import SortView
from game.steps.spot_view import SpotView

_VIEWS = {
    "say": SayView,
    "choice": ChoiceView,
    "sort": SortView,
    "chat": ChatView,
    "spot": SpotView,
    "pick-all": PickAllView,
    "badge": BadgeView,
}

for _key, _view in _VIEWS.items():
    register_view(_key, _view)

missing = sorted(set(STEP_TYPES) - set(_VIEWS))
if missing:
    raise RuntimeError(f"step types without a view: {', '.join(missing)}")

__all__ = ["view_for"]
