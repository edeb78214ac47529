"""Every screen the audit visits: each scene class (with each of its pages) and each state of
each level step (its pages, each answer's feedback, a mini-game's next phase).

A scene whose constructor needs more than the context gets its arguments by name (`band`,
`level`, `stars`, `badge`), one example per age band. A scene that needs something else can
say how to make examples of itself with a class method `audit_examples(ctx)` returning scenes.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import game.scenes
from game.scenes.base import Scene

if TYPE_CHECKING:
    from game.content.models import Level
    from game.context import Context

BANDS = ("under-9", "9-12", "13-18")
CHROME = frozenset({"back", "settings", "help", "replay"})
"""Bottom-bar buttons: they leave the screen, so exploring a step never presses them."""
PAGE_TURNERS = ("more",)
MAX_PRESSES = 2
MAX_STATES = 8
MAX_PAGES = 8
SETTLE_LIMIT = 200


@dataclass
class Visit:
    """A screen on the stack, ready to check."""

    where: str
    scene: Scene
    step: Any = None
    """The level step shown, for level screens."""


Visitor = Callable[[Visit], object]
"""Renders and checks a screen; returns a signature of what it showed (for de-duplication)."""

Filter = Callable[[str], bool]
"""Whether to visit a screen, given its name ("MapScene 13-18", "level x step 3 (chat)")."""


def matching(words: Iterable[str]) -> Filter:
    """A filter that keeps screens whose name contains any of the words (all if none)."""
    wanted = [word.strip().lower() for word in words if word.strip()]
    if not wanted:
        return lambda where: True
    return lambda where: any(word in where.lower() for word in wanted)


def scene_classes() -> list[type[Scene]]:
    """Every Scene subclass in game.scenes and its sub-packages, in a stable order."""
    found: dict[str, type[Scene]] = {}
    for info in pkgutil.walk_packages(game.scenes.__path__, f"{game.scenes.__name__}."):
        module = importlib.import_module(info.name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(value, Scene)
                and value is not Scene
                and value.__module__ == module.__name__
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[key] for key in sorted(found)]


def settle(ctx: Context, scene: Scene) -> None:
    """Let a scene's timers run out (a chat's typing pauses), so its final state is shown."""
    clock = ctx.clock
    for _ in range(SETTLE_LIMIT):
        due = scene.deadline()
        if due is None:
            return
        if hasattr(clock, "now"):
            clock.now = max(clock.now, due)
        scene.update(ctx.clock())


def put_on_stack(ctx: Context, scene: Scene) -> None:
    """Show a scene as a player would meet it: overlays over the title screen."""
    from game.scenes.title import TitleScene

    if scene.transparent:
        ctx.scenes.reset(TitleScene(ctx))
        ctx.scenes.push(scene)
    else:
        ctx.scenes.reset(scene)


class Examples:
    """Makes example instances of scene classes from the content that is loaded."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._class_id: int | None = None

    def level_for(self, band: str) -> Level | None:
        levels = self.ctx.catalogue.by_band(band)
        return levels[0] if levels else None

    def badge_of(self, level: Level | None) -> str | None:
        if level is None:
            return None
        for step in level.steps:
            badge = getattr(step, "badge", None)
            if isinstance(badge, str):
                return badge
        return None

    def value(self, name: str, band: str) -> Any:
        """A value for a constructor parameter, by its name."""
        ctx = self.ctx
        level = self.level_for(band)
        if name.startswith("on_"):
            return lambda *args, **kwargs: None
        if name == "class_id":
            if self._class_id is None:
                self._class_id = ctx.store.create_class("Audit class").id
            return self._class_id
        values: dict[str, Any] = {
            "band": band,
            "level": level,
            "stars": None if band == "under-9" else 2,
            "badge": self.badge_of(level),
            "player_id": ctx.player.id if ctx.player else None,
            "players": ctx.store.players(),
            "heading": ctx._("Are you sure?"),
            "prompt": ctx._("Nickname"),
            "message": ctx._("You can always talk to a grown-up you trust."),
            "yes_text": ctx._("Yes"),
            "no_text": ctx._("No"),
        }
        if name not in values or values[name] is None and name != "stars":
            raise LookupError(name)
        return values[name]

    def of(self, kind: type[Scene]) -> list[tuple[str, Scene]]:
        """Named examples of a scene class.

        Raises:
            LookupError: The class needs arguments the audit cannot make up.
        """
        custom = getattr(kind, "audit_examples", None)
        if callable(custom):
            made = list(custom(self.ctx))
            return [
                item if isinstance(item, tuple) else (f"example {number}", item)
                for number, item in enumerate(made, start=1)
            ]
        parameters = [
            parameter
            for parameter in list(inspect.signature(kind.__init__).parameters.values())[2:]
            if parameter.default is inspect.Parameter.empty
            and parameter.kind not in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD)
        ]
        if not parameters:
            return [("", kind(self.ctx))]
        examples: list[tuple[str, Scene]] = []
        for band in BANDS:
            arguments = {p.name: self.value(p.name, band) for p in parameters}
            if "level" in arguments and arguments["level"] is None:
                continue
            examples.append((band, kind(self.ctx, **arguments)))
        return examples


def visit_scenes(
    ctx: Context,
    visit: Visitor,
    problems: list[tuple[str, str]],
    keep: Filter | None = None,
) -> None:
    """Every scene class (except the level player, visited step by step), with its pages.

    A class that cannot be made is added to `problems` as (where, why). `keep` picks scenes by
    name; a class is made only when some example name of it could match (its class name does).
    """
    from game.scenes.level import LevelScene

    examples = Examples(ctx)
    for kind in scene_classes():
        if issubclass(kind, LevelScene):
            continue
        if keep is not None and not any(keep(f"{kind.__name__} {band}") for band in ("", *BANDS)):
            continue
        try:
            made = examples.of(kind)
        except Exception as error:  # noqa: BLE001 - report and carry on with other screens
            problems.append(
                (
                    kind.__name__,
                    f"could not make an example ({type(error).__name__}: {error}); give the "
                    "class an `audit_examples(ctx)` class method",
                )
            )
            continue
        for label, scene in made:
            where = f"{kind.__name__} {label}".strip()
            if keep is not None and not keep(where):
                continue
            put_on_stack(ctx, scene)
            _visit_pages(ctx, scene, where, visit)


def _visit_pages(ctx: Context, scene: Scene, where: str, visit: Visitor) -> None:
    seen: set[object] = set()
    for page in range(MAX_PAGES):
        settle(ctx, scene)
        signature = visit(Visit(where if page == 0 else f"{where} page {page + 1}", scene))
        if signature in seen:
            return
        seen.add(signature)
        turner = next((w for w in scene.focus.items if w.id in PAGE_TURNERS), None)
        if turner is None or ctx.scenes.top is not scene:
            return
        turner.activate()


def visit_levels(
    ctx: Context,
    visit: Visitor,
    levels: Iterable[Level] | None = None,
    keep: Filter | None = None,
) -> None:
    """Every step of every level: as it opens, and each state a few presses away within it.
    `keep` picks steps by name ("level <id> step <n> (<type>)")."""
    for level in levels if levels is not None else ctx.catalogue.levels:
        for index, step in enumerate(level.steps):
            if keep is None or keep(step_name(level, index, step)):
                _visit_step(ctx, level, index, step, visit)


def step_name(level: Level, index: int, step: Any) -> str:
    """How the audit names a level step."""
    kind = getattr(step, "type_key", type(step).__name__)
    return f"level {level.id} step {index + 1} ({kind})"


def _visit_step(ctx: Context, level: Level, index: int, step: Any, visit: Visitor) -> None:
    from game.scenes.level import LevelScene

    base = step_name(level, index, step)
    queue: deque[tuple[str, ...]] = deque([()])
    seen: set[object] = set()
    while queue and len(seen) < MAX_STATES:
        presses = queue.popleft()
        scene = LevelScene(ctx, level, start=index)
        ctx.scenes.reset(scene)
        if not _press_all(ctx, _Probe(scene), presses):
            continue
        settle(ctx, scene)
        where = base if not presses else f"{base} after {' > '.join(presses)}"
        signature = visit(Visit(where, scene, step))
        if signature in seen:
            continue
        seen.add(signature)
        if len(presses) < MAX_PRESSES:
            queue.extend(
                (*presses, widget.id) for widget in scene.focus.items if widget.id not in CHROME
            )


class _Probe:
    """A level scene whose step may not be left: moving on is noted, not done, so exploring a
    step never pays for laying out the next one."""

    def __init__(self, scene: Any) -> None:
        self.scene = scene
        self.left = False
        scene.advance = self._leave
        scene.finish = self._leave

    def _leave(self, *args: object, **kwargs: object) -> None:
        self.left = True


def _press_all(ctx: Context, probe: _Probe, presses: tuple[str, ...]) -> bool:
    """Press widgets by id; False when the step is left (the state is another step's)."""
    scene = probe.scene
    for widget_id in presses:
        settle(ctx, scene)
        widget = next((w for w in scene.focus.items if w.id == widget_id), None)
        if widget is None:
            return False
        scene.press(widget)
        if probe.left or ctx.scenes.top is not scene:
            return False
    return True
