"""One class: its players, progress, topics, controls, settings and reports."""

from __future__ import annotations

from game.scenes.teacher.common import AdultScene, Entry, group_name
from game.scenes.teacher.dialogs import ConfirmScene, NoticeScene, TextEntryScene
from game.store.errors import ClassNameTaken
from game.store.values import CLASS_NAME_MAX_LENGTH
from game.ui.widgets import Widget


class ClassHubScene(AdultScene):
    """Everything about one class; for `class_id` None, about the players without a class."""

    def __init__(self, ctx, class_id: int | None) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.class_id = class_id

    def title(self) -> str:
        return group_name(self.ctx, self.class_id)

    def intro(self) -> str:
        count = len(self.ctx.store.class_members(self.class_id))
        return self.ctx.i18n.ngettext(
            "{count} player. Nicknames and pictures only, never real names.",
            "{count} players. Nicknames and pictures only, never real names.",
            count,
        ).format(count=count)

    def entries(self) -> list[Entry]:
        _ = self.ctx._
        entries = [
            Entry("roster", _("Players"), self.roster, "player"),
            Entry("progress", _("Progress"), self.progress, "check"),
            Entry("topics", _("Topics"), self.topics, "star"),
            Entry("controls", _("Levels and topics on or off"), self.controls, "switch"),
            Entry("class-settings", _("Class settings"), self.class_settings, "settings"),
            Entry("report", _("Print a report"), self.report, "trophy"),
        ]
        if self.class_id is not None:
            entries += [
                Entry("rename-class", _("Rename this class"), self.rename, "text-size"),
                Entry("delete-class", _("Delete this class"), self.delete, "cross"),
            ]
        return entries

    def build(self) -> list[Widget]:
        return self.button_list(self.body_rect(), self.entries(), columns=2)

    def roster(self) -> None:
        from game.scenes.teacher.roster import RosterScene

        self.ctx.scenes.push(RosterScene(self.ctx, self.class_id))

    def progress(self) -> None:
        from game.scenes.teacher.dashboard import ProgressGridScene

        self.ctx.scenes.push(ProgressGridScene(self.ctx, self.class_id))

    def topics(self) -> None:
        from game.scenes.teacher.dashboard import TopicOverviewScene

        self.ctx.scenes.push(TopicOverviewScene(self.ctx, self.class_id))

    def controls(self) -> None:
        from game.scenes.teacher.controls import ControlsScene

        self.ctx.scenes.push(ControlsScene(self.ctx, self.class_id))

    def class_settings(self) -> None:
        from game.scenes.teacher.controls import ClassSettingsScene

        self.ctx.scenes.push(ClassSettingsScene(self.ctx, self.class_id))

    def report(self) -> None:
        from game.scenes.teacher.reports import ReportScene

        self.ctx.scenes.push(ReportScene(self.ctx, self.class_id))

    def rename(self) -> None:
        _ = self.ctx._
        if self.class_id is None:
            return
        class_id = self.class_id

        def rename_to(name: str) -> None:
            try:
                self.ctx.store.rename_class(class_id, name)
            except ClassNameTaken:
                self.ctx.scenes.push(
                    NoticeScene(
                        self.ctx,
                        _("Name taken"),
                        _("Another class already has that name. Please choose another."),
                    )
                )
            except ValueError:
                return
            self.relayout()

        self.ctx.scenes.push(
            TextEntryScene(
                self.ctx,
                _("Rename this class"),
                _("Type the new name of the class, then press Enter."),
                rename_to,
                initial=group_name(self.ctx, class_id),
                limit=CLASS_NAME_MAX_LENGTH,
            )
        )

    def delete(self) -> None:
        _ = self.ctx._
        if self.class_id is None:
            return
        class_id = self.class_id

        def delete_class() -> None:
            self.ctx.store.delete_class(class_id)
            self.ctx.scenes.pop()

        self.ctx.scenes.push(
            ConfirmScene(
                self.ctx,
                _("Delete this class?"),
                _(
                    "The class and its settings are deleted. Its players and their progress "
                    "stay, as players without a class."
                ),
                _("Yes, delete the class"),
                delete_class,
            )
        )
