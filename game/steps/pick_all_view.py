"""The view of the `pick-all` step: tick every right answer, then Check."""

from __future__ import annotations

import pygame

from game.steps.pick_all import PickAllStep
from game.steps.view import Bubble, Card, StepHost, StepView, card_height, next_button
from game.ui.pages import grid
from game.ui.widgets import GAP, PADDING, Widget, button_height


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
        self.page = 0
        self.host.relayout()

    def retry(self) -> None:
        """Change the ticks and check again (under-9)."""
        self.result = None
        self.bubble = Bubble(self.ctx, self.host.t(self.step.pick_all.prompt))
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

    def build(self, area: pygame.Rect) -> list[Widget]:
        ctx = self.ctx
        _ = ctx._
        checked = self.result is not None
        if not checked:
            action_label, action, icon, action_id = _("Check"), self.check, "check", "check"
        elif self.result == "unsafe" and self.forgiving:
            action_label, action, icon, action_id = _("Try again"), self.retry, "try-again", "retry"
        else:
            action_label, action, icon, action_id = _("Next"), self.host.advance, "next", "next"
        action_h = button_height(ctx, action_label, area.width, icon=True)
        bubble_room = max(ctx.text.line_height("body") + 2 * PADDING, int(area.height * 0.32))
        rect = self.bubble.layout(area, bubble_room)
        widgets: list[Widget] = []
        if self.bubble.has_more:
            widgets.append(
                next_button(
                    ctx, area, rect.bottom - GAP, self._more_bubble, _("More"), widget_id="more"
                )
            )
            rect = rect.union(widgets[-1].rect)
        top = rect.bottom + GAP
        below = pygame.Rect(area.left, top, area.width, area.bottom - top - action_h - GAP)
        options = self.step.pick_all.options
        columns = max(1, min(2, below.width // (ctx.text.size("button") * 13)))
        width = (below.width - (columns - 1) * GAP) // columns
        texts = [self.host.t(option.text) for option in options]
        notes = [self.verdict(i)[0] if checked else "" for i in range(len(options))]
        marks = [len(self.verdict(i)[1]) if checked else 0 for i in range(len(options))]
        cell_h = max(
            card_height(ctx, width, text, ticked=False, marks=mark, note=note)
            for text, note, mark in zip(texts, notes, marks, strict=True)
        )
        more_label = _("More answers")
        more_h = button_height(ctx, more_label, below.width, icon=True)
        cells = grid(below, len(options), columns, cell_h, reserve=more_h + GAP)
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
                    note=note,
                )
            )
            bottom = cell.bottom
        if cells.pages > 1:
            widgets.append(
                next_button(
                    ctx, below, bottom, self._next_page, more_label, widget_id="more-answers"
                )
            )
            bottom = widgets[-1].rect.bottom
        widgets.append(next_button(ctx, area, bottom, action, action_label, icon, action_id))
        return widgets

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
