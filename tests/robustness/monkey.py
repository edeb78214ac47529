"""A monkey that plays the game: random raw events from every device, random waits, and jumps to
every scene, checking after each event that the game still stands.

Used by test_monkey.py (many events, every input mode) and test_soak.py (hours of simulated
play). Everything random comes from one seeded `random.Random`, so a failure can be replayed.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import random
import struct
import wave
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

import game.scenes
from game.scenes.base import CANVAS, Scene
from game.scenes.title import TitleScene
from tests.driver import GameDriver

INPUT_MODES = ("mouse", "keyboard", "one-switch", "two-switch", "gamepad")
BANDS = ("under-9", "9-12", "13-18")

KEYS = (
    pygame.K_TAB, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_ESCAPE,
    pygame.K_F1, pygame.K_F11, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN,
    pygame.K_BACKSPACE, pygame.K_DELETE, pygame.K_HOME, pygame.K_END, pygame.K_PAGEUP,
    pygame.K_a, pygame.K_z, pygame.K_0, pygame.K_1, pygame.K_2, pygame.K_5, pygame.K_9,
    pygame.K_LSHIFT, pygame.K_LCTRL, pygame.K_LALT, pygame.K_F4, pygame.K_q, pygame.K_x,
)  # fmt: skip
WEIGHTED_KEYS = (pygame.K_TAB, pygame.K_RETURN, pygame.K_SPACE, pygame.K_RIGHT, pygame.K_1)
MODS = (0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_CTRL, pygame.KMOD_ALT, pygame.KMOD_CAPS)
TEXTS = (
    "a", "Z", "7", " ", "é", "ß", "ж", "ب", "中", "🙂", "👩🏽‍🚀", "\u200f", "\u0301", "x" * 300,
    "Robert'); DROP TABLE players;--", "%s%n{0}", "\t", "سانغو", "ÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅ",
)  # fmt: skip
"""Typed text: other scripts, emoji, joiners, marks, very long, and injection-looking strings.
No '/' or '~', so a path typed into an adult dialog stays inside the test's folder."""
WORDS = (
    "Are you sure?",
    "Yes, do it",
    "Type a new name for this class. You can change it again later.",
    "This cannot be undone. Export the data first if you want to keep a copy of everything.",
)
"""Text for a scene's string parameters, as long as the game's own."""
BURSTS = (1, 1, 2, 3, 4, 6, 10, 16)
"""How many events arrive between two frames."""
WINDOW_EVENTS = (
    pygame.WINDOWFOCUSLOST, pygame.WINDOWFOCUSGAINED, pygame.WINDOWMINIMIZED,
    pygame.WINDOWRESTORED, pygame.WINDOWMAXIMIZED, pygame.WINDOWEXPOSED, pygame.WINDOWENTER,
    pygame.WINDOWLEAVE, pygame.WINDOWSHOWN, pygame.WINDOWHIDDEN, pygame.VIDEOEXPOSE,
)  # fmt: skip


class FastVoice:
    """A speech engine that 'speaks' at once: a short silent WAV, so narration runs for real
    without an engine installed (and without eSpeak processes outliving a test)."""

    name = "monkey"

    def voice_for(self, language: str) -> str | None:
        return None if language.startswith("zh") else "monkey-voice"

    def synthesise(self, text: str, voice: str, speed: int, out: Path) -> None:
        with wave.open(str(out), "wb") as file:
            file.setnchannels(1)
            file.setsampwidth(2)
            file.setframerate(8000)
            file.writeframes(struct.pack("<h", 0) * 400)


@dataclass
class SceneRecipe:
    """How to build one kind of scene for a jump."""

    kind: type[Scene]
    build: Callable[[Any], Scene]
    under_a_map: bool = False
    """Whether a child only reaches it from a band's map (level, complete, progress...)."""


def scene_kinds() -> list[type[Scene]]:
    """Every concrete Scene class in game/scenes/, the teacher area included."""
    for module in pkgutil.walk_packages(game.scenes.__path__, "game.scenes."):
        importlib.import_module(module.name)
    found: list[type[Scene]] = []
    pending = list(Scene.__subclasses__())
    while pending:
        kind = pending.pop()
        pending.extend(kind.__subclasses__())
        if kind.__module__.startswith("game.scenes") and kind not in found:
            found.append(kind)
    return sorted(found, key=lambda kind: (kind.__module__, kind.__qualname__))


class Monkey:
    """Drives a GameDriver's App directly with random raw events and jumps between scenes."""

    def __init__(self, driver: GameDriver, seed: int) -> None:
        self.driver = driver
        self.app = driver.app
        self.ctx = driver.ctx
        self.chance = random.Random(seed)
        self.seed = seed
        self.events = 0
        self.kinds: Counter[str] = Counter()
        self.scenes_seen: Counter[str] = Counter()
        self.recent: deque[str] = deque(maxlen=40)
        self.unbuildable: dict[str, str] = {}
        self.problems: dict[tuple[object, ...], str] = {}
        """Focus problems found, each described once with the settings and event number."""
        self.mode: str | None = None
        self.recipes = self._recipes()

    # Scenes ------------------------------------------------------------------------------
    def _recipes(self) -> list[SceneRecipe]:
        recipes: list[SceneRecipe] = []
        from game.scenes.level import LevelScene

        for kind in scene_kinds():
            if kind is LevelScene:  # every shipped level, each in its own right
                recipes += [
                    SceneRecipe(kind, lambda ctx, level=level: LevelScene(ctx, level), True)
                    for level in self.ctx.catalogue.levels
                ]
                continue
            recipe = self._recipe(kind)
            if recipe is not None:
                recipes.append(recipe)
        return recipes

    def _recipe(self, kind: type[Scene]) -> SceneRecipe | None:
        """The scene's own examples (`audit_examples`, as `sango audit` uses them), or its
        constructor filled in from what its parameters are called."""
        examples = getattr(kind, "audit_examples", None)
        if examples is not None:
            return SceneRecipe(kind, lambda ctx: self.chance.choice(examples(ctx)))
        parameters = list(inspect.signature(kind.__init__).parameters.values())[2:]
        makers: dict[str, Callable[[], Any]] = {}
        for parameter in parameters:
            if parameter.default is not inspect.Parameter.empty:
                continue
            maker = self._argument(parameter)
            if maker is None:
                self.unbuildable[kind.__qualname__] = parameter.name
                return None
            makers[parameter.name] = maker
        names = set(makers)
        under_a_map = bool(names & {"level", "band", "stars", "badge"})

        def build(ctx: Any) -> Scene:
            return kind(ctx, **{name: make() for name, make in makers.items()})

        return SceneRecipe(kind, build, under_a_map)

    def _argument(self, parameter: inspect.Parameter) -> Callable[[], Any] | None:
        name = parameter.name
        annotation = str(parameter.annotation)
        ctx = self.ctx
        if name == "level":  # one per band: lesson notes render every step, once per level
            firsts = [levels[0] for levels in map(ctx.catalogue.by_band, BANDS) if levels]
            return lambda: self.chance.choice(firsts)
        if name == "band":
            return lambda: self.chance.choice(BANDS)
        if name == "stars":
            return lambda: self.chance.choice([None, 1, 2, 3])
        if name == "badge":
            return lambda: self.chance.choice([None, *sorted(ctx.catalogue.badges.ids())])
        if name == "class_id":
            return lambda: self.chance.choice([None, *(c.id for c in ctx.store.classes())])
        if name == "player_id":
            return lambda: self._a_player().id
        if name in ("players", "player"):
            return lambda: [self._a_player()] if name == "players" else self._a_player()
        if name.startswith("on_") or "Callable" in annotation:
            return lambda: lambda *args, **kwargs: None
        if "str" in annotation:  # words like the game's own: a heading, a label, a question
            return lambda: self.chance.choice(WORDS)
        return None

    def _a_player(self) -> Any:
        players = self.ctx.store.players()
        if players:
            return self.chance.choice(players)
        return self.ctx.store.create_player("Monkey", "fox")

    def jump(self, recipe: SceneRecipe | None = None) -> None:
        """Start again from the title screen and open a scene as a child (or adult) would."""
        from game.scenes.map import BandScene, MapScene

        ctx = self.ctx
        recipe = recipe or self.chance.choice(self.recipes)
        if ctx.player is None or self.chance.random() < 0.1:
            ctx.select_player(self._a_player())
        if self.mode is not None and str(ctx.settings.input_mode) != self.mode:
            ctx.update_settings(input_mode=self.mode)
        ctx.scenes.reset(TitleScene(ctx))
        if recipe.under_a_map:
            ctx.scenes.push(BandScene(ctx))
            ctx.scenes.push(MapScene(ctx, self.chance.choice(BANDS)))
        if recipe.kind is not TitleScene:
            ctx.scenes.push(recipe.build(ctx))
        self.recent.append(f"jump {recipe.kind.__qualname__}")
        self.settle()

    # Events ------------------------------------------------------------------------------
    def random_event(self) -> pygame.event.Event:
        """One raw event, from any device, weighted toward what moves the game on."""
        chance = self.chance
        roll = chance.random()
        if roll < 0.30:
            key = chance.choice(WEIGHTED_KEYS if chance.random() < 0.5 else KEYS)
            kind = pygame.KEYUP if chance.random() < 0.55 else pygame.KEYDOWN
            return pygame.event.Event(
                kind, key=key, mod=chance.choice(MODS), unicode="", scancode=0
            )
        if roll < 0.55:
            return self._mouse_event()
        if roll < 0.62:
            return pygame.event.Event(
                pygame.MOUSEWHEEL,
                x=chance.randint(-3, 3),
                y=chance.randint(-10, 10),
                flipped=chance.random() < 0.1,
                precise_x=chance.uniform(-3, 3),
                precise_y=chance.uniform(-10, 10),
                which=0,
                touch=False,
            )
        if roll < 0.77:
            return self._gamepad_event()
        if roll < 0.84:
            return self._window_event()
        if roll < 0.92:
            text = chance.choice(TEXTS)
            if chance.random() < 0.2:
                return pygame.event.Event(pygame.TEXTEDITING, text=text, start=0, length=len(text))
            return pygame.event.Event(pygame.TEXTINPUT, text=text)
        if roll < 0.97:
            kind = chance.choice([pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION])
            return pygame.event.Event(
                kind,
                touch_id=1,
                finger_id=chance.randint(0, 3),
                x=chance.random(),
                y=chance.random(),
                dx=chance.uniform(-0.1, 0.1),
                dy=chance.uniform(-0.1, 0.1),
                pressure=1.0,
            )
        if roll < 0.985:
            return pygame.event.Event(pygame.QUIT)
        return pygame.event.Event(pygame.DROPFILE, file=str(Path(__file__)))

    def _mouse_event(self) -> pygame.event.Event:
        chance = self.chance
        widgets = self.app.top.widgets
        if widgets and chance.random() < 0.6:
            rect = chance.choice(widgets).rect
            pos = (
                chance.randint(rect.left, max(rect.left, rect.right - 1)),
                chance.randint(rect.top, max(rect.top, rect.bottom - 1)),
            )
        else:
            pos = (chance.randint(-40, CANVAS.width + 40), chance.randint(-40, CANVAS.height + 40))
        roll = chance.random()
        if roll < 0.35:
            return pygame.event.Event(
                pygame.MOUSEMOTION,
                pos=pos,
                rel=(chance.randint(-30, 30), chance.randint(-30, 30)),
                buttons=(chance.random() < 0.2, 0, 0),
                touch=False,
            )
        button = 1 if chance.random() < 0.8 else chance.randint(2, 7)
        kind = pygame.MOUSEBUTTONUP if roll < 0.7 else pygame.MOUSEBUTTONDOWN
        return pygame.event.Event(kind, pos=pos, button=button, touch=False)

    def _gamepad_event(self) -> pygame.event.Event:
        chance = self.chance
        roll = chance.random()
        if roll < 0.35:
            kind = pygame.JOYBUTTONUP if chance.random() < 0.6 else pygame.JOYBUTTONDOWN
            return pygame.event.Event(kind, joy=0, instance_id=0, button=chance.randint(0, 15))
        if roll < 0.5:
            value = (chance.randint(-1, 1), chance.randint(-1, 1))
            return pygame.event.Event(pygame.JOYHATMOTION, joy=0, instance_id=0, hat=0, value=value)
        if roll < 0.65:
            return pygame.event.Event(
                pygame.JOYAXISMOTION,
                joy=0,
                instance_id=0,
                axis=chance.randint(0, 5),
                value=chance.uniform(-1, 1),
            )
        if roll < 0.85:
            kind = (
                pygame.CONTROLLERBUTTONUP if chance.random() < 0.6 else pygame.CONTROLLERBUTTONDOWN
            )
            return pygame.event.Event(kind, instance_id=0, button=chance.randint(0, 20))
        if roll < 0.93:
            return pygame.event.Event(
                pygame.CONTROLLERAXISMOTION,
                instance_id=0,
                axis=chance.randint(0, 5),
                value=chance.randint(-32768, 32767),
            )
        kind = chance.choice(
            [
                pygame.JOYDEVICEADDED,
                pygame.JOYDEVICEREMOVED,
                pygame.CONTROLLERDEVICEADDED,
                pygame.CONTROLLERDEVICEREMOVED,
            ]
        )
        return pygame.event.Event(kind, device_index=chance.randint(0, 3), instance_id=0)

    def _window_event(self) -> pygame.event.Event:
        chance = self.chance
        if chance.random() < 0.4:
            size = (chance.randint(1, 4000), chance.randint(1, 3000))
            kind = chance.choice(
                [pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED, pygame.VIDEORESIZE]
            )
            return pygame.event.Event(kind, x=size[0], y=size[1], size=size, w=size[0], h=size[1])
        if chance.random() < 0.2:
            return pygame.event.Event(
                pygame.ACTIVEEVENT, gain=chance.randint(0, 1), state=chance.choice([1, 2, 4, 6])
            )
        return pygame.event.Event(chance.choice(WINDOW_EVENTS))

    # Running -----------------------------------------------------------------------------
    def send(self, event: pygame.event.Event) -> None:
        """One raw event through the game, as one turn of the real loop handles it."""
        self.events += 1
        self.kinds[pygame.event.event_name(event.type)] += 1
        self.recent.append(f"{pygame.event.event_name(event.type)} {event.dict}")
        self.app.handle_event(event)
        if not self.ctx.running:  # Quit: a child pressed it; the test plays on from the title
            self.ctx.running = True
            self.ctx.scenes.reset(TitleScene(self.ctx))

    def settle(self) -> None:
        """Timers, then a frame if anything changed; then check the game still stands."""
        self.app.tick()
        if self.app.needs_draw():
            self.app.draw()
        self.check()

    def wait(self, seconds: float) -> None:
        """Let simulated time pass."""
        self.recent.append(f"wait {seconds:.2f}")
        step = max(0.05, seconds / 8)
        end = self.driver.clock.now + seconds
        while self.driver.clock.now < end:
            self.driver.clock.now = min(end, self.driver.clock.now + step)
            self.settle()

    def check(self) -> None:
        """The scene stack never empties, and the focus is on an item that can be seen.

        An empty stack stops the run at once; a focus problem is written down (once per scene,
        item and settings) and the monkey plays on, so one run lists every such problem.
        """
        scenes = self.ctx.scenes
        assert len(scenes) >= 1, self.story("the scene stack is empty")
        top = scenes.top
        name = type(top).__qualname__
        self.scenes_seen[name] += 1
        focused = top.focus.focused
        if not any(widget.enabled for widget in top.widgets):
            if focused is not None:
                self._problem(name, "", "focus on a scene without widgets")
            return
        if focused is None:
            self._problem(name, "", "nothing has the focus")
        elif not any(focused is widget for widget in top.widgets):
            self._problem(name, focused.id, "the focused item is not on the screen's list")
        elif not CANVAS.contains(focused.rect):
            self._problem(name, focused.id, f"the focused item at {focused.rect} leaves the canvas")

    def _problem(self, scene: str, item: str, what: str) -> None:
        settings = self.ctx.settings
        key = (scene, item, what.split(" at ")[0], settings.text_scale, settings.line_spacing)
        if key not in self.problems:
            self.problems[key] = self.story(f"{scene}: {item!r}: {what}").split("; last steps")[0]

    def story(self, problem: str) -> str:
        """What went wrong, with the seed and the last things the monkey did."""
        recent = "\n  ".join(self.recent)
        settings = self.ctx.settings
        shown = ", ".join(
            f"{name}={getattr(settings, name, None)!r}"
            for name in ("input_mode", "text_scale", "line_spacing", "locale", "dyslexia_font")
        )
        return (
            f"{problem} (seed {self.seed}, event {self.events}; {shown}); last steps:\n  {recent}"
        )

    def run(self, events: int, tour: list[SceneRecipe], mode: str | None = None) -> None:
        """Send `events` random events in an input mode, visiting the scenes of `tour` in turn.

        Events come in bursts, as the real loop takes them: every event queued since the last
        frame is handled, then timers run and one frame is drawn.
        """
        chance = self.chance
        self.mode = mode
        every = max(1, events // max(1, len(tour)))
        sent = 0
        visited = 0
        while sent < events:
            try:
                if tour and sent >= visited * every and visited < len(tour):
                    self.jump(tour[visited])
                    visited += 1
                if chance.random() < 0.03:
                    self.wait(chance.choice([0.1, 0.5, 1.6, 3.0, 12.0]))
                for _ in range(min(events - sent, chance.choice(BURSTS))):
                    self.send(self.random_event())
                    sent += 1
                self.settle()
            except AssertionError:
                raise
            except Exception as error:
                raise AssertionError(self.story(f"{type(error).__name__}: {error}")) from error

    def tours(self, modes: int) -> list[list[SceneRecipe]]:
        """One tour per input mode: every kind of scene in each, and the shipped levels shared
        out between them, so every level is played in some mode."""
        from game.scenes.level import LevelScene

        levels = [recipe for recipe in self.recipes if recipe.kind is LevelScene]
        others = [recipe for recipe in self.recipes if recipe.kind is not LevelScene]
        self.chance.shuffle(levels)
        tours = []
        for number in range(modes):
            tour = others + levels[number::modes]
            self.chance.shuffle(tour)
            tours.append(tour)
        return tours
