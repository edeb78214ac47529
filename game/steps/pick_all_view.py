"""The view of the `pick-all` step: tick every right answer, then Check."""

from __future__ import annotations

import pygame

from game.steps.pick_all import PickAllStep
from game.steps.view import (
    Bubble,
    Card,
    CardPart,
    StepHost,
    StepView,
    button_row,
    button_spot,
    card_height,
    card_parts,
    in_spot,
    pack_parts,
    row_height,
)
from game.ui.pages import grid
from game.ui.widgets import GAP, PADDING, Widget, button_width


class PickAllView(StepView):
    """A question with several right answers. Each answer is a check box (a box, and a check
    mark when ticked). Check marks each answer with an icon and words; all right is safe.
    In `under-9` a wrong set explains and lets the child change the ticks and check again."""

    step: PickAllStep

    def __init__(self, step: PickAllStep, host: StepHost) -> None:
        super().__init__(step, host)
        self.ticked: set[int] = set()
        self.result: str | None = None
        """None while answering; "safe" or "unsafe" once checked."""
        self.page = 0
        self.bubble = Bubble(host.ctx, host.t(step.pick_all.prompt))
        self.show_bubble = True

    def mood(self) -> str:
        if self.result is None:
            return "thinking"
        return "proud" if self.result == "safe" else "concerned"

    # Actions -------------------------------------------------------------------------------
    def toggle(self, index: int) -> None:
        """Tick or untick an answer."""
        if self.result is not None:
            return
        self.ticked.symmetric_difference_update({index})
        self.host.relayout()

    def check(self) -> None:
        """Mark the answers: all right is safe, anything else unsafe."""
        _ = self.ctx._
        if not self.ticked:
            self.bubble = Bubble(
                self.ctx,
                self.host.t(self.step.pick_all.prompt),
                _("Tick the answers you think are right, then press Check."),
            )
            self.phase = "hint"
            self.host.relayout()
            return
        options = self.step.pick_all.options
        right = all(
            (index in self.ticked) == option.correct for index, option in enumerate(options)
        )
        self.result = "safe" if right else "unsafe"
        self.host.record(self.result)
        self.feedback_sound(self.result)
        feedback = self.step.pick_all.feedback
        if right:
            heading = _("All right!")
        else:
            heading = _("Let's try again") if self.forgiving else _("Not quite")
        text = self.host.t(feedback.right if right else feedback.wrong)
        self.bubble = Bubble(self.ctx, text, heading, self.result)
        self.phase = "marked"
        self.page = 0
        self.host.relayout()

    def retry(self) -> None:
        """Change the ticks and check again (under-9)."""
        self.result = None
        self.bubble = Bubble(self.ctx, self.host.t(self.step.pick_all.prompt))
        self.phase = "answering"
        self.host.relayout()

    # Layout --------------------------------------------------------------------------------
    def verdict(self, index: int) -> tuple[str, list[str], str | None]:
        """After Check: a note, marks and a tone for one answer."""
        _ = self.ctx._
        correct = self.step.pick_all.options[index].correct
        ticked = index in self.ticked
        if ticked and correct:
            return _("Right"), ["check"], "safe"
        if ticked:
            return _("Not this one"), ["cross"], "unsafe"
        if correct:
            return _("This one too"), ["check"], "unsafe"
        return "", [], None

    phase = "intro"
    """With big text the prompt, a hint and the feedback get a screen of their own ("intro",
    "hint", "feedback"); the answers then have the whole area ("answering", then "marked")."""
    pages = 1
    """How many pages of answers there are ("More answers" turns them)."""

    def build(self, area: pygame.Rect) -> list[Widget]:
        ctx = self.ctx
        _ = ctx._
        options = self.step.pick_all.options
        texts = [self.host.t(option.text) for option in options]
        columns = self._columns(area.width)
        width = (area.width - (columns - 1) * GAP) // columns
        cell_h = max(
            card_height(ctx, width, text, ticked=False, marks=mark, note=note)
            for text, (note, mark) in zip(texts, self._verdicts(), strict=True)
        )
        row_h = row_height(ctx, area, [_("More answers"), _("Try again")])
        two_lines = ctx.text.line_height("body") * 2 + 2 * PADDING
        compact = area.height < two_lines + GAP + cell_h * 2 + GAP + row_h
        self.show_bubble = not compact
        widgets: list[Widget] = []
        below = area
        if not compact:
            room = area.height - cell_h - GAP - row_h
            rect = self.bubble.layout(area, max(two_lines // 2, min(room, int(area.height * 0.4))))
            if self.bubble.has_more:
                more_room = room - row_height(ctx, area, [_("More")])
                rect = self.bubble.layout(area, max(two_lines // 2, more_room))
                widgets += button_row(
                    ctx,
                    area,
                    rect.bottom - GAP // 2,
                    [("more", _("More"), self._more_bubble, "next")],
                )
                widgets[-1].style = "normal"
                rect = rect.union(widgets[-1].rect)
            below = pygame.Rect(
                area.left, rect.bottom + GAP, area.width, area.bottom - rect.bottom - GAP
            )
            answers = self._answers(below, compact=False)
            if answers is None:
                # The words and one row of answers do not fit together: they take turns.
                compact, widgets = True, []
                self.show_bubble = False
        if compact and self.phase in ("intro", "hint", "feedback"):
            self.show_bubble = True
            return self._bubble_screen(area)
        if compact:
            answers = self._answers(area, compact=True)
        assert answers is not None
        return widgets + answers

    def _columns(self, width: int) -> int:
        return max(1, min(2, width // (self.ctx.text.size("button") * 13)))

    def _verdicts(self, quiet: bool = False) -> list[tuple[str, int]]:
        """The note and the number of marks on each answer (after Check)."""
        if self.result is None:
            return [("", 0)] * len(self.step.pick_all.options)
        return [
            ("" if quiet else note, len(marks))
            for note, marks, _tone in map(self.verdict, range(len(self.step.pick_all.options)))
        ]

    def _action(self, compact: bool) -> tuple[str, str, object, str]:
        """The button after the answers: Check, or what comes after checking."""
        _ = self.ctx._
        if self.result is None:
            return ("check", _("Check"), self.check, "check")
        if compact:
            return ("ok", _("OK"), self._to_feedback, "next")
        if self.result == "unsafe" and self.forgiving:
            return ("retry", _("Try again"), self.retry, "try-again")
        return ("next", _("Next"), self.host.advance, "next")

    def _answers(self, below: pygame.Rect, compact: bool) -> list[Widget] | None:
        """The answers in `below`, paged, with the row of buttons under them: in columns when a
        row of cards fits, else in one column; with very big text (compact only) long answers
        take turns. None if they do not fit beside the words."""
        ctx = self.ctx
        _ = ctx._
        action = self._action(compact)
        more = ("more-answers", _("More answers"), self._next_page, "next")
        rooms = (
            below.height - row_height(ctx, below, [action[1]]),
            below.height - row_height(ctx, below, [more[1], action[1]]),
        )
        book = None
        for columns, quiet, split in (
            (self._columns(below.width), False, False),
            (1, False, False),
            (1, True, False),
            (1, False, True),
            (1, True, True),
        ):
            if split and not compact:
                return None
            book = self._book(below.width, columns, rooms, quiet, split)
            if book is not None:
                break
        if book is None:
            book = self._book(below.width, 1, rooms, True, True, force=True)
        assert book is not None
        pages, self.notes_shown = book
        self.pages = len(pages)
        self.page = min(self.page, len(pages) - 1)
        widgets: list[Widget] = []
        bottom = below.top
        options = self.step.pick_all.options
        for part, spot in pages[self.page]:
            index = part.index
            cell = spot.move(below.left, below.top)
            ticked = index in self.ticked
            note, mark_icons, tone = self.verdict(index) if self.result else ("", [], None)
            state = _("ticked") if ticked else _("not ticked")
            spoken = f"{self.host.t(options[index].text)}: {state}" + (f". {note}" if note else "")
            widgets.append(
                Card(
                    f"answer-{index + 1}",
                    cell,
                    spoken,
                    self._toggler(index),
                    enabled=self.result is None,
                    text=part.text,
                    ticked=ticked,
                    marks=mark_icons,
                    tone=tone,
                    note=note if part.last and self.notes_shown else "",
                )
            )
            bottom = max(bottom, cell.bottom)
        row = [action]
        if len(pages) > 1:
            following = pages[(self.page + 1) % len(pages)][0][0]
            label = more[1] if following.first else _("More")
            row.insert(0, (more[0], label, more[2], more[3]))
        return widgets + button_row(ctx, below, bottom, row)

    notes_shown = True
    """Whether the answers show their notes after Check (at very big text only their marks)."""

    def _book(
        self,
        width: int,
        columns: int,
        rooms: tuple[int, int],
        quiet: bool,
        split: bool,
        force: bool = False,
    ) -> tuple[list[list[tuple[CardPart, pygame.Rect]]], bool] | None:
        """Pages of (card part, cell relative to the answers' corner), and whether notes show.
        All on one page when they fit in `rooms[0]`, else pages of `rooms[1]` px (a "More
        answers" button takes the rest). None when a card does not fit whole in its room
        (with `split` its words take turns; `force` takes what comes)."""
        ctx = self.ctx
        texts = [self.host.t(option.text) for option in self.step.pick_all.options]
        verdicts = self._verdicts(quiet)
        cell_w = (width - (columns - 1) * GAP) // columns
        heights = [
            card_height(ctx, cell_w, text, ticked=False, marks=marks, note=note)
            for text, (note, marks) in zip(texts, verdicts, strict=True)
        ]
        pages: list[list[tuple[CardPart, pygame.Rect]]] = []
        if columns > 1:
            cell_h = max(heights)
            for room in rooms:
                if cell_h > room:
                    return None
                layout = grid(pygame.Rect(0, 0, width, room), len(texts), columns, cell_h)
                if layout.pages == 1:
                    break
            for start in range(0, len(texts), layout.per_page):
                indices = range(start, min(len(texts), start + layout.per_page))
                pages.append(
                    [
                        (CardPart(index, texts[index], cell.height), cell)
                        for index, cell in zip(indices, layout.cells, strict=False)
                    ]
                )
            return pages, not quiet
        for room in rooms:
            if split:
                cards = [
                    card_parts(ctx, i, width, text, room, ticked=False, marks=marks, note=note)
                    for i, (text, (note, marks)) in enumerate(zip(texts, verdicts, strict=True))
                ]
            else:
                cards = [
                    [CardPart(i, text, height)]
                    for i, (text, height) in enumerate(zip(texts, heights, strict=True))
                ]
            if not force and any(part.height > room for parts in cards for part in parts):
                continue
            book = pack_parts(cards, room)
            if len(book) == 1 or room == rooms[1]:
                break
        else:
            return None
        for page in book:
            y = 0
            placed = []
            for part in page:
                placed.append((part, pygame.Rect(0, y, width, part.height)))
                y += part.height + GAP
            pages.append(placed)
        return pages, not quiet

    def _bubble_screen(self, area: pygame.Rect) -> list[Widget]:
        """The prompt, a hint or the feedback on a screen of its own (big text)."""
        _ = self.ctx._
        if self.phase == "intro":
            action = ("start", _("Start"), self._answer, "next")
        elif self.phase == "hint":
            action = ("ok", _("OK"), self._answer, "next")
        elif self.result == "unsafe" and self.forgiving:
            action = ("retry", _("Try again"), self.retry, "try-again")
        else:
            action = ("next", _("Next"), self.host.advance, "next")
        more = ("more", _("More"), self._more_bubble, "next")
        # The button goes under the bubble, or into the bottom bar's row when under it would
        # leave the bubble less than two lines a page (big text); the spot fits "More" too.
        widest = max((action[1], more[1]), key=lambda text: button_width(self.ctx, text, icon=True))
        spot = button_spot(self.host, area, self.bubble, widest)
        button = button_row(self.ctx, area, 0, [more if self.bubble.has_more else action])
        return [in_spot(button[0], spot)]

    def _answer(self) -> None:
        self.phase = "answering"
        self.host.relayout()

    def _to_feedback(self) -> None:
        self.phase = "feedback"
        self.host.relayout()

    def _toggler(self, index: int):  # noqa: ANN202
        return lambda: self.toggle(index)

    def _next_page(self) -> None:
        self.page = (self.page + 1) % max(1, self.pages)
        self.host.relayout()

    def _more_bubble(self) -> None:
        self.bubble.page = (self.bubble.page + 1) % len(self.bubble.pages)
        self.host.relayout()

    def draw(self, surface: pygame.Surface) -> None:
        if self.show_bubble:
            self.bubble.draw(surface, self.host.place)

    def narration(self) -> str:
        parts = [self.bubble.speaker or "", self.bubble.text]
        for index, option in enumerate(self.step.pick_all.options):
            text = self.host.t(option.text)
            if self.result is not None:
                note = self.verdict(index)[0]
                text = f"{text}: {note}" if note else text
            parts.append(text)
        return ". ".join(part for part in parts if part)
