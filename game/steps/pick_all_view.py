"""The view of the `pick-all` step: tick every right answer, then Check."""

from __future__ import annotations

import pygame

from game.steps.pick_all import PickAllStep
from game.steps.view import Bubble, Card, StepHost, StepView, button_row, card_height, row_height
from game.ui.pages import grid
from game.ui.widgets import GAP, PADDING, Widget


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
        self.per_page = 1
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
    """With big text the prompt and the feedback get a screen of their own ("intro",
    "feedback"); the answers then have the whole area ("answering", then "marked")."""

    def build(self, area: pygame.Rect) -> list[Widget]:
        ctx = self.ctx
        _ = ctx._
        checked = self.result is not None
        options = self.step.pick_all.options
        texts = [self.host.t(option.text) for option in options]
        columns = max(1, min(2, area.width // (ctx.text.size("button") * 13)))
        width = (area.width - (columns - 1) * GAP) // columns
        notes = [self.verdict(i)[0] if checked else "" for i in range(len(options))]
        marks = [len(self.verdict(i)[1]) if checked else 0 for i in range(len(options))]
        cell_h = max(
            card_height(ctx, width, text, ticked=False, marks=mark, note=note)
            for text, note, mark in zip(texts, notes, marks, strict=True)
        )
        more_label = _("More answers")
        row_h = row_height(ctx, area, [more_label, _("Try again")])
        two_lines = ctx.text.line_height("body") * 2 + 2 * PADDING
        compact = area.height < two_lines + GAP + cell_h * 2 + GAP + row_h
        self.show_bubble = True
        if compact and self.phase in ("intro", "feedback"):
            return self._bubble_screen(area)
        if not checked:
            action = ("check", _("Check"), self.check, "check")
        elif compact:
            action = ("ok", _("OK"), self._to_feedback, "next")
        elif self.result == "unsafe" and self.forgiving:
            action = ("retry", _("Try again"), self.retry, "try-again")
        else:
            action = ("next", _("Next"), self.host.advance, "next")
        widgets: list[Widget] = []
        top = area.top
        if compact:
            self.show_bubble = False
        else:
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
            top = rect.bottom + GAP
        below = pygame.Rect(area.left, top, area.width, area.bottom - top - row_h)
        quiet = cell_h > below.height
        if quiet:
            # Very big text: the notes give way (each answer keeps its mark icon).
            cell_h = max(
                card_height(ctx, width, text, ticked=False, marks=mark)
                for text, mark in zip(texts, marks, strict=True)
            )
        cells = grid(below, len(options), columns, cell_h)
        self.per_page = cells.per_page
        self.page = min(self.page, cells.pages - 1)
        first = self.page * cells.per_page
        bottom = top
        for index, cell in zip(range(first, len(options)), cells.cells, strict=False):
            ticked = index in self.ticked
            note, mark_icons, tone = self.verdict(index) if checked else ("", [], None)
            state = _("ticked") if ticked else _("not ticked")
            spoken = f"{texts[index]}: {state}" + (f". {note}" if note else "")
            widgets.append(
                Card(
                    f"answer-{index + 1}",
                    cell,
                    spoken,
                    self._toggler(index),
                    enabled=not checked,
                    text=texts[index],
                    ticked=ticked,
                    marks=mark_icons,
                    tone=tone,
                    note="" if quiet else note,
                )
            )
            bottom = max(bottom, cell.bottom)
        row = [action]
        if cells.pages > 1:
            row.insert(0, ("more-answers", more_label, self._next_page, "next"))
        widgets += button_row(ctx, area, bottom, row)
        return widgets

    def _bubble_screen(self, area: pygame.Rect) -> list[Widget]:
        """The prompt or the feedback on a screen of its own (big text)."""
        _ = self.ctx._
        if self.phase == "intro":
            action = ("start", _("Start"), self._answer, "next")
        elif self.result == "unsafe" and self.forgiving:
            action = ("retry", _("Try again"), self.retry, "try-again")
        else:
            action = ("next", _("Next"), self.host.advance, "next")
        rect = self.bubble.layout(area, area.height - row_height(self.ctx, area, [action[1]]))
        if self.bubble.has_more:
            action = ("more", _("More"), self._more_bubble, "next")
        return button_row(self.ctx, area, rect.bottom, [action])

    def _answer(self) -> None:
        self.phase = "answering"
        self.host.relayout()

    def _to_feedback(self) -> None:
        self.phase = "feedback"
        self.host.relayout()

    def _toggler(self, index: int):  # noqa: ANN202
        return lambda: self.toggle(index)

    def _next_page(self) -> None:
        pages = max(1, -(-len(self.step.pick_all.options) // max(1, self.per_page)))
        self.page = (self.page + 1) % pages
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
