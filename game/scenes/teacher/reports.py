"""Printing: the class report as PDF, web page or spreadsheet, and certificates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from game.classroom.names import band_label
from game.reports.files import file_stem, reports_folder, write_report
from game.reports.model import class_report
from game.scenes.teacher.common import AdultScene, Entry, group_name, player_name
from game.scenes.teacher.dialogs import NoticeScene
from game.ui.widgets import Widget

if TYPE_CHECKING:
    from game.context import Context
    from game.store.values import Player


class ReportScene(AdultScene):
    """Save the class report in a format; it goes to the reports folder."""

    def __init__(self, ctx, class_id: int | None) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.class_id = class_id

    def title(self) -> str:
        return self.ctx._("Print a report: {group}").format(
            group=group_name(self.ctx, self.class_id)
        )

    def intro(self) -> str:
        return self.ctx._(
            "The report shows each player's progress and a chart for each topic. It is saved "
            "in this folder, ready to print: {folder}"
        ).format(folder=reports_folder(self.ctx.store))

    def entries(self) -> list[Entry]:
        _ = self.ctx._
        return [
            Entry("save-pdf", _("Save as PDF, for printing"), self._saver("pdf"), "trophy"),
            Entry("save-html", _("Save as a web page"), self._saver("html"), "chat"),
            Entry("save-csv", _("Save as a spreadsheet (CSV)"), self._saver("csv"), "text-size"),
            Entry(
                "certificates",
                _("Certificates for every player"),
                self.certificates,
                "star",
            ),
        ]

    def build(self) -> list[Widget]:
        return self.button_list(self.body_rect(), self.entries(), columns=1)

    def _saver(self, kind: str) -> Callable[[], None]:
        def save() -> None:
            self.save(kind)

        return save

    def save(self, kind: str) -> None:
        """Write the report and say where it went."""
        _ = self.ctx._
        ctx = self.ctx
        report = class_report(ctx.store, ctx.catalogue, ctx.i18n, self.class_id)
        path = reports_folder(ctx.store) / f"{file_stem(report.group)}.{kind}"
        try:
            write_report(
                report,
                kind,
                path,
                store=ctx.store,
                catalogue=ctx.catalogue,
                players=ctx.store.class_members(self.class_id),
                language=ctx.i18n.language,
                rtl=ctx.i18n.rtl,
            )
        except OSError as error:
            ctx.scenes.push(
                NoticeScene(
                    ctx,
                    _("The report could not be saved"),
                    _("Sango could not write {path}: {error}").format(path=path, error=error),
                )
            )
            return
        self.last_saved = path
        ctx.scenes.push(NoticeScene(ctx, _("Report saved"), _("Saved: {path}").format(path=path)))

    def certificates(self) -> None:
        print_certificates(self.ctx, self.ctx.store.class_members(self.class_id))


def print_certificates(ctx: Context, players: Sequence[Player]) -> None:
    """Ask which age band the certificates are for, then save one per player."""
    _ = ctx._
    if not players:
        ctx.scenes.push(
            NoticeScene(ctx, _("No players"), _("There are no players to make certificates for."))
        )
        return
    ctx.scenes.push(CertificateScene(ctx, list(players)))


class CertificateScene(AdultScene):
    """Certificates are for finishing an age band: choose the band."""

    def __init__(self, ctx, players: list[Player]) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.players = players

    @classmethod
    def audit_examples(cls, ctx) -> list[CertificateScene]:  # noqa: ANN001
        from game.scenes.teacher.player import example_player

        return [cls(ctx, [example_player(ctx)])]

    def title(self) -> str:
        _ = self.ctx._
        if len(self.players) == 1:
            return _("Certificate for {name}").format(name=player_name(self.ctx, self.players[0]))
        return _("Certificates")

    def intro(self) -> str:
        return self.ctx._("Which age band is the certificate for?")

    def entries(self) -> list[Entry]:
        _ = self.ctx._
        entries = []
        for band in ("under-9", "9-12", "13-18"):
            levels = [level.id for level in self.ctx.catalogue.by_band(band)]
            text = band_label(_, band)
            if len(self.players) == 1:
                progress = self.ctx.store.progress(self.players[0].id)
                done = sum(1 for level in levels if level in progress and progress[level].completed)
                text = _("{band}: {done} of {levels} levels done").format(
                    band=text, done=done, levels=len(levels)
                )
            entries.append(Entry(f"band-{band}", text, self._maker(band), "trophy"))
        return entries

    def build(self) -> list[Widget]:
        return self.button_list(self.body_rect(), self.entries(), columns=1)

    def _maker(self, band: str) -> Callable[[], None]:
        def make() -> None:
            self.make(band)

        return make

    def make(self, band: str) -> None:
        """Save a certificate per player (PNG and PDF) and say where."""
        _ = self.ctx._
        ctx = self.ctx
        try:
            from game.certificate import render_certificate, save_certificate
        except ImportError:
            ctx.scenes.replace(
                NoticeScene(
                    ctx,
                    _("Certificates"),
                    _("Certificates are not available in this version of Sango."),
                )
            )
            return
        folder = reports_folder(ctx.store) / "certificates"
        level_ids = {level.id for level in ctx.catalogue.by_band(band)}
        saved = []
        for player in self.players:
            badges = [
                record.badge
                for record in ctx.store.progress(player.id).values()
                if record.level_id in level_ids and record.badge
            ]
            page = render_certificate(
                ctx,
                player.nickname or "",
                player.avatar,
                band_label(_, band),
                list(dict.fromkeys(badges)),
                dt.date.today(),
            )
            stem = f"{file_stem(player_name(ctx, player))}-{band}"
            saved.append(save_certificate(page, folder, stem).pdf)
        message = ctx.i18n.ngettext(
            "{count} certificate saved in {folder}",
            "{count} certificates saved in {folder}",
            len(saved),
        ).format(count=len(saved), folder=folder)
        ctx.scenes.replace(NoticeScene(ctx, _("Certificates saved"), message))
