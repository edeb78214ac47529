"""Where reports and exports are saved, and writing each report format to a file."""

from __future__ import annotations

import re
import tempfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.content.catalogue import Catalogue
    from game.reports.model import ClassReport
    from game.store.database import Store
    from game.store.values import Player

FORMATS = ("pdf", "html", "csv")


def reports_folder(store: Store) -> Path:
    """The folder reports go to: `reports` in the data folder (a temporary one without)."""
    base = store.data_dir if store.data_dir is not None else Path(tempfile.gettempdir()) / "sango"
    return base / "reports"


def file_stem(group: str, now: datetime | None = None) -> str:
    """A file name from a group's name and today's date, safe on every system."""
    slug = re.sub(r"[^\w-]+", "-", group, flags=re.UNICODE).strip("-_").lower() or "report"
    return f"{slug}-{(now or datetime.now()).date().isoformat()}"


def write_report(
    report: ClassReport,
    kind: str,
    path: Path,
    *,
    store: Store,
    catalogue: Catalogue,
    players: list[Player],
    language: str = "en",
    rtl: bool = False,
) -> Path:
    """Write a report as PDF, HTML or CSV to `path` (folders made as needed).

    Raises:
        ValueError: The format is unknown.
        OSError: The file cannot be written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "pdf":
        from game.reports.pdf import write_report_pdf

        return write_report_pdf(report, path)
    if kind == "html":
        from game.reports.html import render_html

        path.write_text(render_html(report, language, rtl), encoding="utf-8")
        return path
    if kind == "csv":
        from game.store.report import report_rows, write_csv

        levels = [
            (column.id, str(level.band))
            for column in report.levels
            if (level := catalogue.get(column.id)) is not None
        ]
        rows = report_rows(store, levels, players=players)
        # utf-8-sig so spreadsheet programs show accented nicknames correctly.
        with path.open("w", newline="", encoding="utf-8-sig") as stream:
            write_csv(rows, stream)
        return path
    raise ValueError(f"unknown report format {kind!r}; choose one of {', '.join(FORMATS)}")
