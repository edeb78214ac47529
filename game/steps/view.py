"""What a step view is, and the pieces step views share: the speech bubble and text pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import pygame

from game.ui.widgets import (
    GAP,
    MIN_TARGET,
    PADDING,
    RADIUS,
    Button,
    Widget,
    button_height,
    button_width,
    draw_panel,
)

if TYPE_CHECKING:
    from game.content.models import Level
    from game.context import Context


class StepHost(Protocol):
    """What the level scene offers the step on screen."""

    ctx: Context
    level: Level
    dirty: bool

    def t(self, text: str) -> str:
        """A level string in the player's language."""
        ...

    def advance(self, goto: str | None = None) -> None:
        """Go on to the next step, or to the step with this label."""
        ...

    def record(self, result: str) -> None:
        """Count a safe, unsafe or ok answer, and save it at once."""
        ...

    def relayout(self) -> None:
        """Ask for a new layout (the step changed phase)."""
        ...

    def place(self, rect: pygame.Rect) -> pygame.Rect:
        """Mirror a rectangle for right-to-left languages."""
        ...

    def bar_room(self, width: int) -> pygame.Rect | None:
        """Room at least `width` px wide in the bottom bar's row, if the bar can make it."""
        ...


class StepView:
    """Shows one step: builds its widgets inside an area and draws what is not a widget."""

    def __init__(self, step: object, host: StepHost) -> None:
        self.step = step
        self.host = host

    @property
    def ctx(self) -> Context:
        return self.host.ctx

    def mood(self) -> str:
        """Sango's mood while this step is shown."""
        return "happy"

    def build(self, area: pygame.Rect) -> list[Widget]:
        """The step's widgets in reading order, laid out left to right inside `area`."""
        return []

    def draw(self, surface: pygame.Surface) -> None:
        """Draw bubbles and pictures (widgets draw themselves)."""

    def narration(self) -> str:
        """Everything the step shows, as one text to speak."""
        return ""

    def update(self, now: float) -> bool:
        """Advance the step's timers (e.g. a chat's typing pause); True if the screen changed."""
        return False

    def deadline(self) -> float | None:
        """When `update` next needs to run without any input, if ever."""
        return None

    def handle_event(self, event: pygame.event.Event) -> bool:
        """A raw pointer event before it becomes an action (e.g. a mouse drag); True if used up.

        Only for what pointers add on top of actions: everything must also work by actions.
        """
        return False

    @property
    def forgiving(self) -> bool:
        """Under-9 levels cannot be failed: a wrong answer explains and lets the child try again."""
        return str(self.host.level.band) == "under-9"

    def feedback_sound(self, result: str) -> None:
        """The earcon for an answer: correct, try again, or a plain select."""
        self.ctx.audio.play({"safe": "correct", "unsafe": "try-again"}.get(result, "select"))


class Bubble:
    """A speech bubble whose text is split into pages that fit, at any text size."""

    def __init__(
        self, ctx: Context, text: str, speaker: str | None = None, result: str | None = None
    ) -> None:
        self.ctx = ctx
        self.text = text
        self.speaker = speaker
        self.result = result
        """safe, unsafe or ok: the bubble then shows a coloured stripe and an icon (feedback)."""
        self.page = 0
        self.pages: list[list[str]] = [[]]
        """The lines of words on each page."""
        self.heads: list[list[str]] = [[]]
        """The lines of the heading (speaker) on each page."""
        self.folded = False
        """The heading takes turns with the words (it did not fit beside them)."""
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.tail = False
        """Whether the bubble points at Sango (his own lines and questions)."""

    def layout(self, area: pygame.Rect, max_height: int) -> pygame.Rect:
        """Fit the bubble at the top of `area`, no taller than `max_height`; returns its rect.

        The heading (speaker) shows on the first page, and on every page when it costs no line
        of words; when the heading and a line of words do not fit together (very big text), the
        heading's lines take turns with the words instead.
        """
        text = self.ctx.text
        text_width = area.width - 2 * PADDING - 8 - self._mark_room()
        lines = text.wrap(self.text, "body", text_width)
        heading = text.wrap(self.speaker, "button", text_width) if self.speaker else []
        inside = max_height - 2 * PADDING
        self.folded = bool(heading) and self._height(heading, lines[:1]) > inside
        if self.folded:
            self._fold(heading, lines, inside)
        else:
            self._paginate(heading, lines, inside)
        self.page = min(self.page, len(self.pages) - 1)
        height = max(
            self._height(head, page) for head, page in zip(self.heads, self.pages, strict=True)
        )
        height = max(height, RESULT_ICON if self.result else 0)
        self.rect = pygame.Rect(area.left, area.top, area.width, height + 2 * PADDING)
        return self.rect

    def _paginate(self, heading: list[str], lines: list[str], inside: int) -> None:
        """Pages of word lines under the heading. When the words need several pages and the
        heading costs a line of words, only the first page shows it: the pages after it are
        the same bubble going on, and a child at big text gets more words for each press."""
        text = self.ctx.text
        line_height = text.line_height("body")
        first_line = text.font("body").get_height()

        def fitting(room: int) -> int:
            return max(1, (max(line_height, room) - first_line) // line_height + 1)

        per_page = fitting(inside - self._height(heading, []))
        per_later = fitting(inside)
        if not heading or len(lines) <= per_page or per_later <= per_page:
            self.pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)] or [[]]
            self.heads = [heading] * len(self.pages)
            return
        rest = lines[per_page:]
        self.pages = [lines[:per_page]] + [
            rest[i : i + per_later] for i in range(0, len(rest), per_later)
        ]
        self.heads = [heading] + [[] for _ in self.pages[1:]]

    def _fold(self, heading: list[str], lines: list[str], room: int) -> None:
        """Pages of heading lines, then of word lines, as many as fit in `room` on each page."""
        self.heads, self.pages = [], []
        head: list[str] = []
        page: list[str] = []
        for is_heading, line in [(True, row) for row in heading] + [(False, row) for row in lines]:
            grown = ([*head, line], page) if is_heading else (head, [*page, line])
            if (head or page) and self._height(*grown) > room:
                self.heads.append(head)
                self.pages.append(page)
                head, page = [], []
                grown = ([line], []) if is_heading else ([], [line])
            head, page = grown
        self.heads.append(head)
        self.pages.append(page)

    def _height(self, head: list[str], page: list[str]) -> int:
        """The height of a page's heading lines and word lines, padding not included."""
        text = self.ctx.text
        height = 0
        for lines, role in ((head, "button"), (page, "body")):
            if lines:
                height += text.font(role).get_height() + (len(lines) - 1) * text.line_height(role)
        return height + (4 if head else 0)

    def _draw_tail(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """A speech tail on the leading edge, pointing at Sango."""
        theme = self.ctx.theme
        if self.ctx.i18n.rtl:
            base, tip = rect.right - 2, rect.right + 22
        else:
            base, tip = rect.left + 2, rect.left - 22
        points = [(base, rect.top + 24), (tip, rect.top + 48), (base, rect.top + 56)]
        pygame.draw.polygon(surface, theme.panel, points)
        pygame.draw.lines(surface, theme.panel_edge, False, points, width=3)

    def _mark_room(self) -> int:
        return RESULT_ICON + PADDING if self.result else 0

    @property
    def has_more(self) -> bool:
        """Whether another page of text follows the one shown."""
        return self.page < len(self.pages) - 1

    def draw(self, surface: pygame.Surface, place) -> None:  # noqa: ANN001
        ctx = self.ctx
        rect = place(self.rect)
        if self.tail:
            self._draw_tail(surface, rect)
        draw_panel(surface, rect, ctx)
        if self.tail:
            # Cover the panel's edge where the tail joins, so tail and bubble are one shape.
            x = rect.right - 3 if ctx.i18n.rtl else rect.left
            pygame.draw.rect(surface, ctx.theme.panel, (x, rect.top + 26, 3, 28))
        if self.result:
            draw_result_mark(surface, ctx, rect, self.result)
        x = rect.left + PADDING + 4
        y = rect.top + PADDING
        width = rect.width - 2 * PADDING - 8 - self._mark_room()
        if self.result and ctx.i18n.rtl:
            x += self._mark_room()
        align = "right" if ctx.i18n.rtl else "left"
        head = self.heads[self.page] if self.page < len(self.heads) else []
        if head:
            name = ctx.text.render(
                "\n".join(head) if self.folded else self.speaker or "",
                "button",
                ctx.theme.primary if not ctx.settings.high_contrast else ctx.theme.ink,
                width,
                align,
            )
            surface.blit(name, (x, y))
            y += name.get_height() + 4
        if self.pages[self.page]:
            text = "\n".join(self.pages[self.page])
            rendered = ctx.text.render(text, "body", ctx.theme.ink, width, align)
            surface.blit(rendered, (x, y))


MIN_LINES = 2
"""The fewest lines a page of a bubble shows before its button moves into the bottom bar."""


def button_spot(
    host: StepHost, area: pygame.Rect, bubble: Bubble, label: str, room: int | None = None
) -> pygame.Rect:
    """Lay out `bubble` at the top of `area` (at most `room` px tall) and find where the button
    labelled `label` goes: under the bubble at the trailing side, as a rule.

    When a button under the bubble would leave it too little room (big text, a tall script),
    the button moves into the bottom bar's row, between Back and Settings, and the bubble takes
    the whole height. Returned laid out left to right.
    """
    ctx = host.ctx
    room = area.height if room is None else room
    width = min(area.width, button_width(ctx, label, icon=True))
    height = button_height(ctx, label, width, icon=True)
    above = room - height - GAP
    rect = bubble.layout(area, above)
    squeezed = rect.height > above or (len(bubble.pages) > 1 and len(bubble.pages[0]) < MIN_LINES)
    slot = host.bar_room(width) if squeezed else None
    if slot is None:
        return pygame.Rect(area.right - width, rect.bottom + GAP, width, height)
    bubble.layout(area, room)
    height = max(height, slot.height)
    return pygame.Rect(slot.right - width, slot.bottom - height, width, height)


def in_spot(button: Button, spot: pygame.Rect) -> Button:
    """The button moved to `spot` (from `button_spot`), keeping its own width at the spot's
    trailing side."""
    width = min(button.rect.width, spot.width)
    button.rect = pygame.Rect(spot.right - width, spot.top, width, spot.height)
    return button


def one_line(ctx: Context, words: str, role: str, width: int) -> str:
    """The words cut to one line of `role` text at most `width` px wide, with an ellipsis."""
    if ctx.text.measure(words, role)[0] <= width:
        return words
    while words and ctx.text.measure(words + ELLIPSIS, role)[0] > width:
        words = words[:-1]
    return words.rstrip() + ELLIPSIS


def next_button(
    ctx: Context,
    area: pygame.Rect,
    top: int,
    action,
    text: str | None = None,  # noqa: ANN001
    icon: str = "next",
    widget_id: str = "next",
) -> Button:
    """The primary button that moves the story on, at the trailing side of `area`."""
    label = text or ctx._("Next")
    width = min(area.width, button_width(ctx, label, icon=True))
    height = button_height(ctx, label, width, icon=True)
    return Button(
        widget_id,
        pygame.Rect(area.right - width, top + GAP, width, height),
        label,
        action,
        text=label,
        icon=icon,
        style="primary",
    )


RESULT_ICON = 56
"""The size of the safe / unsafe / ok icon on feedback."""

RESULT_ICONS = {"safe": "safe", "unsafe": "unsafe", "ok": "ok"}


def result_colour(ctx: Context, result: str) -> tuple[int, int, int]:
    """The colour that goes with a result (never shown without its icon and words)."""
    theme = ctx.theme
    return {"safe": theme.safe, "unsafe": theme.unsafe}.get(result, theme.neutral)


def draw_result_mark(surface: pygame.Surface, ctx: Context, rect: pygame.Rect, result: str) -> None:
    """Feedback on a panel: a coloured stripe on the leading edge and the result's icon in the
    trailing top corner (drawn in ink, so it reads in every theme)."""
    stripe = pygame.Rect(rect.left, rect.top, 14, rect.height)
    if ctx.i18n.rtl:
        stripe.right = rect.right
    pygame.draw.rect(
        surface,
        result_colour(ctx, result),
        stripe,
        border_top_left_radius=RADIUS if not ctx.i18n.rtl else 0,
        border_bottom_left_radius=RADIUS if not ctx.i18n.rtl else 0,
        border_top_right_radius=RADIUS if ctx.i18n.rtl else 0,
        border_bottom_right_radius=RADIUS if ctx.i18n.rtl else 0,
    )
    icon = ctx.art.image(
        "icons", RESULT_ICONS.get(result, "ok"), (RESULT_ICON, RESULT_ICON), tint=ctx.theme.ink
    )
    corner = (
        (rect.left + PADDING, rect.top + PADDING - 4)
        if ctx.i18n.rtl
        else (rect.right - RESULT_ICON - PADDING, rect.top + PADDING - 4)
    )
    surface.blit(icon, corner)


def picture(host: StepHost, reference: str, size: tuple[int, int]) -> pygame.Surface:
    """A step's picture: built-in art (`art:icons/lock`, icons tinted with ink) or a file beside
    the level file."""
    from game.steps.pictures import split_art

    ctx = host.ctx
    art = split_art(reference)
    if art is not None:
        kind, name = art
        tint = ctx.theme.ink if kind in ("icons", "badges") else None
        return ctx.art.image(kind, name, size, tint=tint)
    try:
        folder = ctx.catalogue.path_of(host.level.id).parent
    except KeyError:
        folder = None
    if folder is None:
        return ctx.art.image("icons", "help", size, tint=ctx.theme.soft_ink)
    return ctx.art.load_file(folder / reference, size)


@dataclass(eq=False)
class Card(Widget):
    """A focusable card with words and an optional picture: a sort item, a pick-all answer, a
    spot line. `ticked` draws a check box (None: no box); `marks` are icons in the trailing
    corner; `selected` draws it raised, with a thick edge, as well as in the primary colour."""

    text: str = ""
    image: pygame.Surface | None = None
    ticked: bool | None = None
    selected: bool = False
    marks: list[str] = field(default_factory=list)
    tone: str | None = None
    """safe / unsafe / ok: a feedback stripe on the leading edge."""
    role: str = "button"
    note: str = ""
    """A short line in small print under the words, e.g. "This one too"."""
    flat: bool = False
    """Drawn as a line on a panel (a spot line) rather than as a raised button."""

    def draw(self, surface: pygame.Surface, ctx: Context, focused: bool) -> None:
        theme = ctx.theme
        fill, ink, edge, edge_width = theme.button, theme.button_ink, theme.button_edge, 3
        if self.flat:
            fill, ink, edge, edge_width = theme.panel, theme.ink, theme.panel_edge, 2
        if self.selected:
            fill, ink, edge, edge_width = theme.primary, theme.primary_ink, theme.ink, 6
        pygame.draw.rect(surface, fill, self.rect, border_radius=RADIUS)
        pygame.draw.rect(surface, edge, self.rect, width=edge_width, border_radius=RADIUS)
        if self.tone:
            draw_stripe(surface, ctx, self.rect, self.tone)
        layout = card_layout(
            ctx, self.rect, self.text, self.image, self.ticked, self.marks, self.role
        )
        if self.ticked is not None:
            draw_tick_box(surface, ctx, layout.box, self.ticked, ink)
        if self.image is not None:
            surface.blit(self.image, self.image.get_rect(center=layout.image.center))
        align = "right" if ctx.i18n.rtl else "left"
        blocks = [
            ctx.text.render(text, role, ink, layout.text.width, align)
            for text, role in ((self.text, self.role), (self.note, "small"))
            if text
        ]
        y = self.rect.centery - (sum(block.get_height() for block in blocks) + 4) // 2
        for block in blocks:
            surface.blit(block, (layout.text.left, y))
            y += block.get_height() + 4
        for mark, spot in zip(self.marks, layout.marks, strict=False):
            surface.blit(ctx.art.image("icons", mark, spot.size, tint=ink), spot)


@dataclass(frozen=True)
class CardLayout:
    """Where the parts of a card go."""

    box: pygame.Rect
    image: pygame.Rect
    text: pygame.Rect
    marks: list[pygame.Rect]


MARK_SIZE = 40
TICK_BOX = 40


def card_layout(
    ctx: Context,
    rect: pygame.Rect,
    text: str,
    image: pygame.Surface | None,
    ticked: bool | None,
    marks: list[str] | tuple[str, ...],
    role: str = "button",
) -> CardLayout:
    """Leading box, picture, words, then trailing marks; mirrored for right-to-left."""
    rtl = ctx.i18n.rtl
    left = rect.left + PADDING
    right = rect.right - PADDING

    def take(width: int) -> pygame.Rect:
        nonlocal left, right
        if rtl:
            spot = pygame.Rect(right - width, rect.top, width, rect.height)
            right -= width + PADDING // 2
        else:
            spot = pygame.Rect(left, rect.top, width, rect.height)
            left += width + PADDING // 2
        return spot

    box = take(TICK_BOX) if ticked is not None else pygame.Rect(0, 0, 0, 0)
    image_rect = take(image.get_width()) if image is not None else pygame.Rect(0, 0, 0, 0)
    mark_rects: list[pygame.Rect] = []
    for _ in marks:
        if rtl:
            spot = pygame.Rect(left, rect.centery - MARK_SIZE // 2, MARK_SIZE, MARK_SIZE)
            left += MARK_SIZE + 4
        else:
            spot = pygame.Rect(
                right - MARK_SIZE, rect.centery - MARK_SIZE // 2, MARK_SIZE, MARK_SIZE
            )
            right -= MARK_SIZE + 4
        mark_rects.append(spot)
    text_rect = pygame.Rect(left, rect.top, max(40, right - left), rect.height)
    return CardLayout(box, image_rect, text_rect, mark_rects)


def card_height(
    ctx: Context,
    width: int,
    text: str,
    image_height: int = 0,
    ticked: bool | None = None,
    marks: int = 0,
    role: str = "button",
    note: str = "",
) -> int:
    """The height a card needs at this width for its wrapped words (at least a 72 px target)."""
    room = _words_width(width, image_height, ticked, marks)
    words = ctx.text.block_height(text, role, max(40, room)) if text else 0
    if note:
        words += ctx.text.block_height(note, "small", max(40, room)) + 4
    return max(MIN_TARGET, words + 2 * PADDING, image_height + 2 * PADDING)


@dataclass(frozen=True)
class CardPart:
    """What one page shows of a card: all its words, or (very big text) some of their lines."""

    index: int
    """Which card (its place in the list the parts were made from)."""
    text: str
    """The lines shown, ending in "…" when the words go on over the page."""
    height: int
    first: bool = True
    last: bool = True
    """The part that ends the card's words (its note shows under it)."""


ELLIPSIS = "…"


def card_parts(
    ctx: Context,
    index: int,
    width: int,
    text: str,
    room: int,
    image_height: int = 0,
    ticked: bool | None = None,
    marks: int = 0,
    role: str = "button",
    note: str = "",
) -> list[CardPart]:
    """A card as one part when it fits in `room`, else its words split into parts that fit:
    long words take turns rather than spill out of their card."""
    whole = card_height(ctx, width, text, image_height, ticked, marks, role, note)
    if whole <= room or not text:
        return [CardPart(index, text, whole)]
    words_width = _words_width(width, image_height, ticked, marks)
    cut = ctx.text.measure(f" {ELLIPSIS}", role)[0]
    lines = ctx.text.wrap(text, role, max(40, words_width - cut))

    def height(count: int, last: bool) -> int:
        shown = "\n".join(lines[:count])
        return card_height(
            ctx, width, shown, image_height, ticked, marks, role, note if last else ""
        )

    parts: list[CardPart] = []
    start = 0
    while start < len(lines):
        left = len(lines) - start
        if height(left, True) <= room:
            count = left
        else:
            count = 1
            while count + 1 < left and height(count + 1, False) <= room:
                count += 1
        last = start + count >= len(lines)
        shown = "\n".join(lines[start : start + count]) + ("" if last else f" {ELLIPSIS}")
        parts.append(CardPart(index, shown, height(count, last), start == 0, last))
        start += count
    return parts


def pack_parts(cards: list[list[CardPart]], room: int) -> list[list[CardPart]]:
    """Pages of card parts, each page no taller than `room` (cards GAP apart), in order.

    A card whose words need several pages starts on a page of its own."""
    pages: list[list[CardPart]] = []
    page: list[CardPart] = []
    used = 0
    for parts in cards:
        for part in parts:
            fits = used + part.height <= room
            if page and (not fits or (part.first and len(parts) > 1)):
                pages.append(page)
                page, used = [], 0
            page.append(part)
            used += part.height + GAP
    if page or not pages:
        pages.append(page)
    return pages


def _words_width(width: int, image_height: int, ticked: bool | None, marks: int) -> int:
    """How wide a card's words may be, beside its box, picture and marks."""
    room = width - 2 * PADDING
    if ticked is not None:
        room -= TICK_BOX + PADDING // 2
    if image_height:
        room -= image_height + PADDING // 2
    return room - marks * (MARK_SIZE + 4)


def draw_tick_box(
    surface: pygame.Surface,
    ctx: Context,
    rect: pygame.Rect,
    ticked: bool,
    ink: tuple[int, int, int],
) -> None:
    """A check box: an empty square, or a square with a check mark (shape, not colour)."""
    box = pygame.Rect(0, 0, TICK_BOX, TICK_BOX)
    box.center = rect.center
    pygame.draw.rect(surface, ink, box, width=4, border_radius=8)
    if ticked:
        icon = ctx.art.image("icons", "check", (TICK_BOX - 8, TICK_BOX - 8), tint=ink)
        surface.blit(icon, icon.get_rect(center=box.center))


def draw_stripe(surface: pygame.Surface, ctx: Context, rect: pygame.Rect, result: str) -> None:
    """A thin feedback stripe on the leading edge of a card."""
    stripe = pygame.Rect(rect.left + 3, rect.top + 3, 10, rect.height - 6)
    if ctx.i18n.rtl:
        stripe.right = rect.right - 3
    pygame.draw.rect(surface, result_colour(ctx, result), stripe, border_radius=5)


def button_row(
    ctx: Context, area: pygame.Rect, top: int, buttons: list[tuple[str, str, object, str]]
) -> list[Button]:
    """Buttons (id, label, action, icon) side by side at the trailing side of `area`, below
    `top`; stacked one per row when they do not fit side by side. The last is the primary."""
    widths = [min(area.width, button_width(ctx, label, icon=True)) for _, label, _, _ in buttons]
    together = sum(widths) + GAP * (len(buttons) - 1) <= area.width
    made: list[Button] = []
    if together:
        height = max(
            button_height(ctx, label, width, icon=True)
            for (_, label, _, _), width in zip(buttons, widths, strict=True)
        )
        x = area.right - sum(widths) - GAP * (len(buttons) - 1)
        for (widget_id, label, action, icon), width in zip(buttons, widths, strict=True):
            made.append(
                Button(
                    widget_id,
                    pygame.Rect(x, top + GAP, width, height),
                    label,
                    action,
                    text=label,
                    icon=icon,
                )
            )
            x += width + GAP
    else:
        y = top
        for widget_id, label, action, icon in buttons:
            button = next_button(ctx, area, y, action, label, icon, widget_id)
            button.style = "normal"
            made.append(button)
            y = button.rect.bottom
    if made:
        made[-1].style = "primary"
    return made


def row_height(ctx: Context, area: pygame.Rect, labels: list[str]) -> int:
    """The height `button_row` takes for these labels, gap above included."""
    widths = [min(area.width, button_width(ctx, label, icon=True)) for label in labels]
    if sum(widths) + GAP * (len(labels) - 1) <= area.width:
        heights = [button_height(ctx, t, w, icon=True) for t, w in zip(labels, widths, strict=True)]
        return max(heights) + GAP
    return sum(
        button_height(ctx, t, w, icon=True) + GAP for t, w in zip(labels, widths, strict=True)
    )
