"""The view of the `spot` step: a message, profile, post, web page or game screen whose lines
the player checks one by one for warning signs."""

from __future__ import annotations

import pygame

from game.steps.spot import SpotStep
from game.steps.view import (
    Bubble,
    Card,
    CardPart,
    StepHost,
    StepView,
    button_row,
    button_spot,
    card_parts,
    in_spot,
    one_line,
    pack_parts,
    picture,
    row_height,
)
from game.ui.widgets import GAP, PADDING, RADIUS, Widget, button_width

SCENE_ICONS = {
    "message": "chat",
    "profile": "player",
    "post": "chat",
    "webpage": "home",
    "game": "gamepad",
}
"""The icon in the card's header for each kind of card."""


class SpotView(StepView):
    """Find the warning signs. Each line of the card is a target in scan order (top to bottom).
    A sign picked is explained and counts as safe; a line that is fine says so kindly and counts
    as neither. "I'm done" shows any missed signs with their explanations; in the older bands
    each missed sign counts as unsafe."""

    step: SpotStep

    def __init__(self, step: SpotStep, host: StepHost) -> None:
        super().__init__(step, host)
        self.found: set[int] = set()
        self.cleared: set[int] = set()
        """Lines picked that are not warning signs."""
        self.finished = False
        self.page = 0
        self.pages = 1
        """How many pages the card's lines take ("More lines" turns them)."""
        self.bubble = Bubble(host.ctx, host.t(step.spot.prompt))
        self.card_rect = pygame.Rect(0, 0, 0, 0)
        self.header_h = 0
        self.show_bubble = True

    @property
    def signs(self) -> list[int]:
        return [index for index, line in enumerate(self.step.spot.lines) if line.sign]

    @property
    def missed(self) -> list[int]:
        return [index for index in self.signs if index not in self.found]

    def mood(self) -> str:
        if self.finished:
            return "proud" if not self.missed else "thinking"
        return "thinking" if self.bubble.result is None else "surprised"

    # Actions -------------------------------------------------------------------------------
    def pick(self, index: int) -> None:
        """Say whether a line is a warning sign, and why."""
        _ = self.ctx._
        line = self.step.spot.lines[index]
        if line.sign:
            if index not in self.found:
                self.found.add(index)
                self.host.record("safe")
            self.feedback_sound("safe")
            count = _("Warning sign! {found} of {total} found.").format(
                found=len(self.found), total=len(self.signs)
            )
            self.bubble = Bubble(self.ctx, self.host.t(line.sign), count, "safe")
        else:
            self.cleared.add(index)
            self.feedback_sound("ok")
            self.bubble = Bubble(
                self.ctx,
                _("That line looks fine. Keep looking!"),
                _("Not a warning sign"),
                "ok",
            )
        self.phase = "feedback"
        if not self.missed:
            self.finish()
            return
        self.host.relayout()

    def finish(self) -> None:
        """End the search: show every missed sign with its explanation."""
        _ = self.ctx._
        self.finished = True
        missed = self.missed
        if not missed:
            text = self.bubble.text if self.bubble.result == "safe" else ""
            self.bubble = Bubble(
                self.ctx,
                text or _("You found every warning sign."),
                _("You found them all!"),
                "safe",
            )
        else:
            if not self.forgiving:
                for _index in missed:
                    self.host.record("unsafe")
            self.feedback_sound("ok")
            reasons = " ".join(self.host.t(self.step.spot.lines[i].sign or "") for i in missed)
            self.bubble = Bubble(
                self.ctx,
                reasons,
                _("Here are the signs you missed:")
                if len(missed) > 1
                else _("Here is the sign you missed:"),
                "ok",
            )
        self.page = 0
        self.host.relayout()

    # Layout --------------------------------------------------------------------------------
    def line_note(self, index: int) -> tuple[str, list[str], str | None]:
        """A note, marks and tone for one line, from what the player found."""
        _ = self.ctx._
        if index in self.found:
            return _("Warning sign"), ["unsafe"], "safe"
        if self.finished and index in self.signs:
            return _("Missed warning sign"), ["unsafe"], "ok"
        if index in self.cleared:
            return _("Looks fine"), ["ok"], None
        return "", [], None

    def build(self, area: pygame.Rect) -> list[Widget]:
        ctx = self.ctx
        _ = ctx._
        if self.finished:
            buttons = [("next", _("Next"), self.host.advance, "next")]
        else:
            buttons = [("done", _("I'm done"), self.finish, "check")]
        labels = [label for _, label, _, _ in buttons]
        two_lines = ctx.text.line_height("body") * 2 + 2 * PADDING
        line_h = max(72, ctx.text.line_height("body") + 2 * PADDING)
        header_h = ctx.text.line_height("button") + 2 * PADDING
        needed = two_lines + header_h + 2 * line_h + 3 * GAP
        compact = area.height < needed + row_height(ctx, area, [_("More lines"), *labels])
        widgets: list[Widget] = []
        top = area.top
        if not compact:
            bubble_room = max(ctx.text.line_height("body") + 2 * PADDING, int(area.height * 0.3))
            rect = self.bubble.layout(area, bubble_room)
            if self.bubble.has_more:
                widgets += button_row(
                    ctx, area, rect.bottom - GAP, [("more", _("More"), self._more_bubble, "next")]
                )
                widgets[-1].style = "normal"
                rect = rect.union(widgets[-1].rect)
            top = rect.bottom + GAP
            book = self._book(area, top, labels, split=False)
            if book is None:
                # The words and the card do not fit together: they take turns.
                compact, widgets, top = True, [], area.top
        self.show_bubble = not compact
        if compact and (self.phase != "looking" or self.finished):
            self.card_rect = pygame.Rect(0, 0, 0, 0)
            return self._bubble_screen(area)
        if compact:
            book = self._book(area, top, labels, split=True)
        assert book is not None
        self.pages = len(book)
        self.page = min(self.page, len(book) - 1)
        texts = [self.host.t(line.text) for line in self.step.spot.lines]
        inner_width = area.width - 2 * PADDING
        y = top + self.header_h + GAP // 2
        for part in book[self.page]:
            index = part.index
            note, marks, tone = self.line_note(index)
            cell = pygame.Rect(area.left + PADDING, y, inner_width, part.height)
            spoken = texts[index] + (f". {note}" if note else "")
            widgets.append(
                Card(
                    f"line-{index + 1}",
                    cell,
                    spoken,
                    self._picker(index),
                    enabled=not self.finished,
                    text=part.text,
                    role="body",
                    flat=True,
                    marks=marks,
                    tone=tone,
                    note="" if self.quiet or not part.last else note,
                )
            )
            y = cell.bottom + GAP
        self.card_rect = pygame.Rect(area.left, top, area.width, y - top - GAP + PADDING)
        if len(book) > 1:
            following = book[(self.page + 1) % len(book)][0]
            label = _("More lines") if following.first else _("More")
            buttons.insert(0, ("more-lines", label, self._next_page, "next"))
        widgets += button_row(ctx, area, self.card_rect.bottom, buttons)
        return widgets

    def _book(
        self, area: pygame.Rect, top: int, labels: list[str], split: bool
    ) -> list[list[CardPart]] | None:
        """The card's lines in pages that fit below `top` with the buttons under them. The
        card's heading, then the notes give way when a line does not fit; with `split` a long
        line's words take turns over pages, else None when it does not fit."""
        ctx = self.ctx
        inner_width = area.width - 2 * PADDING
        texts = [self.host.t(line.text) for line in self.step.spot.lines]
        self.header_h = ctx.text.line_height("button") + 2 * PADDING
        self.quiet = False
        row_all = row_height(ctx, area, labels)
        row_paged = row_height(ctx, area, [ctx._("More lines"), *labels])

        def room(row: int) -> int:
            return area.bottom - top - self.header_h - GAP // 2 - PADDING - row

        def cards(room: int, quiet: bool, split: bool) -> list[list[CardPart]]:
            made = []
            for index, text in enumerate(texts):
                note, marks, _tone = self.line_note(index)
                made.append(
                    card_parts(
                        ctx,
                        index,
                        inner_width,
                        text,
                        room if split else 10**6,
                        marks=1 if quiet else len(marks),
                        role="body",
                        note="" if quiet else note,
                    )
                )
            return made

        whole = cards(0, False, False)
        if sum(parts[0].height + GAP for parts in whole) - GAP <= room(row_all):
            return [[parts[0] for parts in whole]]
        for header, quiet, cut in (
            (True, False, False),
            (False, False, False),
            (False, True, False),
            (False, True, True),
        ):
            if cut and not split:
                return None
            if not header:
                self.header_h = 0
            self.quiet = quiet
            space = room(row_paged)
            made = cards(space, quiet, cut)
            if all(part.height <= space for parts in made for part in parts) or cut:
                return pack_parts(made, space)
        return None

    phase = "intro"
    """With big text the prompt and each explanation get a screen of their own ("intro",
    "feedback"); the card then has the whole area ("looking")."""

    def _bubble_screen(self, area: pygame.Rect) -> list[Widget]:
        ctx = self.ctx
        _ = ctx._
        if self.finished:
            label, action, widget_id = _("Next"), self.host.advance, "next"
        elif self.phase == "intro":
            label, action, widget_id = _("Start"), self._look, "start"
        else:
            label, action, widget_id = _("OK"), self._look, "ok"
        self.show_bubble = True
        # The button goes under the bubble, or into the bottom bar's row when under it would
        # leave the bubble less than two lines a page (big text); the spot fits "More" too.
        widest = max((label, _("More")), key=lambda text: button_width(ctx, text, icon=True))
        spot = button_spot(self.host, area, self.bubble, widest)
        if self.bubble.has_more:
            button = button_row(ctx, area, 0, [("more", _("More"), self._more_bubble, "next")])
        else:
            button = button_row(ctx, area, 0, [(widget_id, label, action, "next")])
        return [in_spot(button[0], spot)]

    def _look(self) -> None:
        self.phase = "looking"
        self.host.relayout()

    def _picker(self, index: int):  # noqa: ANN202
        return lambda: self.pick(index)

    def _next_page(self) -> None:
        self.page = (self.page + 1) % max(1, self.pages)
        self.host.relayout()

    def _more_bubble(self) -> None:
        self.bubble.page = (self.bubble.page + 1) % len(self.bubble.pages)
        self.host.relayout()

    # Drawing -------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        if self.show_bubble:
            self.bubble.draw(surface, self.host.place)
        if self.card_rect.height:
            self._draw_card(surface)

    def _draw_card(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        theme = ctx.theme
        spot = self.step.spot
        rect = self.host.place(self.card_rect)
        scene = str(spot.scene)
        dark = scene == "game" and not ctx.settings.high_contrast
        pygame.draw.rect(surface, theme.panel, rect, border_radius=RADIUS)
        header = pygame.Rect(rect.left, rect.top, rect.width, self.header_h)
        header_fill = (44, 52, 84) if dark else theme.bar
        header_ink = (255, 255, 255) if dark else theme.ink
        pygame.draw.rect(
            surface,
            header_fill,
            header,
            border_top_left_radius=RADIUS,
            border_top_right_radius=RADIUS,
        )
        pygame.draw.rect(surface, theme.panel_edge, rect, width=3, border_radius=RADIUS)
        if self.header_h == 0:
            pygame.draw.rect(surface, theme.panel_edge, rect, width=3, border_radius=RADIUS)
            return
        rtl = ctx.i18n.rtl
        size = self.header_h - 2 * PADDING + 8
        x = header.right - PADDING - size if rtl else header.left + PADDING
        icon_y = header.centery - size // 2
        if spot.image:
            image = picture(self.host, spot.image, (size, size))
        else:
            image = ctx.art.image(
                "icons", SCENE_ICONS.get(scene, "chat"), (size, size), tint=header_ink
            )
        surface.blit(image, (x, icon_y))
        _ = ctx._
        count = _("{found} of {total} found").format(found=len(self.found), total=len(self.signs))
        count_surface = ctx.text.render(count, "small", header_ink)
        title = self.host.t(spot.title) if spot.title else scene_name(ctx, scene)
        room = header.width - 3 * PADDING - size - count_surface.get_width() - PADDING
        title_surface = ctx.text.render(one_line(ctx, title, "button", room), "button", header_ink)
        if scene == "webpage" and not ctx.settings.high_contrast:
            bar = pygame.Rect(0, 0, title_surface.get_width() + 2 * PADDING, self.header_h - 12)
            bar.midleft = (
                (x + size + PADDING // 2, header.centery) if not rtl else (0, header.centery)
            )
            if rtl:
                bar.right = x - PADDING // 2
            pygame.draw.rect(surface, theme.panel, bar, border_radius=bar.height // 2)
            pygame.draw.rect(surface, theme.panel_edge, bar, width=2, border_radius=bar.height // 2)
        title_x = x + size + PADDING if not rtl else x - PADDING - title_surface.get_width()
        surface.blit(title_surface, (title_x, header.centery - title_surface.get_height() // 2))
        count_x = (
            header.left + PADDING if rtl else header.right - PADDING - count_surface.get_width()
        )
        surface.blit(count_surface, (count_x, header.centery - count_surface.get_height() // 2))

    def narration(self) -> str:
        _ = self.ctx._
        parts = [self.bubble.speaker or "", self.bubble.text]
        parts += [self.host.t(line.text) for line in self.step.spot.lines]
        return ". ".join(part for part in parts if part)


def scene_name(ctx, scene: str) -> str:  # noqa: ANN001
    """The card's heading when the step gives no title."""
    _ = ctx._
    return {
        "message": _("Message"),
        "profile": _("Profile"),
        "post": _("Post"),
        "webpage": _("Web page"),
        "game": _("Game"),
    }.get(scene, _("Message"))
