"""The adult area's first screen: the classes, then lessons, data and the PIN."""

from __future__ import annotations

from collections.abc import Callable

from game.scenes.teacher.common import AdultScene, Entry
from game.store.errors import ClassNameTaken
from game.ui.widgets import Widget


class AdultHomeScene(AdultScene):
    """Choose a class (or the players without one), or something for the whole computer."""

    def title(self) -> str:
        return self.ctx._("Adult area")

    def intro(self) -> str:
        return self.ctx._(
            "Choose a class to see its progress, players and controls. Back leaves the adult area."
        )

    def entries(self) -> list[Entry]:
        """Every button, in reading order."""
        _ = self.ctx._
        ngettext = self.ctx.i18n.ngettext
        store = self.ctx.store
        entries: list[Entry] = []
        for school_class in store.classes():
            count = len(store.class_members(school_class.id))
            text = ngettext("{name}: {count} player", "{name}: {count} players", count).format(
                name=school_class.name, count=count
            )
            entries.append(
                Entry(f"class-{school_class.id}", text, self._opener(school_class.id), "player")
            )
        unclassed = len(store.class_members(None))
        entries.append(
            Entry(
                "class-none",
                ngettext(
                    "Players without a class: {count}",
                    "Players without a class: {count}",
                    unclassed,
                ).format(count=unclassed),
                self._opener(None),
                "player",
            )
        )
        entries += [
            Entry("new-class", _("New class"), self.new_class, "next"),
            Entry("lessons", _("Lessons and teacher notes"), self.lessons, "chat"),
            Entry("data", _("Data and privacy"), self.data, "lock"),
            Entry("change-pin", _("Change the adult PIN"), self.change_pin, "lock"),
        ]
        return entries

    def build(self) -> list[Widget]:
        return self.button_list(self.body_rect(), self.entries(), columns=2)

    def _opener(self, class_id: int | None) -> Callable[[], None]:
        def open_class() -> None:
            from game.scenes.teacher.hub import ClassHubScene

            self.ctx.scenes.push(ClassHubScene(self.ctx, class_id))

        return open_class

    def new_class(self) -> None:
        """Make a class with a free name like "Class 2"; the adult can rename it."""
        _ = self.ctx._
        store = self.ctx.store
        number = len(store.classes()) + 1
        while True:
            name = _("Class {number}").format(number=number)
            try:
                school_class = store.create_class(name)
                break
            except ClassNameTaken:
                number += 1
        self.relayout()
        from game.scenes.teacher.hub import ClassHubScene

        self.ctx.scenes.push(ClassHubScene(self.ctx, school_class.id))

    def lessons(self) -> None:
        from game.scenes.teacher.lessons import LessonsScene

        self.ctx.scenes.push(LessonsScene(self.ctx))

    def data(self) -> None:
        from game.scenes.teacher.data import DataScene

        self.ctx.scenes.push(DataScene(self.ctx))

    def change_pin(self) -> None:
        from game.scenes.teacher.dialogs import NoticeScene
        from game.scenes.teacher.gate import AdultGateScene

        _ = self.ctx._

        def changed() -> None:
            self.ctx.scenes.push(
                NoticeScene(self.ctx, _("PIN changed"), _("The new PIN opens the adult area."))
            )

        self.ctx.scenes.push(AdultGateScene(self.ctx, change=True, on_open=changed))
