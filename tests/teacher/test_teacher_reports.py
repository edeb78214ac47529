"""Reports for a class: CSV that parses, a PDF that renders, a web page that needs nothing from
the internet, and a printable lesson card."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pygame
import pytest

from game.cli import main
from game.scenes.teacher.dialogs import NoticeScene
from game.scenes.teacher.lessons import LessonScene, Part
from game.scenes.teacher.reports import ReportScene
from game.store.database import Store
from tests.driver import make_driver
from tests.teacher.adult import make_class, open_adult_area


@pytest.fixture
def school(data_dir: Path) -> Path:
    """A saved game with two classes; Owls have played a little."""
    game = make_driver(data_dir)
    try:
        owls, (ada, kit) = make_class(game, "Owls", ["Ada", "Kit"])
        make_class(game, "Foxes", ["Zed"])
        store = game.ctx.store
        attempt = store.start_level(ada.id, "privacy-treasure", "under-9")
        store.record_answer(ada.id, "privacy-treasure", attempt, 0, "safe")
        store.record_answer(ada.id, "privacy-treasure", attempt, 1, "unsafe")
        store.complete_level(ada.id, "privacy-treasure", None, None)
        store.start_level(kit.id, "privacy-treasure", "under-9")
    finally:
        game.close()
    return data_dir


def pdf_pages(path: Path) -> int:
    """A pure-Python check that the file is a whole PDF; its page count."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert b"startxref" in data
    return len(re.findall(rb"/Type\s*/Page\b", data))


def pdf_text(path: Path) -> str:
    """The text drawing operators of a PDF made by fpdf2 (its streams are zlib-compressed)."""
    data = path.read_bytes()
    chunks = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            chunks.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(chunks)


def rendered_with_poppler(path: Path, out: Path) -> list[Path]:
    """Render every page with pdftoppm and return the PNGs (each must not be blank)."""
    tool = shutil.which("pdftoppm")
    assert tool is not None, "install poppler-utils (pdftoppm) to check PDFs render"
    subprocess.run([tool, "-png", "-r", "40", str(path), str(out / "page")], check=True)
    pages = sorted(out.glob("page*.png"))
    for page in pages:
        image = pygame.image.load(str(page))
        colours = {
            image.get_at((x, y))[:3]
            for x in range(0, image.get_width(), 7)
            for y in range(0, image.get_height(), 7)
        }
        assert len(colours) > 3, f"{page.name} is blank"
    return pages


def test_csv_for_one_class_parses_and_holds_only_its_players(
    school: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--data-dir", str(school), "--class", "owls"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {row["player"] for row in rows} == {"Ada", "Kit"}
    ada = next(r for r in rows if r["player"] == "Ada" and r["level"] == "privacy-treasure")
    assert (ada["status"], ada["safe"], ada["unsafe"]) == ("completed", "1", "1")
    assert "grooming-secrets" not in {row["level"] for row in rows}, "hidden from the class"


def test_csv_file_for_everyone(school: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    assert main(["report", "--data-dir", str(school), "--format", "csv", "--out", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert {row["player"] for row in rows} == {"Ada", "Kit", "Zed"}


def test_unknown_class_is_named_with_the_ones_that_exist(
    school: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--data-dir", str(school), "--class", "Bats"]) == 1
    err = capsys.readouterr().err
    assert "Bats" in err and "Owls" in err and "Foxes" in err


def test_pdf_report_renders_with_charts_and_every_player(school: Path, tmp_path: Path) -> None:
    out = tmp_path / "owls.pdf"
    assert (
        main(
            [
                "report",
                "--data-dir",
                str(school),
                "--format",
                "pdf",
                "--class",
                "Owls",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert pdf_pages(out) >= 1
    text = pdf_text(out)
    assert " re" in text, "the charts draw bars"
    pages = rendered_with_poppler(out, tmp_path)
    assert len(pages) == pdf_pages(out)


def test_pdf_needs_a_file(school: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--data-dir", str(school), "--format", "pdf"]) == 2
    assert "--out" in capsys.readouterr().err


def test_html_report_is_self_contained(school: Path, tmp_path: Path) -> None:
    out = tmp_path / "owls.html"
    assert (
        main(
            [
                "report",
                "--data-dir",
                str(school),
                "--format",
                "html",
                "--class",
                "Owls",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "</html>" in page
    for outside in ("http:", "https:", "//", "<script", "src=", "<link", "@import", "url(http"):
        assert outside not in page, f"the report must not reach outside: {outside}"
    assert "Ada" in page and "Kit" in page and "Zed" not in page
    assert "Sango&#x27;s treasure box" in page or "Sango's treasure box" in page
    assert "Done" in page and "Not started" in page


def test_teacher_saves_reports_from_the_adult_area(game) -> None:  # noqa: ANN001
    owls, _ = make_class(game, "Owls", ["Ada"])
    open_adult_area(game)
    game.click(f"class-{owls}")
    game.click("progress")
    game.click("report")  # the dashboard has the report too
    assert isinstance(game.top, ReportScene)
    for kind in ("pdf", "html", "csv"):
        game.click(f"save-{kind}")
        assert isinstance(game.top, NoticeScene)
        path = game.ctx.store.data_dir / "reports"
        saved = list(path.glob(f"owls-*.{kind}"))
        assert saved and saved[0].stat().st_size > 100
        game.click("ok")


def test_certificates_are_saved_for_every_player(game) -> None:  # noqa: ANN001
    owls, players = make_class(game, "Owls", ["Ada", "Kit"])
    open_adult_area(game)
    game.click(f"class-{owls}")
    game.click("report")
    game.click("certificates")
    game.click("band-under-9")
    assert isinstance(game.top, NoticeScene)
    folder = game.ctx.store.data_dir / "reports" / "certificates"
    pdfs = sorted(folder.glob("*.pdf"))
    assert len(pdfs) == len(players)
    assert all(pdf_pages(pdf) == 1 for pdf in pdfs)


def test_lesson_card_prints_notes_and_every_step(game, tmp_path: Path) -> None:  # noqa: ANN001
    level = game.ctx.catalogue.get("privacy-treasure")
    scene = LessonScene(game.ctx, level)
    game.ctx.scenes.push(scene)
    game.frame()
    player_before = game.ctx.player
    scene._show(Part.STEPS)()
    assert len(scene.pictures) >= len(level.steps)
    assert game.ctx.scenes.top is scene, "drawing the steps leaves the game where it was"
    assert game.ctx.player is player_before
    game.click("print")
    assert isinstance(game.top, NoticeScene)
    card = game.ctx.store.data_dir / "reports" / "lesson-cards" / "privacy-treasure.pdf"
    assert pdf_pages(card) >= 2
    rendered_with_poppler(card, tmp_path)
    with Store.open(game.ctx.store.data_dir) as store:
        assert store.players() == [], "previewing a level records nothing"
