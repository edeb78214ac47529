"""The view of the `sort` step: pick an item, then pick its bin (or drag it there)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.settings import InputMode
from game.steps.sort import SortItem, SortStep
from game.steps.view import Bubble, Card, StepHost, StepView, card_height, next_button, picture
from game.ui.pages import grid
from game.ui.widgets import GAP, PADDING, RADIUS, Button, Widget, button_height

POINTER_MODES = (InputMode.MOUSE, InputMode.KEYBOARD, InputMode.GAMEPAD)
"""Modes where a mouse press is a press (in switch modes any click is the switch)."""


@dataclass(eq=False)
class BinWidget(Widget):
    """A labelled bin showing the items already in it; focusable only while an item is held."""

    text: str = ""
    icon: str | None = None
    entries: list[tuple[str, str]] = field(default_factory=list)
    """(item words, mark icon) for each item in the bin."""
    waiting: bool = False
    """An item is held, so this bin can take it."""

    def draw(self, surface: pygame.Surface, ctx, focused: bool) -> None:  # noqa: ANN001
        theme = ctx.theme
        fill = theme.button if self.waiting else theme.panel
        pygame.draw.rect(surface, fill, self.rect, border_radius=RADIUS)
        edge = theme.button_edge if self.waiting else theme.panel_edge
        pygame.draw.rect(
            surface, edge, self.rect, width=4 if self.waiting else 3, border_radius=RADIUS
        )
        rtl = ctx.i18n.rtl
        inner = self.rect.inflate(-2 * PADDING, -2 * PADDING)
        y = self.rect.top + PADDING
        size = ctx.text.size("button") + 8
        text_left, text_width = inner.left, inner.width
        if self.icon:
            icon = ctx.art.image("icons", self.icon, (size, size), tint=theme.ink)
            surface.blit(icon, (inner.right - size if rtl else inner.left, y))
            text_width -= size + PADDING // 2
            if not rtl:
                text_left += size + PADDING // 2
        align = "right" if rtl else "left"
        label = ctx.text.render(self.text, "button", theme.ink, text_width, align)
        surface.blit(label, (text_left, y))
        y += max(label.get_height(), size) + PADDING // 2
        pygame.draw.line(surface, theme.panel_edge, (inner.left, y - 4), (inner.right, y - 4), 2)
        line = ctx.text.line_height("small")
        mark = ctx.text.size("small")
        room = (self.rect.bottom - PADDING // 2 - y) // line
        shown = self.entries if len(self.entries) <= room else self.entries[: max(0, room - 1)]
        for words, mark_icon in shown:
            icon = ctx.art.image("icons", mark_icon, (mark, mark), tint=theme.ink)
            surface.blit(icon, (inner.right - mark if rtl else inner.left, y + 2))
            text = ctx.text.render(
                _fit(ctx, words, inner.width - mark - 8), "small", theme.ink, None, align
            )
            x = inner.right - mark - 8 - text.get_width() if rtl else inner.left + mark + 8
            surface.blit(text, (x, y))
            y += line
        if len(shown) < len(self.entries) and room > 0:
            more = ctx._("and {count} more").format(count=len(self.entries) - len(shown))
            text = ctx.text.render(more, "small", theme.soft_ink, inner.width, align)
            surface.blit(text, (inner.left, y))


def _fit(ctx, words: str, width: int) -> str:  # noqa: ANN001
    """The words cut to one line with an ellipsis (a bin lists its items in small print)."""
    if ctx.text.measure(words, "small")[0] <= width:
        return words
    while words and ctx.text.measure(words + "…", "small")[0] > width:
        words = words[:-1]
    return words.rstrip() + "…"


@dataclass(eq=False)
class DragGhost(Widget):
    """The held item following the mouse while it is dragged; drawn on top, never focused."""

    view: SortView | None = None

    def draw(self, surface: pygame.Surface, ctx, focused: bool) -> None:  # noqa: ANN001
        view = self.view
        if view is None or not view.dragging or view.drag_pos is None or view.held is None:
            return
        card = view.cards.get(view.held)
        if card is None:
            return
        ghost = pygame.Surface(card.rect.size, pygame.SRCALPHA)
        copy = Card(card.id, pygame.Rect((0, 0), card.rect.size), card.label, text=card.text)
        copy.image, copy.selected = card.image, True
        copy.draw(ghost, ctx, False)
        ghost.set_alpha(210)
        surface.blit(ghost, ghost.get_rect(center=view.drag_pos))


class SortView(StepView):
    """Items go into 2-3 bins. Pick an item, then its bin: no drag needed, though a mouse can
    drag too. Each placed item gets its feedback. In `under-9` a wrong bin explains and the item
    comes back to try again; in the older bands it counts as unsafe and moves to the right bin."""

    step: SortStep

    def __init__(self, step: SortStep, host: StepHost) -> None:
        super().__init__(step, host)
        self.placed: dict[int, bool] = {}
        """Item index -> whether it went into the right bin at the first try."""
        self.held: int | None = None
        self.page = 0
        self.last: int | None = None
        self.bubble = Bubble(host.ctx, host.t(step.sort.prompt))
        self.cards: dict[int, Card] = {}
        self.dragging = False
        self.drag_pos: tuple[int, int] | None = None
        self.show_bubble = True

    # State ---------------------------------------------------------------------------------
    @property
    def items(self) -> tuple[SortItem, ...]:
        return self.step.sort.items

    def waiting(self) -> list[int]:
        """The items not yet in a bin, in order."""
        return [index for index in range(len(self.items)) if index not in self.placed]

    @property
    def done(self) -> bool:
        return not self.waiting()

    def mood(self) -> str:
        if self.last is None:
            return "thinking"
        return "proud" if self.bubble.result == "safe" else "concerned"

    def hold(self, index: int) -> None:
        """Pick up an item; the bins then take it."""
        self.held = index
        self.host.relayout()

    def place(self, bin_id: str) -> None:
        """Put the held item into a bin, record the answer and say why."""
        if self.held is None:
            return
        index, self.held = self.held, None
        item = self.items[index]
        right = item.bin == bin_id
        result = "safe" if right else "unsafe"
        self.host.record(result)
        self.feedback_sound(result)
        if right or not self.forgiving:
            self.placed[index] = right
        self.last = index
        _ = self.ctx._
        if right:
            heading = _("Right!")
        elif self.forgiving:
            heading = _("Let's try again")
        else:
            heading = _("Not quite")
        text = self.host.t(item.feedback)
        if not right and not self.forgiving:
            where = _("It goes in: {bin}.").format(bin=self._bin_label(item.bin))
            text = f"{where} {text}"
        self.bubble = Bubble(self.ctx, text, heading, result)
        self.phase = "feedback"
        self.page = min(self.page, max(0, (len(self.waiting()) - 1) // max(1, self.per_page)))
        self.host.relayout()

    def _bin_label(self, bin_id: str) -> str:
        bin_ = next(b for b in self.step.sort.bins if b.id == bin_id)
        return self.host.t(bin_.label)

    # Layout --------------------------------------------------------------------------------
    per_page = 1
    phase = "intro"
    """With big text the prompt and each feedback get a screen of their own ("intro",
    "feedback"); the bins and items then have the whole area ("sorting")."""

    def build(self, area: pygame.Rect) -> list[Widget]:
        ctx = self.ctx
        _ = ctx._
        self.cards = {}
        self.area = area
        self.show_bubble = True
        bins = self.step.sort.bins
        bin_width = (area.width - (len(bins) - 1) * GAP) // len(bins)
        label_h = max(
            button_height(ctx, self.host.t(b.label), bin_width, icon=b.icon is not None)
            for b in bins
        )
        small = ctx.text.line_height("small")
        cell_h = self._item_metrics(area.width)[2]
        more_h = button_height(ctx, _("More items"), area.width, icon=True)
        if self.done:
            items_need = button_height(ctx, _("Next"), area.width, icon=True) + GAP
        else:
            items_need = max(cell_h, more_h)
        bins_min = max(72, label_h + small)
        two_lines = ctx.text.line_height("body") * 2 + 2 * PADDING
        if ctx.text.line_height("button") + 2 * PADDING > 0 and self.bubble.speaker:
            two_lines += ctx.text.line_height("button")
        compact = area.height < two_lines + bins_min + items_need + 2 * GAP
        if compact and (self.phase != "sorting" or self.done):
            return self._bubble_screen(area)
        widgets: list[Widget] = []
        top = area.top
        if compact:
            self.show_bubble = False
            if self.held is None:
                return self._item_cards(area)
            held = self._held_card(area)
            widgets.append(held)
            top = held.rect.bottom + GAP
            bins_min = area.bottom - top
        else:
            bubble_room = area.height - bins_min - items_need - 2 * GAP
            rect = self.bubble.layout(area, min(bubble_room, int(area.height * 0.45)))
            if self.bubble.has_more:
                more_label = _("More")
                more_room = bubble_room - button_height(ctx, more_label, 300, True) - GAP
                rect = self.bubble.layout(area, max(two_lines // 2, more_room))
                widgets.append(
                    next_button(
                        ctx,
                        area,
                        rect.bottom - GAP // 2,
                        self._more_bubble,
                        more_label,
                        "next",
                        "more",
                    )
                )
                rect = rect.union(widgets[-1].rect)
            top = rect.bottom + GAP
        spare = area.bottom - top - bins_min - GAP - items_need
        bin_h = bins_min + max(0, min(spare // 2, small * 2))
        if compact:
            bin_h = bins_min
        bin_widgets: list[Widget] = []
        for position, bin_ in enumerate(bins):
            label = self.host.t(bin_.label)
            entries = [
                (self.host.t(self.items[i].text), "check" if first else "try-again")
                for i, first in self.placed.items()
                if self.items[i].bin == bin_.id
            ]
            spoken = (
                _("Put it in: {bin}").format(bin=label)
                if self.held is not None
                else _("{bin}: {count} items").format(bin=label, count=len(entries))
            )
            bin_widgets.append(
                BinWidget(
                    f"bin-{bin_.id}",
                    pygame.Rect(area.left + position * (bin_width + GAP), top, bin_width, bin_h),
                    spoken,
                    self._placer(bin_.id),
                    enabled=self.held is not None,
                    text=label,
                    icon=bin_.icon,
                    entries=entries,
                    waiting=self.held is not None,
                )
            )
        top += bin_h + GAP
        below = pygame.Rect(area.left, top, area.width, area.bottom - top)
        if self.done:
            return [*widgets, *bin_widgets, next_button(ctx, area, top - GAP, self.host.advance)]
        ghost = DragGhost("drag", pygame.Rect(0, 0, 0, 0), "", enabled=False, view=self)
        if compact:
            return [*widgets, *bin_widgets, ghost]
        item_widgets = self._item_cards(below)
        if self.held is not None:
            return [*widgets, *bin_widgets, *item_widgets, ghost]
        return [*widgets, *item_widgets, *bin_widgets, ghost]

    def _bubble_screen(self, area: pygame.Rect) -> list[Widget]:
        """The prompt or a feedback on a screen of its own (big text)."""
        ctx = self.ctx
        _ = ctx._
        if self.done:
            label, action, widget_id = _("Next"), self.host.advance, "next"
        elif self.phase == "intro":
            label, action, widget_id = _("Start"), self._start_sorting, "start"
        else:
            label, action, widget_id = _("OK"), self._start_sorting, "ok"
        button_h = button_height(ctx, label, area.width, icon=True)
        rect = self.bubble.layout(area, area.height - button_h - GAP)
        if self.bubble.has_more:
            return [
                next_button(ctx, area, rect.bottom, self._more_bubble, _("More"), "next", "more")
            ]
        return [next_button(ctx, area, rect.bottom, action, label, "next", widget_id)]

    def _held_card(self, area: pygame.Rect) -> Card:
        """The held item above the bins (big text): press it to put it back."""
        assert self.held is not None
        item = self.items[self.held]
        words = self.host.t(item.text)
        image_size = min(96, self.ctx.text.line_height("button") * 2)
        image = picture(self.host, item.image, (image_size, image_size)) if item.image else None
        height = card_height(self.ctx, area.width, words, image_size if image else 0)
        card = Card(
            f"item-{self.held + 1}",
            pygame.Rect(area.left, area.top, area.width, height),
            self.ctx._("{item}: picked up. Press to put it back.").format(item=words),
            self._put_back,
            text=words,
            image=image,
            selected=True,
        )
        self.cards = {self.held: card}
        return card

    def _put_back(self) -> None:
        self.held = None
        self.host.relayout()

    def _start_sorting(self) -> None:
        self.phase = "sorting"
        self.host.relayout()

    def _item_metrics(self, width: int) -> tuple[int, int, int, int]:
        """Columns, card width, card height and picture size for the item cards.

        With one column the "More items" button sits beside the cards, so cards are narrower.
        """
        ctx = self.ctx
        image_size = min(96, ctx.text.line_height("button") * 2)
        columns = max(1, min(3, width // (ctx.text.size("button") * 10)))
        card_width = (width - (columns - 1) * GAP) // columns
        if columns == 1:
            card_width = width - self._more_width() - GAP
        heights = [
            card_height(ctx, card_width, self.host.t(item.text), image_size if item.image else 0)
            for item in self.items
        ]
        return columns, card_width, max(heights), image_size

    def _more_width(self) -> int:
        from game.ui.widgets import button_width

        return button_width(self.ctx, self.ctx._("More items"), icon=True)

    def _item_cards(self, below: pygame.Rect) -> list[Widget]:
        ctx = self.ctx
        _ = ctx._
        waiting = self.waiting()
        columns, width, cell_h, image_size = self._item_metrics(below.width)
        more_label = _("More items")
        if columns == 1:
            cells = grid(
                pygame.Rect(below.left, below.top, width, below.height), len(waiting), 1, cell_h
            )
            per_page = cells.per_page
        else:
            cells = grid(below, len(waiting), columns, cell_h)
            per_page = cells.per_page
            if cells.pages > 1:
                # The last cell of each page holds "More items".
                per_page = max(1, per_page - 1)
        self.per_page = per_page
        pages = max(1, -(-len(waiting) // per_page))
        self.page = min(self.page, pages - 1)
        shown = waiting[self.page * per_page : (self.page + 1) * per_page]
        widgets: list[Widget] = []
        for index, cell in zip(shown, cells.cells, strict=False):
            item = self.items[index]
            words = self.host.t(item.text)
            image = picture(self.host, item.image, (image_size, image_size)) if item.image else None
            held = index == self.held
            card = Card(
                f"item-{index + 1}",
                cell,
                _("{item}: picked up").format(item=words) if held else words,
                self._holder(index),
                text=words,
                image=image,
                selected=held,
            )
            self.cards[index] = card
            widgets.append(card)
        if pages > 1:
            if columns == 1:
                last = cells.cells[len(shown) - 1]
                button = next_button(
                    ctx, below, last.top - GAP, self._next_page, more_label, "next", "more-items"
                )
            else:
                cell = cells.cells[len(shown)]
                button = Button(
                    "more-items", cell, more_label, self._next_page, text=more_label, icon="next"
                )
            button.style = "normal"
            widgets.append(button)
        return widgets

    def _holder(self, index: int):  # noqa: ANN202
        return lambda: self.hold(index)

    def _placer(self, bin_id: str):  # noqa: ANN202
        return lambda: self.place(bin_id)

    def _next_page(self) -> None:
        pages = max(1, -(-len(self.waiting()) // max(1, self.per_page)))
        self.page = (self.page + 1) % pages
        self.host.relayout()

    def _more_bubble(self) -> None:
        self.bubble.page = (self.bubble.page + 1) % len(self.bubble.pages)
        self.host.relayout()

    # Pointer drag --------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.ctx.input.mode not in POINTER_MODES:
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for index, card in self.cards.items():
                if card.rect.collidepoint(event.pos):
                    self.dragging, self.drag_pos = True, event.pos
                    if self.held != index:
                        self.hold(index)
                    self.host.dirty = True
                    break
        elif event.type == pygame.MOUSEMOTION and self.dragging:
            self.drag_pos = event.pos
            self.host.dirty = True
        elif event.type == pygame.MOUSEBUTTONUP and self.dragging:
            # The release becomes a click where it lands: on a bin, that places the item.
            self.dragging = False
            self.host.dirty = True
        return False

    # Drawing -------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        if self.show_bubble:
            self.bubble.draw(surface, self.host.place)

    def narration(self) -> str:
        _ = self.ctx._
        parts = []
        if self.bubble.speaker:
            parts.append(self.bubble.speaker)
        parts.append(self.bubble.text)
        bins = ", ".join(self.host.t(b.label) for b in self.step.sort.bins)
        parts.append(_("Bins: {bins}.").format(bins=bins))
        waiting = [self.host.t(self.items[i].text) for i in self.waiting()]
        if waiting:
            parts.append(_("Still to sort: {items}.").format(items=", ".join(waiting)))
        return " ".join(parts)
