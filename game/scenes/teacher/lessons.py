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


def render_step_pictures(ctx: Context, level: Level, folder: Path) -> list[Path]:
    """A PNG of every step of the level (and of each answer's feedback), as `sango preview`
    makes them, without disturbing the game in progress."""
    from game.preview import render_level

    surface = pygame.Surface(CANVAS_SIZE)
    with offstage(ctx):
        return render_level(ctx, level, surface, folder)


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
            entries.append(Entry(f"lesson-{level.id}", text, self._opener(level.id), icon))
        return entries

    def build(self) -> list[Widget]:
        _ = self.ctx._
        area = self.body_rect()
        tabs = self.button_row(
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
        self._folder: tempfile.TemporaryDirectory[str] | None = None
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

    def thumb_layout(self) -> tuple[int, int, tuple[int, int]]:
        """Columns, rows and thumbnail size for the step pictures."""
        area = self.text_area().inflate(-2 * PADDING, -2 * PADDING)
        columns = 5 if self.ctx.settings.text_scale < 150 else 3
        width = (area.width - (columns - 1) * GAP) // columns
        height = width * 9 // 16
        caption = self.ctx.text.line_height("small")
        rows = max(1, (area.height + 8) // (height + caption + 8))
        return columns, rows, (width, height)

    def build(self) -> list[Widget]:
        _ = self.ctx._
        area = self.content_rect()
        tabs = self.button_row(
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
                Entry("print", _("Print a lesson card"), self.print_card, "trophy"),
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
        if self.pages > 1:
            tabs.append(self.more_button())
        return tabs

    def _show(self, part: Part) -> Callable[[], None]:
        def show() -> None:
            self.part = part
            self.page = 0
            self.relayout()

        return show

    def _ensure_pictures(self) -> None:
        if self.pictures:
            return
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="sango-lesson-")
        self.pictures = render_step_pictures(self.ctx, self.level, Path(self._folder.name))

    def print_card(self) -> None:
        """Save the lesson card as a PDF in the reports folder and say where."""
        _ = self.ctx._
        self._ensure_pictures()
        path = reports_folder(self.ctx.store) / "lesson-cards" / f"{self.level.id}.pdf"
        try:
            write_lesson_card(lesson_card(self.ctx, self.level, self.pictures), path)
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

    def exit(self) -> None:
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

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
        columns, rows, size = self.thumb_layout()
        per_page = columns * rows
        start = self.page * per_page
        caption = self.ctx.text.line_height("small")
        for index, path in enumerate(self.pictures[start : start + per_page]):
            row, column = divmod(index, columns)
            x = inner.left + column * (size[0] + GAP)
            y = inner.top + row * (size[1] + caption + 8)
            surface.blit(self._thumb(path, size), self.place(pygame.Rect(x, y, *size)))
            pygame.draw.rect(
                surface, self.ctx.theme.panel_edge, self.place(pygame.Rect(x, y, *size)), 2
            )
            self.draw_text(
                surface,
                picture_caption(self.ctx, path),
                pygame.Rect(x, y + size[1] + 2, size[0], caption),
                "small",
            )

    def _thumb(self, path: Path, size: tuple[int, int]) -> pygame.Surface:
        key = (path, size)
        if key not in self._thumbs:
            self._thumbs[key] = pygame.transform.smoothscale(pygame.image.load(str(path)), size)
        return self._thumbs[key]


def picture_caption(ctx: Context, path: Path) -> str:
    """What a step picture shows, from its file name: "Step 5" or "Step 5, answer 2"."""
    _ = ctx._
    parts = path.stem.split("-")
    number = int(parts[0]) if parts[0].isdigit() else 0
    if "answer" in parts:
        answer = parts[parts.index("answer") + 1]
        return _("Step {number}, answer {answer}").format(number=number, answer=answer)
    return _("Step {number}").format(number=number)


def lesson_card(ctx: Context, level: Level, pictures: list[Path]) -> LessonCard:
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
        pictures=[(path, picture_caption(ctx, path)) for path in pictures],
    )
