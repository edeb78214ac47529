"""The pushdown stack of scenes: the top one has the input; transparent ones show what is below."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.scenes.base import Scene


class SceneStack:
    """Scenes in play order. It never empties: the last scene cannot be popped."""

    def __init__(self) -> None:
        self._scenes: list[Scene] = []
        self.changed = True
        """Set whenever the stack changes, so the loop redraws and restarts the scanner."""

    def __len__(self) -> int:
        return len(self._scenes)

    @property
    def top(self) -> Scene:
        """The scene that has the input."""
        return self._scenes[-1]

    @property
    def scenes(self) -> tuple[Scene, ...]:
        """All scenes, bottom first."""
        return tuple(self._scenes)

    def visible(self) -> list[Scene]:
        """The scenes to draw: the top, and those below it while the one above is transparent."""
        shown: list[Scene] = []
        for scene in reversed(self._scenes):
            shown.append(scene)
            if not scene.transparent:
                break
        return list(reversed(shown))

    def push(self, scene: Scene) -> None:
        """Put a scene on top."""
        if self._scenes:
            self._scenes[-1].pause()
        self._scenes.append(scene)
        scene.enter()
        self.changed = True

    def pop(self) -> bool:
        """Remove the top scene and resume the one below; False (and nothing) if it is the last."""
        if len(self._scenes) <= 1:
            return False
        self._scenes.pop().exit()
        self._scenes[-1].resume()
        self.changed = True
        return True

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for another."""
        if self._scenes:
            self._scenes.pop().exit()
        self._scenes.append(scene)
        scene.enter()
        self.changed = True

    def reset(self, scene: Scene) -> None:
        """Clear the stack and start again from one scene (e.g. back to the title)."""
        while self._scenes:
            self._scenes.pop().exit()
        self._scenes.append(scene)
        scene.enter()
        self.changed = True

    def pop_to(self, kind: type[Scene]) -> bool:
        """Pop until a scene of this kind is on top; False (and nothing) if there is none."""
        if not any(isinstance(scene, kind) for scene in self._scenes):
            return False
        while not isinstance(self._scenes[-1], kind):
            self._scenes.pop().exit()
        self._scenes[-1].resume()
        self.changed = True
        return True

    def relayout_all(self) -> None:
        """Lay every scene out again, e.g. after the text size or language changed."""
        for scene in self._scenes:
            scene.relayout()
        self.changed = True
