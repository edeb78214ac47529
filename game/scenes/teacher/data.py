"""The data the game keeps: export it all, erase one player, or erase everything."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from game.reports.files import reports_folder
from game.scenes.teacher.common import AdultScene, Entry, group_name, player_name
from game.scenes.teacher.dialogs import ConfirmScene, NoticeScene, TextEntryScene
from game.ui.widgets import Widget


def default_export_path(ctx, now: datetime | None = None) -> Path:  # noqa: ANN001
    """Where an export goes unless the adult types another path: the data folder."""
    folder = ctx.store.data_dir or reports_folder(ctx.store).parent
    stamp = (now or datetime.now()).strftime("%Y-%m-%d-%H%M")
    return folder / f"sango-export-{stamp}.json"


def export_all(ctx, path: Path) -> Path:  # noqa: ANN001
    """Write everything the store holds to `path` as JSON (folders made as needed)."""
    path = path.expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = ctx.store.export_json()
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


class DataScene(AdultScene):
    """Export and erase, with the folder where everything is kept."""

    def title(self) -> str:
        return self.ctx._("Data and privacy")

    def intro(self) -> str:
        _ = self.ctx._
        folder = self.ctx.store.data_dir
        where = (
            _("Sango keeps everything on this computer only, in: {folder}").format(folder=folder)
            if folder is not None
            else _("Sango is not saving anything on this computer right now.")
        )
        return (
            where
            + "\n"
            + _("Nothing is ever sent anywhere. There is no account and no internet connection.")
        )

    def entries(self) -> list[Entry]:
        _ = self.ctx._
        return [
            Entry("export", _("Export all data (JSON)"), self.export, "next"),
            Entry("erase-player", _("Erase one player"), self.erase_one, "cross"),
            Entry("erase-all", _("Erase everything"), self.erase_all, "cross"),
            Entry("remembers", _("What Sango tells children it remembers"), self.remembers, "help"),
        ]

    def build(self) -> list[Widget]:
        return self.button_list(self.body_rect(), self.entries(), columns=1)

    def export(self) -> None:
        _ = self.ctx._

        def save(text: str) -> None:
            path = Path(text.strip()) if text.strip() else default_export_path(self.ctx)
            try:
                written = export_all(self.ctx, path)
            except OSError as error:
                self.ctx.scenes.push(
                    NoticeScene(
                        self.ctx,
                        _("The export could not be saved"),
                        _("Sango could not write {path}: {error}").format(path=path, error=error),
                    )
                )
                return
            self.ctx.scenes.push(
                NoticeScene(
                    self.ctx,
                    _("Data exported"),
                    _(
                        "Saved: {path}. It holds nicknames, pictures, progress and settings: "
                        "keep it private."
                    ).format(path=written),
                )
            )

        self.ctx.scenes.push(
            TextEntryScene(
                self.ctx,
                _("Export all data"),
                _(
                    "Where should the file go? Press Enter to save it in the data folder, or type "
                    "another path."
                ),
                save,
                initial=str(default_export_path(self.ctx)),
                limit=1000,
            )
        )

    def erase_one(self) -> None:
        self.ctx.scenes.push(ErasePlayerScene(self.ctx))

    def erase_all(self) -> None:
        _ = self.ctx._

        def really() -> None:
            self.ctx.scenes.push(
                ConfirmScene(
                    self.ctx,
                    _("Really erase everything?"),
                    _("This is the last question. Everything is erased at once."),
                    _("Erase everything now"),
                    self._erase_everything,
                    _("No, keep everything"),
                )
            )

        self.ctx.scenes.push(
            ConfirmScene(
                self.ctx,
                _("Erase everything?"),
                _(
                    "This erases every player, class, progress record, answer, badge and setting "
                    "on this computer. It cannot be undone. Export the data first if you want to "
                    "keep a copy. The adult PIN stays."
                ),
                _("Yes, erase everything"),
                really,
                _("No, keep everything"),
            )
        )

    def _erase_everything(self) -> None:
        _ = self.ctx._
        self.ctx.store.erase_everything()
        self.ctx.select_player(None)
        self.ctx.scenes.push(
            NoticeScene(self.ctx, _("Everything erased"), _("Sango has forgotten everything."))
        )

    def remembers(self) -> None:
        from game.scenes.teacher.remember import RememberScene

        self.ctx.scenes.push(RememberScene(self.ctx))


class ErasePlayerScene(AdultScene):
    """Choose the player to erase; a question follows."""

    def title(self) -> str:
        return self.ctx._("Erase one player")

    def intro(self) -> str:
        if not self.ctx.store.players():
            return self.ctx._("There are no players.")
        return self.ctx._("Choose the player to erase. You are asked again before anything goes.")

    def entries(self) -> list[Entry]:
        entries = []
        for player in self.ctx.store.players():
            class_id = self.ctx.store.class_of(player.id)
            text = f"{player_name(self.ctx, player)} ({group_name(self.ctx, class_id)})"
            entries.append(Entry(f"erase-{player.id}", text, self._eraser(player.id), "player"))
        return entries

    def build(self) -> list[Widget]:
        return self.button_list(self.body_rect(), self.entries(), columns=2)

    def _eraser(self, player_id: int) -> Callable[[], None]:
        def erase() -> None:
            from game.scenes.teacher.player import PlayerScene

            PlayerScene(self.ctx, player_id).erase()

        return erase
