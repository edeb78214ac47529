"""The view of the `choice` step: the question, big answer buttons, then kind feedback."""

from __future__ import annotations

import pygame

from game.steps.choice import ChoiceOption, ChoiceStep
from game.steps.view import Bubble, StepHost, StepView, next_button
from game.ui.widgets import GAP, PADDING, Button, Widget, button_height


class ChoiceView(StepView):
    """A question with 2-4 answers. Feedback comes with an icon, words and a sound, never colour alone.

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
        options = self.step.choice.options
        texts = [self.host.t(option.text) for option in options]
        columns = 1
        heights = [button_height(self.ctx, text, area.width) for text in texts]
        prompt_room = area.height - sum(heights) - GAP * len(heights)
        if prompt_room < self.ctx.text.line_height("body") * 2 + 2 * PADDING:
            columns = 2
            width = (area.width - GAP) // 2
            heights = [button_height(self.ctx, text, width) for text in texts]
            rows = [max(heights[i : i + 2]) for i in range(0, len(heights), 2)]
            prompt_room = area.height - sum(rows) - GAP * len(rows)
        rect = self.bubble.layout(
            area, max(self.ctx.text.line_height("body") + 2 * PADDING, prompt_room)
        )
        widgets: list[Widget] = []
        y = rect.bottom + GAP
        width = area.width if columns == 1 else (area.width - GAP) // 2
        row_height = 0
        for position, (option, text) in enumerate(zip(options, texts, strict=True)):
            column = position % columns
            height = (
                button_height(self.ctx, text, width)
                if columns == 1
                else max(
                    button_height(self.ctx, t, width)
                    for t in texts[position - column : position - column + 2]
                )
            )
            x = area.left + column * (width + GAP)
            button = Button(
                f"option-{position + 1}",
                pygame.Rect(x, y, width, height),
                text,
                self._chooser(position),
                text=text,
                align="left",
            )
            if position in self.tried and self.forgiving:
                button.marks = []
            widgets.append(button)
            row_height = max(row_height, height)
            if column == columns - 1 or position == len(options) - 1:
                y += row_height + GAP
                row_height = 0
        if self.bubble.has_more:
            widgets.insert(
                0,
                next_button(
                    self.ctx,
                    area,
                    rect.bottom - GAP,
                    self._more_prompt,
                    self.ctx._("More"),
                    widget_id="more",
                ),
            )
        return widgets

    def _more_prompt(self) -> None:
        self.bubble.page = (self.bubble.page + 1) % len(self.bubble.pages)
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
        retry = self.forgiving and str(self.chosen.result) == "unsafe"
        label = self.ctx._("Try again") if retry else self.ctx._("Next")
        button_h = button_height(self.ctx, label, area.width, icon=True)
        text = self.host.t(self.chosen.feedback)
        if self.feedback_bubble is None:
            self.feedback_bubble = Bubble(self.ctx, text, self.heading())
        rect = self.feedback_bubble.layout(area, area.height - button_h - GAP)
        self.feedback_rect = rect
        if self.feedback_bubble.has_more:
            return [
                next_button(
                    self.ctx,
                    area,
                    rect.bottom,
                    self._more_feedback,
                    self.ctx._("More"),
                    widget_id="more",
                )
            ]
        if retry:
            return [
                next_button(
                    self.ctx,
                    area,
                    rect.bottom,
                    self.retry,
                    label,
                    icon="try-again",
                    widget_id="retry",
                )
            ]
        return [next_button(self.ctx, area, rect.bottom, self.go_on, label)]

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
