"""The class report as a PDF (fpdf2), with the game's own font, bar charts and drawn marks
for Done, Started and Not started, so it prints the same on any computer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF

from game.classroom.progress import Cell
from game.paths import assets_dir
from game.reports.model import ClassReport

INK = (29, 43, 58)
SOFT = (74, 85, 104)
DONE = (35, 95, 160)
SAFE = (39, 120, 76)
TRACK = (243, 239, 230)
EDGE = (138, 128, 114)
FONT = "NotoSans"
LINE = 5.2
PAD = 1.6
TABLE_START = 32.0
"""Room for a table's header and its first rows (mm); less than this starts a new page."""


def new_document(title: str) -> FPDF:
    """An A4 document with the game's font (regular and bold), ready for a first page."""
    document = FPDF(orientation="P", unit="mm", format="A4")
    document.set_creator("Sango")
    document.set_title(title)
    document.set_auto_page_break(True, margin=15)
    document.set_margins(15, 15, 15)
    fonts = assets_dir() / "fonts"
    document.add_font(FONT, "", str(fonts / "NotoSans-Regular.ttf"))
    document.add_font(FONT, "B", str(fonts / "NotoSans-Bold.ttf"))
    document.set_text_color(*INK)
    document.set_draw_color(*EDGE)
    return document


def write_report_pdf(report: ClassReport, path: Path) -> Path:
    """Write the class report to `path` as a PDF."""
    words = report.words
    document = new_document(f"{report.heading}: {report.group}")
    document.add_page()
    heading(document, report.heading, 20)
    paragraph(document, words["group"].format(group=report.group))
    paragraph(document, words["made-on"].format(date=report.made_on))
    paragraph(document, words["privacy"], colour=SOFT, size=9)
    if not report.players:
        paragraph(document, words["no-players"])
    if report.topics:
        heading(document, words["topics"], 14)
        heading(document, words["done-chart"], 11)
        _chart(document, report, "done")
        heading(document, words["safe-chart"], 11)
        _chart(document, report, "safe")
    if report.players:
        heading(document, words["players"], 14, keep=TABLE_START)
        columns = [
            words[key] for key in ("player", "levels-done", "started", "safe", "unsafe", "badges")
        ]
        widths = [40, 24, 20, 22, 22, 52]
        rows = [
            [
                line.name,
                f"{line.done} / {line.levels}",
                str(line.started),
                str(line.safe),
                str(line.unsafe),
                ", ".join(line.badges) if line.badges else words["none"],
            ]
            for line in report.players
        ]
        table(document, widths, columns, rows)
        heading(document, words["grid"], 14, keep=TABLE_START)
        paragraph(document, words["legend"], colour=SOFT, size=9)
        per_table = 3
        for start in range(0, max(1, len(report.levels)), per_table):
            levels = report.levels[start : start + per_table]
            if not levels:
                break
            width = (180 - 40) / len(levels)
            header = [words["player"], *(f"{level.title} ({level.band})" for level in levels)]
            body = [
                [
                    line.name,
                    *(report.cell_text(cell) for cell in line.cells[start : start + per_table]),
                ]
                for line in report.players
            ]
            marks = [[None, *line.cells[start : start + per_table]] for line in report.players]
            table(document, [40, *([width] * len(levels))], header, body, marks)
            document.ln(3)
        heading(document, words["per-player"], 14)
        for line in report.players:
            if document.will_page_break(LINE * (3 + len(report.levels))):
                document.add_page()
            heading(document, line.name, 12)
            paragraph(
                document,
                f"{words['levels-done']}: {line.done} / {line.levels}. {words['safe']}: "
                f"{line.safe}. {words['unsafe']}: {line.unsafe}. {words['badges']}: "
                f"{', '.join(line.badges) if line.badges else words['none']}",
            )
            for level, cell in zip(report.levels, line.cells, strict=True):
                y = document.get_y()
                draw_mark(document, cell, document.l_margin + 1, y + 0.8, 3.6)
                document.set_x(document.l_margin + 7)
                document.set_font(FONT, "", 10)
                document.multi_cell(
                    0,
                    LINE,
                    f"{level.title}: {report.cell_text(cell)}",
                    align="L",
                    new_x="LMARGIN",
                    new_y="NEXT",
                )
            document.ln(2)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.output(str(path))
    return path


def heading(document: FPDF, text: str, size: float, keep: float = 0) -> None:
    """A bold heading, kept with the first `keep` mm of what follows."""
    if document.will_page_break(size * 1.6 + keep):
        document.add_page()
    document.ln(size * 0.25)
    document.set_font(FONT, "B", size)
    document.set_text_color(*INK)
    document.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
    document.ln(size * 0.15)


def paragraph(
    document: FPDF, text: str, colour: tuple[int, int, int] = INK, size: float = 10.5
) -> None:
    """Left-aligned body text (never justified)."""
    document.set_font(FONT, "", size)
    document.set_text_color(*colour)
    document.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
    document.set_text_color(*INK)
    document.ln(1)


def table(
    document: FPDF,
    widths: Sequence[float],
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    marks: Sequence[Sequence[Cell | None]] | None = None,
) -> None:
    """A table whose cells wrap; the header repeats on each new page. A cell with a mark gets
    the Done / Started / Not started mark drawn before its words."""

    def draw_row(texts: Sequence[str], row_marks: Sequence[Cell | None], bold: bool) -> None:
        document.set_font(FONT, "B" if bold else "", 9.5)
        heights = []
        for width, text, mark in zip(widths, texts, row_marks, strict=True):
            inner = width - 2 * PAD - (5 if mark is not None else 0)
            lines = document.multi_cell(inner, LINE, text, dry_run=True, output="LINES")
            heights.append(len(lines) * LINE)
        height = max(heights) + 2 * PAD
        if document.will_page_break(height):
            document.add_page()
            if not bold:
                draw_row(header, [None] * len(header), True)
        x, y = document.l_margin, document.get_y()
        for width, text, mark in zip(widths, texts, row_marks, strict=True):
            if bold:
                document.set_fill_color(*TRACK)
                document.rect(x, y, width, height, style="DF")
            else:
                document.rect(x, y, width, height)
            left = x + PAD
            if mark is not None:
                draw_mark(document, mark, left, y + PAD + 0.8, 3.6)
                left += 5
            document.set_xy(left, y + PAD)
            document.set_font(FONT, "B" if bold else "", 9.5)
            document.multi_cell(width - (left - x) - PAD, LINE, text, align="L")
            x += width
        document.set_xy(document.l_margin, y + height)

    if document.will_page_break(TABLE_START):  # never a header alone at the foot of a page
        document.add_page()
    draw_row(header, [None] * len(header), True)
    for index, row in enumerate(rows):
        draw_row(row, marks[index] if marks else [None] * len(row), False)
    document.ln(2)


def draw_mark(document: FPDF, cell: Cell, x: float, y: float, size: float) -> None:
    """A check for done, a triangle for started, an empty ring for not started."""
    document.set_draw_color(*INK)
    document.set_fill_color(*INK)
    document.set_line_width(0.5)
    if cell.status == "completed":
        document.polyline(
            [(x, y + size * 0.55), (x + size * 0.38, y + size * 0.92), (x + size, y + size * 0.1)]
        )
    elif cell.status == "in-progress":
        document.polygon(
            [(x + size * 0.1, y), (x + size * 0.95, y + size / 2), (x + size * 0.1, y + size)],
            style="F",
        )
    else:
        document.ellipse(x + 0.3, y + 0.3, size - 0.6, size - 0.6)
    document.set_line_width(0.2)
    document.set_draw_color(*EDGE)


def _chart(document: FPDF, report: ClassReport, kind: str) -> None:
    """Horizontal bars, one per topic, with the numbers written beside them."""
    label_width, bar_width, row = 45.0, 60.0, 7.0
    document.set_font(FONT, "", 9.5)
    for bar in report.topics:
        if document.will_page_break(row):
            document.add_page()
        x, y = document.l_margin, document.get_y()
        share, text = report.bar_words(bar, kind)
        document.set_xy(x, y)
        document.cell(label_width, row, bar.name)
        document.set_fill_color(*TRACK)
        document.set_draw_color(*INK)
        document.rect(x + label_width, y + 1.5, bar_width, row - 3, style="DF")
        filled = bar_width * max(0.0, min(1.0, share))
        if filled > 0:
            document.set_fill_color(*(DONE if kind == "done" else SAFE))
            document.rect(x + label_width, y + 1.5, filled, row - 3, style="F")
            if kind == "safe":  # stripes, so the two charts differ by more than colour
                document.set_draw_color(255, 255, 255)
                step = 2.0
                offset = 0.0
                while offset < filled:
                    document.line(
                        x + label_width + offset,
                        y + row - 1.5,
                        x + label_width + min(filled, offset + 2.5),
                        y + 1.5,
                    )
                    offset += step
        document.set_draw_color(*INK)
        document.rect(x + label_width, y + 1.5, bar_width, row - 3)
        document.set_xy(x + label_width + bar_width + 3, y)
        document.cell(0, row, text)
        document.set_xy(x, y + row)
    document.set_draw_color(*EDGE)
    document.ln(2)
