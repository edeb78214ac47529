"""The view of the `choice` step: the question, big answer buttons, then kind feedback."""

from __future__ import annotations

import pygame

from game.steps.choice import ChoiceOption, ChoiceStep
from game.steps.view import Bubble, StepHost, StepView, button_spot, in_spot, next_button
from game.ui.widgets import GAP, Button, Widget, button_height, button_width


class ChoiceView(StepView):
    """A question with 2-4 answers. Feedback is an icon, words and a sound, never colour alone.

    In `under-9` an unsafe answer explains kindly and asks again; in the older bands the story
    goes on and the answer counts towards the stars.
    """

    step: ChoiceStep

    def __init__(self, step: ChoiceStep, host: StepHost) -> None:
        super().__init__(step, host)
        self.bubble = Bubble(host.ctx, host.t(step.choice.prompt))
        self.bubble.tail = True
        self.chosen: ChoiceOption | None = None
        self.tried: set[int] = set()
        self.feedback_rect = pygame.Rect(0, 0, 0, 0)
        self.feedback_bubble: Bubble | None = None
        self.split = False
        """Whether big text made the question and the answers take turns."""
        self.answering = False
        self.question_page = 0
        self.answer_page = 0

    @property
    def forgiving(self) -> bool:
        """Under-9 levels cannot be failed."""
        return str(self.host.level.band) == "under-9"

    def mood(self) -> str:
        if self.chosen is None:
            return "thinking"
        return {"safe": "proud", "unsafe": "concerned"}.get(str(self.chosen.result), "happy")

    def build(self, area: pygame.Rect) -> list[Widget]:
        if self.chosen is not None:
            return self._build_feedback(area)
        texts = [self.host.t(option.text) for option in self.step.choice.options]
        heights = [button_height(self.ctx, text, area.width) for text in texts]
        answers_height = sum(heights) + GAP * len(heights)
        whole_prompt = self.bubble.layout(area, area.height).height
        self.bubble.page = 0
        if whole_prompt + answers_height <= area.height:
            # Everything fits: the question on top, the answers under it.
            rect = self.bubble.layout(area, area.height)
            self.split = False
            return self._answer_buttons(
                area, rect.bottom + GAP, texts, heights, list(range(len(texts)))
            )
        # Big text: the question and the answers take turns on the screen.
        self.split = True
        if not self.answering:
            return self._build_question(area)
        return self._build_answers(area, texts, heights)

    def _build_question(self, area: pygame.Rect) -> list[Widget]:
        _ = self.ctx._
        spot = button_spot(self.host, area, self.bubble, self._wider(_("Answer"), _("More")))
        self.bubble.page = min(self.question_page, len(self.bubble.pages) - 1)
        if self.bubble.has_more:
            button = next_button(self.ctx, area, 0, self._more_prompt, _("More"), widget_id="more")
        else:
            button = next_button(
                self.ctx, area, 0, self._show_answers, _("Answer"), widget_id="start"
            )
        return [in_spot(button, spot)]

    def _wider(self, *labels: str) -> str:
        """The label that makes the widest button (a spot fits whichever is shown)."""
        return max(labels, key=lambda label: button_width(self.ctx, label, icon=True))

    def _build_answers(
        self, area: pygame.Rect, texts: list[str], heights: list[int]
    ) -> list[Widget]:
        _ = self.ctx._
        question = _("Question")
        row_h = max(
            button_height(self.ctx, label, area.width, icon=True)
            for label in (question, _("More answers"))
        )
        room = area.height - row_h - GAP
        pages = _answer_pages(heights, room)
        more = _("More answers")
        slot = None
        if max(heights) > room:
            # An answer is too tall to stand above the buttons: they move into the bottom
            # bar's row (with the short "More" if need be) and the answers take the height.
            pages = _answer_pages(heights, area.height)
            for more in (_("More answers"), _("More")):
                labels = [question, more] if len(pages) > 1 else [question]
                widths = [button_width(self.ctx, label, True) for label in labels]
                slot = self.host.bar_room(sum(widths) + GAP * (len(widths) - 1))
                if slot is not None:
                    break
            else:
                pages, more = _answer_pages(heights, room), _("More answers")
        self.answer_page %= len(pages)
        widgets = self._answer_buttons(area, area.top, texts, heights, pages[self.answer_page])
        height = row_h if slot is None else max(row_h, slot.height)
        row = [
            Button(
                "question",
                pygame.Rect(0, 0, button_width(self.ctx, question, True), height),
                question,
                self._show_question,
                text=question,
                icon="chat",
            )
        ]
        if len(pages) > 1:
            row.append(
                Button(
                    "more-answers",
                    pygame.Rect(0, 0, button_width(self.ctx, more, True), height),
                    more,
                    self._more_answers,
                    text=more,
                    icon="next",
                )
            )
        if slot is None:
            x, y = area.left, area.bottom - height
        else:
            x = slot.right - sum(button.rect.width + GAP for button in row) + GAP
            y = slot.bottom - height
        for button in row:
            button.rect.topleft = (x, y)
            x += button.rect.width + GAP
        return widgets + row

    def _answer_buttons(
        self, area: pygame.Rect, top: int, texts: list[str], heights: list[int], shown: list[int]
    ) -> list[Widget]:
        widgets: list[Widget] = []
        y = top
        for position in shown:
            button = Button(
                f"option-{position + 1}",
                pygame.Rect(area.left, y, area.width, heights[position]),
                texts[position],
                self._chooser(position),
                text=texts[position],
                align="left",
            )
            widgets.append(button)
            y += heights[position] + GAP
        return widgets

    def _show_answers(self) -> None:
        self.answering = True
        self.answer_page = 0
        self.host.relayout()

    def _show_question(self) -> None:
        self.answering = False
        self.question_page = 0
        self.host.relayout()

    def _more_answers(self) -> None:
        self.answer_page += 1
        self.host.relayout()

    def _more_prompt(self) -> None:
        self.question_page += 1
        self.host.relayout()

    def _chooser(self, position: int):  # noqa: ANN202
        def choose() -> None:
            option = self.step.choice.options[position]
            self.chosen = option
            self.tried.add(position)
            result = str(option.result)
            self.host.record(result)
            self.ctx.audio.play({"safe": "correct", "unsafe": "try-again"}.get(result, "select"))
            self.feedback_bubble = None
            self.host.relayout()

        return choose

    def heading(self) -> str:
        _ = self.ctx._
        result = str(self.chosen.result) if self.chosen else "ok"
        if result == "safe":
            return _("Good choice!")
        if result == "unsafe":
            return _("Let's think again") if self.forgiving else _("Think again")
        return _("That can be OK")

    def _build_feedback(self, area: pygame.Rect) -> list[Widget]:
        assert self.chosen is not None
        _ = self.ctx._
        retry = self.forgiving and str(self.chosen.result) == "unsafe"
        label = _("Try again") if retry else _("Next")
        text = self.host.t(self.chosen.feedback)
        if self.feedback_bubble is None:
            self.feedback_bubble = Bubble(self.ctx, text, self.heading())
        spot = button_spot(self.host, area, self.feedback_bubble, self._wider(label, _("More")))
        self.feedback_rect = self.feedback_bubble.rect
        if self.feedback_bubble.has_more:
            button = next_button(
                self.ctx, area, 0, self._more_feedback, _("More"), widget_id="more"
            )
        elif retry:
            button = next_button(
                self.ctx, area, 0, self.retry, label, icon="try-again", widget_id="retry"
            )
        else:
            button = next_button(self.ctx, area, 0, self.go_on, label)
        return [in_spot(button, spot)]

    def _more_feedback(self) -> None:
        assert self.feedback_bubble is not None
        self.feedback_bubble.page += 1
        self.host.relayout()

    def retry(self) -> None:
        """Ask the same question again."""
        self.chosen = None
        self.feedback_bubble = None
        self.host.relayout()

    def go_on(self) -> None:
        """Continue the story where the answer leads."""
        goto = self.chosen.goto if self.chosen else None
        self.host.advance(goto)

    def draw(self, surface: pygame.Surface) -> None:
        if self.chosen is None:
            if not (self.split and self.answering):
                self.bubble.draw(surface, self.host.place)
            return
        assert self.feedback_bubble is not None
        result = str(self.chosen.result)
        theme = self.ctx.theme
        colour = {"safe": theme.safe, "unsafe": theme.unsafe}.get(result, theme.neutral)
        rect = self.host.place(self.feedback_rect)
        self.feedback_bubble.draw(surface, self.host.place)
        stripe = pygame.Rect(rect.left, rect.top, 14, rect.height)
        if self.ctx.i18n.rtl:
            stripe.right = rect.right
        pygame.draw.rect(
            surface, colour, stripe, border_top_left_radius=18, border_bottom_left_radius=18
        )
        size = 56
        icon = self.ctx.art.image(
            "icons",
            {"safe": "safe", "unsafe": "unsafe"}.get(result, "ok"),
            (size, size),
            tint=theme.ink,
        )
        corner = (
            (rect.right - size - 12, rect.top + 10)
            if not self.ctx.i18n.rtl
            else (rect.left + 12, rect.top + 10)
        )
        surface.blit(icon, corner)

    def narration(self) -> str:
        if self.chosen is not None and self.feedback_bubble is not None:
            return f"{self.heading()} {self.feedback_bubble.text}"
        options = ". ".join(self.host.t(option.text) for option in self.step.choice.options)
        return f"{self.bubble.text} {options}"


def _answer_pages(heights: list[int], room: int) -> list[list[int]]:
    """The answers (by position) split into pages no taller than `room`, in order."""
    pages: list[list[int]] = [[]]
    used = 0
    for index, height in enumerate(heights):
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0
        pages[-1].append(index)
        used += height + GAP
    return pages
