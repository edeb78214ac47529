"""Lesson support: for every level, the teacher's view (goals, questions to talk about, the
content note) and a picture of every step, printable as a lesson card."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.classroom.names import band_label, topic_label
from game.reports.files import reports_folder
from game.reports.lesson_card import LessonCard, write_lesson_card
from game.scenes.base import CANVAS_SIZE
from game.scenes.stack import SceneStack
from game.scenes.teacher.common import AdultScene, Entry
from game.scenes.teacher.dialogs import NoticeScene
from game.ui.widgets import GAP, PADDING, Widget, draw_panel

if TYPE_CHECKING:
    from game.content.models import Level
    from game.context import Context


@contextmanager
def offstage(ctx: Context) -> Iterator[None]:
    """Let a level be drawn without touching the game: no player (so nothing is recorded), no
    sound, and a scene stack of its own."""
    scenes, player, muted = ctx.scenes, ctx.player, ctx.audio.muted
    listeners = list(ctx.audio.listeners)
    ctx.scenes, ctx.player = SceneStack(), None
    ctx.audio.muted = True
    ctx.audio.listeners.clear()
    try:
        yield
    finally:
        ctx.scenes, ctx.player = scenes, player
        ctx.audio.muted = muted
        ctx.audio.listeners[:] = listeners


def pictures_folder(ctx: Context, level: Level) -> Path:
    """Where a level's step pictures are drawn: the cache in the data folder."""
    base = ctx.store.data_dir or Path(tempfile.gettempdir()) / "sango"
    return base / "cache" / "lesson-steps" / ctx.i18n.locale / level.id


def render_step_pictures(ctx: Context, level: Level, folder: Path) -> list[tuple[Path, str]]:
    """A PNG of every step of the level (each answer's feedback too), as `sango preview` makes
    them, without disturbing the game in progress; each with its caption."""
    from game.preview import render_shots

    surface = pygame.Surface(CANVAS_SIZE)
    with offstage(ctx):
        shots = render_shots(ctx, level, surface, folder)
    return [(shot.path, shot_caption(ctx, shot.step, shot.kind, shot.moment)) for shot in shots]


def shot_caption(ctx: Context, step: int, kind: str, moment: str) -> str:
    """What a step picture shows: "Step 5", "Step 5, answer 2", "Level complete"..."""
    _ = ctx._
    if kind == "complete":
        return _("Level complete")
    if not moment:
        return _("Step {number}").format(number=step)
    what, _dash, number = moment.rpartition("-")
    if what == "answer" and number.isdigit():
        return _("Step {number}, answer {answer}").format(number=step, answer=number)
    if what == "page" and number.isdigit():
        return _("Step {number}, page {page}").format(number=step, page=number)
    return _("Step {number}, {moment}").format(number=step, moment=moment.replace("-", " "))


class LessonsScene(AdultScene):
    """Every level, one age band at a time: open one for its teacher notes."""

    def __init__(self, ctx) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.band = "under-9"

    def title(self) -> str:
        return self.ctx._("Lessons and teacher notes")

    def intro(self) -> str:
        return self.ctx._(
            "Choose a level to read its goals, questions to talk about and content note, and to "
            "see every step before the class plays it. A lock marks a level with a content note."
        )

    def entries(self) -> list[Entry]:
        _ = self.ctx._
        entries = []
        for level in self.ctx.catalogue.by_band(self.band):
            title = self.ctx.i18n.level(level.id, level.title)
            text = self.ctx.i18n.ngettext(
                "{title} ({minutes} minute)", "{title} ({minutes} minutes)", level.minutes
            ).format(title=title, minutes=level.minutes)
            icon = "lock" if level.teacher.content_note else "chat"
            entries.append(
                Entry(f"lesson-{level.id}", text, self._opener(level.id), icon, short=title)
            )
        return entries

    def build(self) -> list[Widget]:
        _ = self.ctx._
        area = self.body_rect()
        tabs = self.tab_bar(
            area,
            [
                Entry(
                    f"band-{band}",
                    band_label(_, band),
                    self._band(band),
                    None,
                    selected=band == self.band,
                )
                for band in ("under-9", "9-12", "13-18")
            ],
        )
        bottom = max(widget.rect.bottom for widget in tabs) + GAP
        area = pygame.Rect(area.left, bottom, area.width, area.bottom - bottom)
        return tabs + self.button_list(area, self.entries(), columns=2)

    def _band(self, band: str) -> Callable[[], None]:
        def show() -> None:
            self.band = band
            self.page = 0
            self.relayout()

        return show

    def _opener(self, level_id: str) -> Callable[[], None]:
        def open_lesson() -> None:
            level = self.ctx.catalogue.get(level_id)
            if level is not None:
                self.ctx.scenes.push(LessonScene(self.ctx, level))

        return open_lesson


class Part(StrEnum):
    """What the lesson screen shows."""

    NOTES = "notes"
    STEPS = "steps"


class LessonScene(AdultScene):
    """One level for the teacher: notes (paged), then pictures of its steps (paged)."""

    def __init__(self, ctx, level: Level) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.level = level
        self.part = Part.NOTES
        self.note_pages: list[list[tuple[str, str]]] = [[]]
        self.pictures: list[Path] = []
        self.captions: dict[Path, str] = {}
        self.problem = ""
        """Why the step pictures could not be drawn, if they could not."""
        self._thumbs: dict[tuple[Path, tuple[int, int]], pygame.Surface] = {}
        self.tabs_bottom = self.content_rect().top + self.bar_height()

    def t(self, text: str) -> str:
        return self.ctx.i18n.level(self.level.id, text)

    def title(self) -> str:
        return self.t(self.level.title)

    def notes(self) -> list[tuple[str, str]]:
        """The teacher notes as (role, text) lines, in reading order."""
        _ = self.ctx._
        level, teacher = self.level, self.level.teacher
        topics = ", ".join(topic_label(_, str(topic)) for topic in level.topics)
        lines = [
            (
                "small",
                _("{band}. Topics: {topics}. About {minutes} minutes.").format(
                    band=band_label(_, str(level.band)), topics=topics, minutes=level.minutes
                ),
            ),
        ]
        if teacher.content_note:
            lines += [("button", _("Content note")), ("body", self.t(teacher.content_note))]
        lines.append(("button", _("Goals")))
        lines += [("body", "• " + self.t(goal)) for goal in teacher.goals]
        if teacher.discussion:
            lines.append(("button", _("Talk about")))
            lines += [("body", "• " + self.t(question)) for question in teacher.discussion]
        return lines

    def text_area(self) -> pygame.Rect:
        area = self.content_rect()
        top = self.tabs_bottom + GAP
        return pygame.Rect(area.left, top, area.width, area.bottom - top)

    def paginate(self) -> list[list[tuple[str, str]]]:
        """The notes as wrapped lines, split into pages; a long paragraph goes on over a page
        break, and a heading always has its first line with it."""
        area = self.text_area().inflate(-2 * PADDING, -2 * PADDING)
        area.height = max(area.height, self.ctx.text.line_height("button"))
        lines: list[tuple[str, str, bool]] = []  # role, text, starts a paragraph
        for role, text in self.notes():
            for number, line in enumerate(self.ctx.text.wrap(text, role, area.width)):
                lines.append((role, line, number == 0))
        pages: list[list[tuple[str, str]]] = [[]]
        used = 0
        for index, (role, line, first) in enumerate(lines):
            height = self.ctx.text.line_height(role) + (GAP // 2 if first else 0)
            needed = height
            if role == "button" and index + 1 < len(lines):  # keep a heading with its text
                needed += self.ctx.text.line_height(lines[index + 1][0]) + GAP // 2
            if pages[-1] and used + needed > area.height:
                pages.append([])
                used = 0
            pages[-1].append((role, line if first else "\n" + line))
            used += height
        return pages

    def captions_beside(self) -> bool:
        """With big text each picture gets a row with its caption beside it."""
        return self.ctx.settings.text_scale >= 150

    def thumb_layout(self) -> tuple[int, int, tuple[int, int]]:
        """Columns, rows and thumbnail size for the step pictures."""
        area = self.text_area().inflate(-2 * PADDING, -2 * PADDING)
        if self.captions_beside():
            rows = 2 if (area.height - GAP) // 2 >= 140 else 1
            height = max(60, (area.height - (rows - 1) * GAP) // rows)
            width = min(height * 16 // 9, area.width // 2)
            return 1, rows, (width, width * 9 // 16)
        caption = self.ctx.text.line_height("small")
        columns = 5
        width = (area.width - (columns - 1) * GAP) // columns
        height = min(width * 9 // 16, max(40, area.height - caption - 8))
        width = height * 16 // 9
        columns = max(1, (area.width + GAP) // (width + GAP))
        rows = max(1, (area.height + 8) // (height + caption + 8))
        return columns, rows, (width, height)

    def build(self) -> list[Widget]:
        _ = self.ctx._
        area = self.content_rect()
        tabs = self.tab_bar(
            pygame.Rect(area.left, area.top, area.width, self.bar_height()),
            [
                Entry(
                    "part-notes",
                    _("Teacher notes"),
                    self._show(Part.NOTES),
                    "chat",
                    selected=self.part is Part.NOTES,
                ),
                Entry(
                    "part-steps",
                    _("Every step"),
                    self._show(Part.STEPS),
                    "play",
                    selected=self.part is Part.STEPS,
                ),
            ],
        )
        self.tabs_bottom = max(widget.rect.bottom for widget in tabs)
        if self.part is Part.NOTES:
            self.note_pages = self.paginate()
            self.pages = len(self.note_pages)
        else:
            self._ensure_pictures()
            columns, rows, _size = self.thumb_layout()
            self.pages = max(1, -(-len(self.pictures) // (columns * rows)))
        self.page = min(self.page, self.pages - 1)
        bar = [Entry("print", _("Print a lesson card"), self.print_card, "trophy")]
        if self.pages > 1:
            label = _("{label} ({page} of {pages})").format(
                label=_("More"), page=self.page + 1, pages=self.pages
            )
            bar.insert(0, Entry("more", label, self.next_page, "next"))
        return tabs + self.bar_buttons(bar)

    def _show(self, part: Part) -> Callable[[], None]:
        def show() -> None:
            self.part = part
            self.page = 0
            self.relayout()

        return show

    def _ensure_pictures(self) -> None:
        if self.pictures or self.problem:
            return
        folder = pictures_folder(self.ctx, self.level)
        if folder.is_dir():
            for old in folder.glob("*.png"):
                old.unlink()
        try:
            shots = render_step_pictures(self.ctx, self.level, folder)
        except Exception as error:  # noqa: BLE001 - the adult area must go on; say what failed
            self.problem = self.ctx._(
                "Sango could not draw the steps of this level: {error}"
            ).format(error=f"{type(error).__name__}: {error}")
            return
        self.pictures = [path for path, _caption in shots]
        self.captions = dict(shots)

    def print_card(self) -> None:
        """Save the lesson card as a PDF in the reports folder and say where."""
        _ = self.ctx._
        self._ensure_pictures()
        path = reports_folder(self.ctx.store) / "lesson-cards" / f"{self.level.id}.pdf"
        try:
            write_lesson_card(lesson_card(self.ctx, self.level, self.pictures, self.captions), path)
        except OSError as error:
            self.ctx.scenes.push(
                NoticeScene(
                    self.ctx,
                    _("The lesson card could not be saved"),
                    _("Sango could not write {path}: {error}").format(path=path, error=error),
                )
            )
            return
        self.ctx.scenes.push(
            NoticeScene(self.ctx, _("Lesson card saved"), _("Saved: {path}").format(path=path))
        )

    def draw_body(self, surface: pygame.Surface) -> None:
        area = self.text_area()
        draw_panel(surface, self.place(area), self.ctx)
        inner = area.inflate(-2 * PADDING, -2 * PADDING)
        if self.part is Part.NOTES:
            y = inner.top
            for role, text in self.note_pages[self.page]:
                if text.startswith("\n"):  # a paragraph going on
                    text = text[1:]
                elif y > inner.top:
                    y += GAP // 2
                self.draw_text(surface, text, pygame.Rect(inner.left, y, inner.width, 0), role)
                y += self.ctx.text.line_height(role)
            return
        if self.problem:
            self.draw_text(surface, self.problem, inner, "small")
            return
        columns, rows, size = self.thumb_layout()
        per_page = columns * rows
        start = self.page * per_page
        caption = self.ctx.text.line_height("small")
        beside = self.captions_beside()
        for index, path in enumerate(self.pictures[start : start + per_page]):
            row, column = divmod(index, columns)
            x = inner.left + column * (size[0] + GAP)
            y = inner.top + row * (size[1] + (GAP if beside else caption + 8))
            surface.blit(self._thumb(path, size), self.place(pygame.Rect(x, y, *size)))
            pygame.draw.rect(
                surface, self.ctx.theme.panel_edge, self.place(pygame.Rect(x, y, *size)), 2
            )
            spot = (
                pygame.Rect(x + size[0] + GAP, y, inner.right - x - size[0] - GAP, 0)
                if beside
                else pygame.Rect(x, y + size[1] + 2, size[0], caption)
            )
            self.draw_text(surface, self.captions.get(path, ""), spot, "small")

    def _thumb(self, path: Path, size: tuple[int, int]) -> pygame.Surface:
        key = (path, size)
        if key not in self._thumbs:
            self._thumbs[key] = pygame.transform.smoothscale(pygame.image.load(str(path)), size)
        return self._thumbs[key]


def lesson_card(
    ctx: Context, level: Level, pictures: list[Path], captions: dict[Path, str]
) -> LessonCard:
    """The translated words and the step pictures of a level's lesson card."""
    _ = ctx._
    t = lambda text: ctx.i18n.level(level.id, text)  # noqa: E731
    note = level.teacher.content_note
    return LessonCard(
        title=t(level.title),
        about=_("{band}. Topics: {topics}. About {minutes} minutes.").format(
            band=band_label(_, str(level.band)),
            topics=", ".join(topic_label(_, str(topic)) for topic in level.topics),
            minutes=level.minutes,
        ),
        summary=t(level.summary) if level.summary else "",
        content_note_heading=_("Content note"),
        content_note=t(note) if note else "",
        goals_heading=_("Goals"),
        goals=[t(goal) for goal in level.teacher.goals],
        discussion_heading=_("Talk about"),
        discussion=[t(question) for question in level.teacher.discussion],
        steps_heading=_("Every step"),
        pictures=[(path, captions.get(path, "")) for path in pictures],
    )
