"""The view of the `sort` step: pick an item, then pick its bin (or drag it there)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.settings import InputMode
from game.steps.sort import SortItem, SortStep
from game.steps.view import (
    Bubble,
    Card,
    CardPart,
    StepHost,
    StepView,
    button_spot,
    card_height,
    card_parts,
    in_spot,
    next_button,
    one_line,
    pack_parts,
    picture,
)
from game.ui.pages import grid
from game.ui.widgets import GAP, PADDING, RADIUS, Button, Widget, button_height, button_width

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
            shown = one_line(ctx, words, "small", inner.width - mark - 8)
            text = ctx.text.render(shown, "small", theme.ink, None, align)
            x = inner.right - mark - 8 - text.get_width() if rtl else inner.left + mark + 8
            surface.blit(text, (x, y))
            y += line
        if len(shown) < len(self.entries) and room > 0:
            more = ctx._("and {count} more").format(count=len(self.entries) - len(shown))
            text = ctx.text.render(more, "small", theme.soft_ink, inner.width, align)
            surface.blit(text, (inner.left, y))


@dataclass(frozen=True)
class BinShape:
    """One way to set out the bins on a screen with big text."""

    columns: int
    height: int
    """The height a bin needs for its label."""
    total: int
    """The height all the rows of bins need."""
    whole: bool
    """Every word of the labels fits on a line (a narrow bin would break a long word)."""
    icons: bool


def _words_fit(ctx, text: str, width: int, icon: bool) -> bool:  # noqa: ANN001
    """Whether each word of a bin's label fits on a line of a bin this wide (Chinese, which
    breaks between characters, always does)."""
    room = width - 2 * PADDING - ((ctx.text.size("button") + 12 + PADDING // 2) if icon else 0)
    return all(
        ctx.text.measure(word, "button")[0] <= room
        for word in text.split()
        if not any(ord(char) >= 0x2E80 for char in word)
    )


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
        self.host.relayout()

    def _bin_label(self, bin_id: str) -> str:
        bin_ = next(b for b in self.step.sort.bins if b.id == bin_id)
        return self.host.t(bin_.label)

    # Layout --------------------------------------------------------------------------------
    pages = 1
    """How many pages of items there are (the "More items" button turns them)."""
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
        if self.done:
            items_need = button_height(ctx, _("Next"), area.width, icon=True) + GAP
        else:
            items_need = self._items_need(area.width)
        bins_min = max(72, label_h + small)
        two_lines = ctx.text.line_height("body") * 2 + 2 * PADDING
        if self.bubble.speaker:
            two_lines += ctx.text.line_height("button")
        compact = area.height < two_lines + bins_min + items_need + 2 * GAP
        if compact and (self.phase != "sorting" or self.done):
            return self._bubble_screen(area)
        if compact:
            self.show_bubble = False
            if self.held is None:
                return self._item_cards(area)
            return self._bins_screen(area)
        widgets: list[Widget] = []
        bubble_room = area.height - bins_min - items_need - 2 * GAP
        rect = self.bubble.layout(area, min(bubble_room, int(area.height * 0.45)))
        if self.bubble.has_more:
            more_label = _("More")
            more_room = bubble_room - button_height(ctx, more_label, 300, True) - GAP
            rect = self.bubble.layout(area, max(two_lines // 2, more_room))
            widgets.append(
                next_button(
                    ctx, area, rect.bottom - GAP // 2, self._more_bubble, more_label, "next", "more"
                )
            )
            rect = rect.union(widgets[-1].rect)
        top = rect.bottom + GAP
        spare = area.bottom - top - bins_min - GAP - items_need
        bin_h = bins_min + max(0, min(spare // 2, small * 2))
        row = pygame.Rect(area.left, top, area.width, bin_h)
        bin_widgets = self._bins(row, len(bins), bin_h)
        top += bin_h + GAP
        below = pygame.Rect(area.left, top, area.width, area.bottom - top)
        if self.done:
            return [*widgets, *bin_widgets, next_button(ctx, area, top - GAP, self.host.advance)]
        ghost = DragGhost("drag", pygame.Rect(0, 0, 0, 0), "", enabled=False, view=self)
        item_widgets = self._item_cards(below)
        if self.held is not None:
            return [*widgets, *bin_widgets, *item_widgets, ghost]
        return [*widgets, *item_widgets, *bin_widgets, ghost]

    def _bins(
        self, area: pygame.Rect, columns: int, height: int, icons: bool = True
    ) -> list[Widget]:
        """The bins in rows of `columns`, each `height` tall, from the top of `area`."""
        _ = self.ctx._
        bins = self.step.sort.bins
        width = (area.width - (columns - 1) * GAP) // columns
        made: list[Widget] = []
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
            row, column = divmod(position, columns)
            made.append(
                BinWidget(
                    f"bin-{bin_.id}",
                    pygame.Rect(
                        area.left + column * (width + GAP),
                        area.top + row * (height + GAP),
                        width,
                        height,
                    ),
                    spoken,
                    self._placer(bin_.id),
                    enabled=self.held is not None,
                    text=label,
                    icon=bin_.icon if icons else None,
                    entries=entries,
                    waiting=self.held is not None,
                )
            )
        return made

    def _bin_shapes(self, width: int) -> list[BinShape]:
        """The ways to set out the bins: all in a row first, one per row last; then the same
        without their icons (a decoration that gives way to words at the biggest text)."""
        ctx = self.ctx
        bins = self.step.sort.bins
        shapes = []
        for icons in (True, False):
            for columns in range(len(bins), 0, -1):
                bin_width = (width - (columns - 1) * GAP) // columns
                labels = [(self.host.t(b.label), icons and b.icon is not None) for b in bins]
                height = max(button_height(ctx, text, bin_width, icon=i) for text, i in labels)
                rows = -(-len(bins) // columns)
                shapes.append(
                    BinShape(
                        columns,
                        height,
                        rows * height + (rows - 1) * GAP,
                        all(_words_fit(ctx, text, bin_width, i) for text, i in labels),
                        icons,
                    )
                )
        return shapes

    def _bins_screen(self, area: pygame.Rect) -> list[Widget]:
        """Big text, an item held: the item (as much of its words as there is room for) above
        the bins, set out in as many rows as their labels need."""
        assert self.held is not None
        shapes = self._bin_shapes(area.width)
        full = self._held_parts(area, area.height)[0].height
        line = self._held_parts(area, 1)[0].height
        # Whole words and icons first, then the whole item, then the fewest rows.
        shape = next(
            (
                shape
                for whole, card in (
                    (True, full),
                    (True, line),
                    (False, full),
                    (False, line),
                    (False, 0),
                )
                for shape in shapes
                if (shape.whole or not whole)
                and shape.total + card + GAP * bool(card) <= area.height
            ),
            min(shapes, key=lambda shape: shape.total),
        )
        widgets: list[Widget] = []
        top = area.top
        part = self._held_parts(area, area.height - shape.total - GAP)[0]
        if part.height + GAP + shape.total <= area.height:
            held = self._held_card(area, part.text, part.height)
            widgets.append(held)
            top = held.rect.bottom + GAP
        rows = -(-len(self.step.sort.bins) // shape.columns)
        height = max(shape.height, (area.bottom - top - (rows - 1) * GAP) // rows)
        room = pygame.Rect(area.left, top, area.width, area.bottom - top)
        widgets += self._bins(room, shape.columns, height, shape.icons)
        ghost = DragGhost("drag", pygame.Rect(0, 0, 0, 0), "", enabled=False, view=self)
        return [*widgets, ghost]

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
        # The button goes under the bubble, or into the bottom bar's row when under it would
        # leave the bubble less than two lines a page (big text); the spot fits "More" too.
        widest = max((label, _("More")), key=lambda text: button_width(ctx, text, icon=True))
        spot = button_spot(self.host, area, self.bubble, widest)
        if self.bubble.has_more:
            button = next_button(ctx, area, 0, self._more_bubble, _("More"), "next", "more")
        else:
            button = next_button(ctx, area, 0, action, label, "next", widget_id)
        return [in_spot(button, spot)]

    def _image_size(self) -> int:
        return min(96, self.ctx.text.line_height("button") * 2)

    def _held_parts(self, area: pygame.Rect, room: int) -> list[CardPart]:
        """The held item's words, cut to fit `room` when they are too long (it was just read
        in full; the card still says all of it to a screen reader)."""
        assert self.held is not None
        item = self.items[self.held]
        image = self._image_size() if item.image else 0
        return card_parts(
            self.ctx, self.held, area.width, self.host.t(item.text), room, image_height=image
        )

    def _held_card(self, area: pygame.Rect, text: str, height: int) -> Card:
        """The held item above the bins (big text): press it to put it back."""
        assert self.held is not None
        item = self.items[self.held]
        words = self.host.t(item.text)
        size = self._image_size()
        image = picture(self.host, item.image, (size, size)) if item.image else None
        card = Card(
            f"item-{self.held + 1}",
            pygame.Rect(area.left, area.top, area.width, height),
            self.ctx._("{item}: picked up. Press to put it back.").format(item=words),
            self._put_back,
            text=text,
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

    def _columns(self, width: int) -> int:
        return max(1, min(3, width // (self.ctx.text.size("button") * 10)))

    def _items_need(self, width: int) -> int:
        """The height the items need below the bins: one row of cards (with "More items" when
        they do not all fit)."""
        ctx = self.ctx
        more_h = self._more_height(width)
        columns = self._columns(width)
        card_width = (width - (columns - 1) * GAP) // columns
        tallest = max(
            card_height(
                ctx,
                card_width,
                self.host.t(self.items[i].text),
                self._image_size() if self.items[i].image else 0,
            )
            for i in self.waiting()
        )
        if columns > 1:
            return max(tallest, self._more_height(card_width))
        return tallest + (GAP + more_h if len(self.waiting()) > 1 else 0)

    def _more_height(self, width: int) -> int:
        _ = self.ctx._
        return max(
            button_height(self.ctx, label, width, icon=True)
            for label in (_("More items"), _("More"))
        )

    def _item_cards(self, below: pygame.Rect) -> list[Widget]:
        """The items waiting, in pages; one column at big text, where long words take turns."""
        ctx = self.ctx
        waiting = self.waiting()
        columns = self._columns(below.width)
        if columns > 1:
            widgets = self._item_grid(below, columns)
            if widgets is not None:
                return widgets
        size = self._image_size()
        texts = {i: self.host.t(self.items[i].text) for i in waiting}

        def book(room: int) -> list[list[CardPart]]:
            return pack_parts(
                [
                    card_parts(
                        ctx, i, below.width, texts[i], room, size if self.items[i].image else 0
                    )
                    for i in waiting
                ],
                room,
            )

        more_h = self._more_height(below.width)
        pages = book(below.height)
        if len(pages) > 1:
            pages = book(below.height - more_h - GAP)
        self.pages = len(pages)
        self.page = min(self.page, len(pages) - 1)
        widgets: list[Widget] = []
        y = below.top
        for part in pages[self.page]:
            cell = pygame.Rect(below.left, y, below.width, part.height)
            widgets.append(self._item_card(part.index, cell, part.text))
            y = cell.bottom + GAP
        if len(pages) > 1:
            following = pages[(self.page + 1) % len(pages)][0]
            label = ctx._("More items") if following.first else ctx._("More")
            button = next_button(
                ctx,
                below,
                below.bottom - more_h - GAP,
                self._next_page,
                label,
                "next",
                "more-items",
            )
            button.style = "normal"
            widgets.append(button)
        return widgets

    def _item_grid(self, below: pygame.Rect, columns: int) -> list[Widget] | None:
        """Items in columns, "More items" in the last cell of each page; None if a card or the
        button would not fit its cell."""
        ctx = self.ctx
        _ = ctx._
        waiting = self.waiting()
        width = (below.width - (columns - 1) * GAP) // columns
        size = self._image_size()
        cell_h = max(
            card_height(
                ctx, width, self.host.t(self.items[i].text), size if self.items[i].image else 0
            )
            for i in waiting
        )
        cells = grid(below, len(waiting), columns, cell_h)
        per_page = cells.per_page
        if cells.pages > 1:
            # The last cell of each page holds "More items".
            cell_h = max(cell_h, self._more_height(width))
            cells = grid(below, len(waiting), columns, cell_h)
            per_page = max(1, cells.per_page - 1)
        if cell_h > below.height:
            return None
        pages = max(1, -(-len(waiting) // per_page))
        self.pages = pages
        self.page = min(self.page, pages - 1)
        shown = waiting[self.page * per_page : (self.page + 1) * per_page]
        widgets: list[Widget] = [
            self._item_card(index, cell, self.host.t(self.items[index].text))
            for index, cell in zip(shown, cells.cells, strict=False)
        ]
        if pages > 1:
            more_label = _("More items")
            button = Button(
                "more-items",
                cells.cells[len(shown)],
                more_label,
                self._next_page,
                text=more_label,
                icon="next",
            )
            widgets.append(button)
        return widgets

    def _item_card(self, index: int, cell: pygame.Rect, text: str) -> Card:
        """One item to pick up (or, while held, to put back)."""
        _ = self.ctx._
        item = self.items[index]
        words = self.host.t(item.text)
        size = self._image_size()
        image = picture(self.host, item.image, (size, size)) if item.image else None
        held = index == self.held
        card = Card(
            f"item-{index + 1}",
            cell,
            _("{item}: picked up").format(item=words) if held else words,
            self._holder(index),
            text=text,
            image=image,
            selected=held,
        )
        self.cards[index] = card
        return card

    def _holder(self, index: int):  # noqa: ANN202
        return lambda: self.hold(index)

    def _placer(self, bin_id: str):  # noqa: ANN202
        return lambda: self.place(bin_id)

    def _next_page(self) -> None:
        self.page = (self.page + 1) % max(1, self.pages)
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
