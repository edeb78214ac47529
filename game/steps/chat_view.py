"""The view of the `chat` step: a pretend messenger where messages arrive one by one.

The chat window shows whole lines only, the newest at the bottom. When big text leaves too
little room, the window first drops its title strip, then makes its pictures small and its
bubbles wide, then says "not in your contacts" on the message itself instead of in a band.
If the newest line still does not fit together with the replies (or the feedback), they take
turns: the chat has the screen to itself with a "Pick a reply" button, the replies have it
with "See the chat", and the feedback has it with the chat hidden. A line taller than the
whole window is shown in pages ("More"), like a speech bubble.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.steps.chat import ChatContact, ChatMessage, ChatReplies, ChatReply, ChatStep
from game.steps.view import MIN_LINES, Bubble, StepHost, StepView, next_button
from game.ui.widgets import (
    GAP,
    MIN_TARGET,
    PADDING,
    RADIUS,
    Button,
    Widget,
    button_height,
    button_width,
)

TYPING_SECONDS = 1.2
"""How long a contact is "typing..." before each message (none with reduced motion)."""

ACTION_ICONS = {"block": "cross", "report": "unsafe", "tell-adult": "player", "leave": "quit"}

LINE_GAP = GAP // 2
"""Space between two lines of the chat."""
COMPACT_AVATAR = 64
"""The size of a contact's picture when space is short (the words never get smaller)."""
BESIDE_SHARE = 0.4
"""The most of the step's width a button beside the chat or the feedback may take."""
ARRANGEMENTS = ("under", "beside", "icon")
"""Where the chat screen's button goes, in order of preference: under the chat window, beside
it (its words wrapped), or beside it as an icon alone (its words are still read aloud)."""


@dataclass
class ChatLine:
    """One line in the chat window: a contact's message, the player's reply, or a note."""

    kind: str
    """"message", "you" or "note"."""
    text: str
    contact: ChatContact | None = None
    icon: str | None = None


@dataclass(frozen=True)
class Look:
    """What the chat window keeps when space is short."""

    header: bool = True
    """The strip with the app's name."""
    bands: bool = True
    """The "not in your contacts" bands under the strip; without them, each message of an
    unknown contact says it in its name row."""
    compact: bool = False
    """Small pictures, wide bubbles and tight rows."""


LOOKS = (
    Look(),
    Look(compact=True),
    Look(header=False, compact=True),
    Look(header=False, bands=False, compact=True),
)
"""The window's looks, from the fullest to the one that leaves the most room for words."""


@dataclass
class Window:
    """Where the parts of the chat window go (left to right; drawn mirrored for RTL)."""

    rect: pygame.Rect
    look: Look = field(default_factory=Look)
    header: pygame.Rect | None = None
    bands: list[tuple[ChatContact, pygame.Rect]] = field(default_factory=list)
    inner: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))

    @property
    def shown(self) -> bool:
        return self.rect.width > 0 and self.rect.height > 0


def hidden_window() -> Window:
    """No chat window: something else has the screen."""
    return Window(pygame.Rect(0, 0, 0, 0))


@dataclass
class Shape:
    """A chat line laid out at one width: its name row, its wrapped words and its sizes."""

    line: ChatLine
    head: str
    """The name row ("" for a note)."""
    head_height: int
    lines: list[str]
    role: str
    text_width: int
    bubble_width: int
    avatar: int
    """The picture beside it (0 for the player's own lines and notes)."""
    pad: int = PADDING
    """The space above and below the words, together."""


@dataclass
class Screen:
    """One layout of the step: its widgets, the chat window and the newest line's pages."""

    widgets: list[Widget]
    window: Window
    pages: list[tuple[int, int]] = field(default_factory=list)
    """The newest line's pages as (first, end) indices of its wrapped lines."""
    apart: str = ""
    """Which part has the screen to itself at big text: "chat", "replies", "feedback" or ""."""


class ChatView(StepView):
    """A chat with named contacts. Messages arrive one by one after a "typing..." pause (skip it
    with "Next message"); at a reply point the player picks a reply or an action (block, report,
    tell a trusted adult, leave). A reply can bring its own messages, end the chat and choose
    where the story goes next. Unknown contacts look different from friends: a grey picture with
    a "?", a dashed outline and the words "not in your contacts".

    A message arrives by itself only while the messages the player has not yet moved on from
    still fit in the window with it; otherwise it waits for "Next message", so no message is
    pushed out of sight before it could be read (at big text, every message waits)."""

    step: ChatStep

    def __init__(self, step: ChatStep, host: StepHost) -> None:
        super().__init__(step, host)
        self.log: list[ChatLine] = []
        self.queue: list[ChatMessage | ChatReplies] = list(step.chat.script)
        self.point: ChatReplies | None = None
        self.chosen: ChatReply | None = None
        self.asked: ChatReplies | None = None
        self.before_reply = (0, None)
        self.next_at: float | None = None
        self.goto: str | None = None
        self.over = False
        self.feedback: Bubble | None = None
        self.area: pygame.Rect | None = None
        """The step's area at the last layout (None before the first)."""
        self.started = False
        self.seen_from = 0
        """Lines from this index on arrived since the player last pressed something."""
        self.screen = Screen([], hidden_window())
        self.replying = False
        """Whether the replies have the screen (when they take turns with the chat)."""
        self.reply_page = 0
        self.line_page = 0
        """The page of the newest line shown, when it is taller than the window."""

    # The script ----------------------------------------------------------------------------
    @property
    def instant(self) -> bool:
        return self.ctx.settings.reduced_motion

    @property
    def window(self) -> pygame.Rect:
        """Where the chat window is on screen (left to right; empty when hidden)."""
        return self.screen.window.rect

    def contact(self, contact_id: str) -> ChatContact | None:
        return self.step.contact(contact_id)

    def _message_line(self, message: ChatMessage) -> ChatLine:
        return ChatLine("message", self.host.t(message.text), self.contact(message.sender))

    def _reveal(self, sound: bool = True, relayout: bool = True) -> None:
        """Show the next message now, then wait for the one after (or stop at a reply point).

        The one after comes by itself (after its typing pause, or at once with reduced motion)
        only when it fits in the window together with what the player has not moved on from."""
        while self.queue:
            entry = self.queue[0]
            if isinstance(entry, ChatReplies):
                self.queue.pop(0)
                self.point = entry
                self.replying = False
                self.reply_page = 0
                self.next_at = None
                if relayout:
                    self.host.relayout()
                return
            self.queue.pop(0)
            self.log.append(self._message_line(entry))
            self.line_page = 0
            if sound:
                self.ctx.audio.play("message")
                sound = False
            if self.queue and isinstance(self.queue[0], ChatMessage):
                if not self._room_for_next():
                    self.next_at = None
                    break
                if not self.instant:
                    self.next_at = self.ctx.clock() + TYPING_SECONDS
                    break
        if not self.queue and self.point is None:
            self.next_at = None
            self.over = True
        if relayout:
            self.host.relayout()

    def _room_for_next(self) -> bool:
        """Whether the next message can join the lines the player has not moved on from, all of
        them whole in the window while messages arrive (replies may cover older lines later,
        as in any messenger)."""
        unseen = self.log[self.seen_from :]
        if self.area is None or not unseen:
            return True
        entry = self.queue[0]
        assert isinstance(entry, ChatMessage)
        line = self._message_line(entry)
        saved = (self.point, self.over, self.replying, self.line_page, self.next_at)
        self.log.append(line)
        self.point, self.over, self.replying, self.line_page, self.next_at = (
            None,
            False,
            False,
            0,
            None,
        )
        try:
            screen = self._screen(self.area)
        finally:
            self.log.pop()
            self.point, self.over, self.replying, self.line_page, self.next_at = saved
        window = screen.window
        if not window.shown or len(screen.pages) != 1:
            return False
        shapes = [self._shape(shown, window) for shown in [*unseen, line]]
        used = sum(self._height(shape) for shape in shapes) + LINE_GAP * (len(shapes) - 1)
        return used <= window.inner.height

    def typing(self) -> ChatContact | None:
        """Who is typing now, if anyone."""
        if self.next_at is None or not self.queue or not isinstance(self.queue[0], ChatMessage):
            return None
        return self.contact(self.queue[0].sender)

    def update(self, now: float) -> bool:
        if self.next_at is None or now < self.next_at:
            return False
        self.next_at = None
        self._reveal()
        return True

    def deadline(self) -> float | None:
        return self.next_at

    def skip(self) -> None:
        """Next message: no waiting for the typing pause."""
        self.next_at = None
        self.seen_from = len(self.log)
        self._reveal()

    def other_person(self) -> str:
        """The name an action is about: the latest unknown sender, else the latest sender."""
        senders = [line.contact for line in self.log if line.kind == "message" and line.contact]
        unknown = [contact for contact in senders if not contact.known]
        chosen = (unknown or senders or list(self.step.chat.contacts))[-1]
        return self.host.t(chosen.name)

    def reply_text(self, reply: ChatReply) -> str:
        """The words on a reply button: the author's, or the action's own."""
        if reply.text is not None:
            return self.host.t(reply.text)
        _ = self.ctx._
        name = self.other_person()
        return {
            "block": _("Block {name}").format(name=name),
            "report": _("Report {name}").format(name=name),
            "tell-adult": _("Tell a trusted adult"),
            "leave": _("Leave the chat"),
        }[str(reply.action)]

    def action_note(self, reply: ChatReply) -> str:
        _ = self.ctx._
        name = self.other_person()
        return {
            "block": _("You blocked {name}. They cannot message you now.").format(name=name),
            "report": _("You reported {name}. Thank you!").format(name=name),
            "tell-adult": _("You told a trusted adult."),
            "leave": _("You left the chat."),
        }[str(reply.action)]

    def answer(self, index: int) -> None:
        """Send a reply (or do an action), count it, and show its feedback."""
        assert self.point is not None
        reply = self.point.replies[index]
        self.asked, self.point = self.point, None
        self.reply_page = 0
        self.replying = False
        self.before_reply = (len(self.log), self.goto)
        if reply.action is not None:
            self.log.append(
                ChatLine("note", self.action_note(reply), icon=ACTION_ICONS[str(reply.action)])
            )
        else:
            self.log.append(ChatLine("you", self.reply_text(reply)))
        self.line_page = 0
        if reply.goto is not None:
            self.goto = reply.goto
        result = str(reply.result)
        self.host.record(result)
        self.feedback_sound(result)
        retry = self.forgiving and result == "unsafe"
        if reply.feedback is not None or retry:
            self.chosen = reply
            _ = self.ctx._
            text = (
                self.host.t(reply.feedback)
                if reply.feedback
                else _("Let's think about that again.")
            )
            self.feedback = Bubble(self.ctx, text, self.heading(result), result)
            self.host.relayout()
            return
        self._carry_on(reply)

    def heading(self, result: str) -> str:
        _ = self.ctx._
        if result == "safe":
            return _("Good choice!")
        if result == "unsafe":
            return _("Let's think again") if self.forgiving else _("Think again")
        return _("That can be OK")

    def _carry_on(self, reply: ChatReply) -> None:
        self.chosen = None
        self.feedback = None
        self.replying = False
        self.seen_from = len(self.log)
        self.queue = list(reply.then) + ([] if reply.ends else self.queue)
        if reply.then and not self.instant:
            # The first message of a reply's answer also takes a moment to type.
            self.next_at = (
                self.ctx.clock() + TYPING_SECONDS
                if isinstance(reply.then[0], ChatMessage)
                else None
            )
            if self.next_at is None:
                self._reveal(relayout=False)
        else:
            self._reveal(relayout=False)
        self.host.relayout()

    def go_on(self) -> None:
        """After the feedback: the chat carries on."""
        assert self.chosen is not None
        self._carry_on(self.chosen)

    def retry(self) -> None:
        """Under-9: take the reply back and choose again (straight to the replies when they
        take turns with the chat)."""
        length, goto = self.before_reply
        del self.log[length:]
        self.goto = goto
        self.point, self.asked = self.asked, None
        self.chosen = None
        self.feedback = None
        self.replying = True
        self.reply_page = 0
        self.line_page = 0
        self.host.relayout()

    def leave(self) -> None:
        """The chat is over: on to the next step, or where the replies led."""
        self.host.advance(self.goto)

    def mood(self) -> str:
        if self.chosen is not None:
            return {"safe": "proud", "unsafe": "concerned"}.get(str(self.chosen.result), "happy")
        return "thinking" if self.point is not None else "happy"

    # Turning pages and screens ---------------------------------------------------------------
    def _more_line(self) -> None:
        self.line_page += 1
        self.host.relayout()

    def _more_feedback(self) -> None:
        assert self.feedback is not None
        self.feedback.page += 1
        self.host.relayout()

    def _more_replies(self) -> None:
        self.reply_page += 1
        self.host.relayout()

    def _show_replies(self) -> None:
        self.replying = True
        self.reply_page = 0
        self.host.relayout()

    def _show_chat(self) -> None:
        self.replying = False
        self.line_page = 0
        self.host.relayout()

    def _answerer(self, index: int) -> Callable[[], None]:
        return lambda: self.answer(index)

    # Layout --------------------------------------------------------------------------------
    def build(self, area: pygame.Rect) -> list[Widget]:
        self.area = area
        if not self.started:
            self.started = True
            self._reveal(sound=False, relayout=False)
        self.screen = self._screen(area)
        if self.screen.pages:
            self.line_page = min(self.line_page, len(self.screen.pages) - 1)
        return self.screen.widgets

    def _screen(self, area: pygame.Rect) -> Screen:
        """The layout for the step as it is now (it changes no more than page numbers)."""
        _ = self.ctx._
        if self.chosen is not None and self.feedback is not None:
            return self._feedback_screen(area)
        if self.point is not None:
            together = self._replies_under_chat(area)
            if together is not None:
                return together
            if self.replying:
                return self._replies_screen(area)
            pick = ("start", _("Pick a reply"), self._show_replies)
            return self._chat_screen(area, pick, apart="chat")
        if self.over:
            return self._chat_screen(area, ("next", _("Next"), self.leave))
        return self._chat_screen(area, ("next-message", _("Next message"), self.skip))

    def _chat_screen(
        self, area: pygame.Rect, final: tuple[str, str, Callable[[], None]], apart: str = ""
    ) -> Screen:
        """The chat window with one button that moves on: under it if the newest line still
        fits whole, else beside it; "More" first when the newest line needs pages."""
        _ = self.ctx._
        widget_id, label, action = final
        more = _("More")
        best: tuple[list[tuple[int, int]], Window, pygame.Rect, str] | None = None
        for kind in ARRANGEMENTS:
            room, box = self._controls(area, [label, more], kind)
            if room.width <= 0 or room.height <= 0:
                continue
            for look in LOOKS:
                window = self._lay_window(room, look)
                pages = self._latest_pages(window)
                if pages is not None and (best is None or len(pages) < len(best[0])):
                    best = (pages, window, box, kind)
                if best is not None and len(best[0]) == 1:
                    break
            if best is not None and len(best[0]) == 1:
                break
        if best is None:
            # Not even one line fits anywhere: show the smallest look and its newest line.
            room, box = self._controls(area, [label, more], "under")
            window = self._lay_window(room, LOOKS[-1])
            lines = len(self._shape(self.log[-1], window).lines) if self.log else 0
            best = (
                [(first, first + 1) for first in range(lines)] or [(0, 0)],
                window,
                box,
                "under",
            )
        pages, window, box, kind = best
        if len(pages) > 1 and pages[0][1] - pages[0][0] < MIN_LINES:
            # Too few lines of the newest message a page: the button goes into the bottom
            # bar's row (as a line of Sango's does) and the window takes the whole area.
            slot = self.host.bar_room(
                min(
                    area.width,
                    max(button_width(self.ctx, text, icon=True) for text in (label, more)),
                )
            )
            for look in LOOKS if slot is not None else ():
                window_in_bar = self._lay_window(area, look)
                pages_in_bar = self._latest_pages(window_in_bar)
                if pages_in_bar is not None and len(pages_in_bar) < len(pages):
                    pages, window, box, kind = pages_in_bar, window_in_bar, slot, "bar"
        if min(self.line_page, len(pages) - 1) < len(pages) - 1:
            widget_id, label, action = "more", more, self._more_line
        return Screen([self._control(box, kind, widget_id, label, action)], window, pages, apart)

    def _controls(
        self, area: pygame.Rect, labels: list[str], kind: str
    ) -> tuple[pygame.Rect, pygame.Rect]:
        """The room left for the chat window, and the box its button goes in (room is made for
        the widest of `labels`, so turning pages keeps the window still)."""
        ctx = self.ctx
        widest = max(button_width(ctx, label, icon=True) for label in labels)
        nothing = (
            pygame.Rect(area.left, area.top, 0, 0),
            pygame.Rect(area.right, area.bottom, 0, 0),
        )
        if kind == "icon":
            side = max(MIN_TARGET, ctx.text.size("button") + 12 + 2 * PADDING)
            box = pygame.Rect(area.right - side, area.bottom - side, side, side)
            return pygame.Rect(area.left, area.top, box.left - GAP - area.left, area.height), box
        if kind == "beside":
            # Words wrap between words, never inside one: no room for that, no button beside.
            words = max(
                button_width(ctx, word, icon=True) for text in labels for word in text.split()
            )
            width = max(words, self._narrowest(labels, min(widest, int(area.width * BESIDE_SHARE))))
            if width > area.width * BESIDE_SHARE:
                return nothing
        else:
            width = min(widest, area.width)
        height = max(button_height(ctx, label, width, icon=True) for label in labels)
        if height > area.height:
            return nothing
        box = pygame.Rect(area.right - width, area.bottom - height, width, height)
        if kind == "beside":
            return pygame.Rect(area.left, area.top, box.left - GAP - area.left, area.height), box
        return pygame.Rect(area.left, area.top, area.width, box.top - GAP - area.top), box

    def _narrowest(self, labels: list[str], width: int) -> int:
        """The narrowest width up to `width` at which the labels wrap to no more lines."""
        ctx = self.ctx
        tallest = max(button_height(ctx, label, width, icon=True) for label in labels)
        for narrower in range(MIN_TARGET, width, 16):
            if all(button_height(ctx, label, narrower, icon=True) <= tallest for label in labels):
                return narrower
        return width

    def _control(
        self, box: pygame.Rect, kind: str, widget_id: str, label: str, action: Callable[[], None]
    ) -> Button:
        """The chat screen's button, at the trailing bottom corner of its box."""
        if kind == "icon":
            return Button(
                widget_id, box.copy(), label, action, text="", icon="next", style="primary"
            )
        ctx = self.ctx
        width = min(box.width, button_width(ctx, label, icon=True))
        height = button_height(ctx, label, width, icon=True)
        if kind == "bar":
            height = max(height, box.height)
        rect = pygame.Rect(box.right - width, box.bottom - height, width, height)
        return Button(widget_id, rect, label, action, text=label, icon="next", style="primary")

    def _reply_texts(self) -> tuple[list[str], list[str | None]]:
        assert self.point is not None
        replies = self.point.replies
        texts = [self.reply_text(reply) for reply in replies]
        icons = [ACTION_ICONS.get(str(r.action)) if r.action else "chat" for r in replies]
        return texts, icons

    def _reply_button(
        self, index: int, rect: pygame.Rect, texts: list[str], icons: list[str | None]
    ) -> Button:
        return Button(
            f"reply-{index + 1}",
            rect,
            texts[index],
            self._answerer(index),
            text=texts[index],
            icon=icons[index],
            align="left",
        )

    def _replies_under_chat(self, area: pygame.Rect) -> Screen | None:
        """Every reply under the chat window, in one or two columns, if the window above them
        still shows the newest line whole; None when they must take turns."""
        ctx = self.ctx
        texts, icons = self._reply_texts()
        layouts = []
        for columns in (1, 2):
            width = (area.width - (columns - 1) * GAP) // columns
            heights = [button_height(ctx, text, width, icon=True) for text in texts]
            rows = [max(heights[i : i + columns]) for i in range(0, len(heights), columns)]
            layouts.append((sum(rows) + GAP * (len(rows) - 1), columns, width, rows))
        total, columns, width, rows = min(layouts)
        room = pygame.Rect(area.left, area.top, area.width, area.height - total - GAP)
        if room.height <= 0:
            return None
        for look in LOOKS:
            window = self._lay_window(room, look)
            pages = self._latest_pages(window)
            if pages is not None and len(pages) == 1:
                break
        else:
            return None
        widgets: list[Widget] = []
        y = area.bottom - total
        for row_index, row_height in enumerate(rows):
            for column in range(columns):
                index = row_index * columns + column
                if index >= len(texts):
                    break
                rect = pygame.Rect(area.left + column * (width + GAP), y, width, row_height)
                widgets.append(self._reply_button(index, rect, texts, icons))
            y += row_height + GAP
        return Screen(widgets, window, pages)

    def _replies_screen(self, area: pygame.Rect) -> Screen:
        """The replies on a screen of their own, paged, with "See the chat" (and "More
        replies") under them. When a reply is too tall for that, the two become icons (their
        words are still read aloud): in a row under the replies, or in a column at the
        trailing side, below every reply but the first of the page, so the focus still goes
        in reading order. Plain replies then drop their speech-bubble icon for more words."""
        ctx = self.ctx
        _ = ctx._
        texts, icons = self._reply_texts()
        labels = [_("See the chat"), _("More replies")]
        plain = [icon if icon != "chat" else None for icon in icons]
        big = max(MIN_TARGET, ctx.text.size("button") + 12 + 2 * PADDING)
        nav_height = self._nav_row(area, labels)[0]
        choices = [("words", nav_height), ("row", big), ("column", big)]
        choices += [("row", MIN_TARGET), ("column", MIN_TARGET)]
        for kind, side in choices:
            shown = icons if kind == "words" else plain
            if kind == "column":
                room = pygame.Rect(area.left, area.top, area.width - side - GAP, area.height)
                more_room = area.height - 2 * side - 2 * GAP
            else:
                room = pygame.Rect(area.left, area.top, area.width, area.height - side - GAP)
                more_room = room.height
            heights = [
                button_height(ctx, text, room.width, icon=icon is not None)
                for text, icon in zip(texts, shown, strict=True)
            ]
            if max(heights) <= room.height:
                break
        pages = self._reply_pages(heights, room.height, more_room)
        self.reply_page %= len(pages)
        widgets: list[Widget] = []
        y = room.top
        for index in pages[self.reply_page]:
            rect = pygame.Rect(room.left, y, room.width, heights[index])
            widgets.append(self._reply_button(index, rect, texts, shown))
            y += heights[index] + GAP
        nav = [("chat", labels[0], self._show_chat, "chat")]
        if len(pages) > 1:
            nav.append(("more-replies", labels[1], self._more_replies, "next"))
        if kind == "column":
            y = area.bottom - len(nav) * side - (len(nav) - 1) * GAP
            for widget_id, label, action, icon in nav:
                rect = pygame.Rect(area.right - side, y, side, side)
                widgets.append(Button(widget_id, rect, label, action, text="", icon=icon))
                y += side + GAP
            return Screen(widgets, hidden_window(), apart="replies")
        if kind == "row":
            widths = [side] * len(nav)
        else:
            widths = self._nav_row(area, [label for _, label, _, _ in nav])[1]
        x = area.left
        for (widget_id, label, action, icon), width in zip(nav, widths, strict=True):
            words = label if kind == "words" else ""
            height = button_height(ctx, label, width, icon=True) if words else side
            rect = pygame.Rect(x, area.bottom - height, width, height)
            widgets.append(Button(widget_id, rect, label, action, text=words, icon=icon))
            x += width + GAP
        return Screen(widgets, hidden_window(), apart="replies")

    @staticmethod
    def _reply_pages(heights: list[int], room: int, more_room: int) -> list[list[int]]:
        """The replies on each page: the first, then more while they end within `more_room`
        (the first may use all of `room`)."""
        pages: list[list[int]] = [[]]
        used = 0
        for index, height in enumerate(heights):
            if pages[-1] and (used + height > room or used + height > more_room):
                pages.append([])
                used = 0
            pages[-1].append(index)
            used += height + GAP
        return pages

    def _nav_row(self, area: pygame.Rect, labels: list[str]) -> tuple[int, list[int]]:
        """The height and the button widths of a row of buttons across the bottom: each as wide
        as its words, or sharing the width equally (words wrapped) when they do not fit."""
        ctx = self.ctx
        widths = [min(area.width, button_width(ctx, label, icon=True)) for label in labels]
        if sum(widths) + GAP * (len(widths) - 1) > area.width:
            share = (area.width - GAP * (len(widths) - 1)) // len(widths)
            widths = [share] * len(widths)
        height = max(
            button_height(ctx, label, width, icon=True)
            for label, width in zip(labels, widths, strict=True)
        )
        return height, widths

    def _feedback_screen(self, area: pygame.Rect) -> Screen:
        """The feedback under the chat window when the newest line still shows whole above it;
        else the feedback has the screen, its button under it or, at the biggest sizes, beside."""
        ctx = self.ctx
        _ = ctx._
        assert self.chosen is not None and self.feedback is not None
        bubble = self.feedback
        retry = self.forgiving and str(self.chosen.result) == "unsafe"
        label = _("Try again") if retry else _("Next")
        more = _("More")
        page = bubble.page
        if retry:
            final: tuple[str, str, Callable[[], None], str] = (
                "retry",
                label,
                self.retry,
                "try-again",
            )
        else:
            final = ("next", label, self.go_on, "next")
        width = min(area.width, button_width(ctx, label, icon=True))
        button_h = button_height(ctx, label, width, icon=True)
        whole = bubble.layout(area, area.height * 10)
        needed = whole.height + GAP + button_h
        room = pygame.Rect(area.left, area.top, area.width, area.height - needed - GAP)
        if len(bubble.pages) == 1 and room.height > 0:
            for look in LOOKS:
                window = self._lay_window(room, look)
                pages = self._latest_pages(window)
                if pages is not None and len(pages) == 1:
                    whole.top = area.bottom - needed
                    bubble.rect = whole
                    widget_id, label, action, icon = final
                    button = next_button(ctx, area, whole.bottom, action, label, icon, widget_id)
                    return Screen([button], window, pages)
        # Alone: under its button, or beside it if that takes fewer pages (the biggest sizes).
        best: tuple[tuple[int, int, bool], str] | None = None
        for kind in ("under", "beside"):
            room, box = self._controls(area, [label, more], kind)
            if room.width <= 0 or room.height <= 0:
                continue
            rect = self._lay_feedback(bubble, area, room, kind)
            fits = rect.height <= (room.height if kind == "under" else area.height)
            # Fewest pages; at a tie, the one whose heading shows with the words on every page.
            folded = bool(getattr(bubble, "folded", False))
            score = (0 if fits else 1, len(bubble.pages), folded)
            if best is None or score < best[0]:
                best = (score, kind)
        kind = best[1] if best is not None else "under"
        room, box = self._controls(area, [label, more], kind)
        bubble.page = page
        rect = self._lay_feedback(bubble, area, room, kind)
        squeezed = rect.height > (room.height if kind == "under" else area.height) or (
            len(bubble.pages) > 1 and len(bubble.pages[0]) < MIN_LINES
        )
        if squeezed:
            # Too little room a page beside or under the button: the button goes into the
            # bottom bar's row (as a line of Sango's does) and the feedback takes the height.
            widest = max((label, more), key=lambda text: button_width(ctx, text, icon=True))
            slot = self.host.bar_room(min(area.width, button_width(ctx, widest, icon=True)))
            if slot is not None:
                kind, box = "bar", slot
                rect = bubble.layout(area, area.height)
        widget_id, label, action, icon = final
        if bubble.has_more:
            widget_id, label, action, icon = "more", more, self._more_feedback, "next"
        if kind == "bar":
            width = min(box.width, button_width(ctx, label, icon=True))
            height = max(button_height(ctx, label, width, icon=True), box.height)
            button = Button(
                widget_id,
                pygame.Rect(box.right - width, box.bottom - height, width, height),
                label,
                action,
                text=label,
                icon=icon,
                style="primary",
            )
        elif kind == "under":
            button = next_button(ctx, area, rect.bottom, action, label, icon, widget_id)
        else:
            width = min(box.width, button_width(ctx, label, icon=True))
            height = button_height(ctx, label, width, icon=True)
            bottom = min(area.bottom, max(rect.bottom, rect.top + height))
            button = Button(
                widget_id,
                pygame.Rect(box.right - width, bottom - height, width, height),
                label,
                action,
                text=label,
                icon=icon,
                style="primary",
            )
        return Screen([button], hidden_window(), apart="feedback")

    @staticmethod
    def _lay_feedback(
        bubble: Bubble, area: pygame.Rect, room: pygame.Rect, kind: str
    ) -> pygame.Rect:
        """Lay the feedback out alone: above its button, or in the room beside it."""
        if kind == "under":
            return bubble.layout(area, room.height)
        return bubble.layout(room, area.height)

    # The window's parts ----------------------------------------------------------------------
    def avatar_size(self) -> int:
        return self.ctx.text.line_height("body") + 12

    def _avatar(self, look: Look) -> int:
        return min(self.avatar_size(), COMPACT_AVATAR) if look.compact else self.avatar_size()

    def _strangers(self) -> list[ChatContact]:
        """Contacts not in the player's contacts who have said something."""
        return [c for c in self.step.chat.contacts if not c.known and self._has_spoken(c)]

    def _has_spoken(self, contact: ChatContact) -> bool:
        return any(line.contact is contact for line in self.log)

    def _stranger_note(self, contact: ChatContact) -> str:
        return self.ctx._("{name} is not in your contacts").format(name=self.host.t(contact.name))

    def _title(self) -> str:
        return self.host.t(self.step.chat.app) if self.step.chat.app else self.ctx._("Chat")

    def _slack(self, role: str, look: Look) -> int:
        """The space a row keeps below its words: a line's leading, except when compact."""
        if look.compact:
            return 0
        text = self.ctx.text
        return max(0, text.line_height(role) - text.font(role).get_height())

    def _lay_window(self, room: pygame.Rect, look: Look) -> Window:
        """The window filling `room`: its title strip, its bands, and the room for lines."""
        text = self.ctx.text
        top = room.top
        header = None
        if look.header:
            icon = text.size("button") + 4
            width = max(40, room.width - 2 * PADDING - icon - PADDING // 2)
            height = text.block_height(self._title(), "button", width) + PADDING
            header = pygame.Rect(room.left, top, room.width, height + self._slack("button", look))
            top = header.bottom
        bands: list[tuple[ChatContact, pygame.Rect]] = []
        if look.bands:
            for contact in self._strangers():
                width = self._band_text_width(room.width)
                height = text.block_height(self._stranger_note(contact), "small", width)
                height += 4 if look.compact else 8
                band = pygame.Rect(room.left + 3, top, room.width - 6, height)
                band.height += self._slack("small", look)
                bands.append((contact, band))
                top = band.bottom
        pad = PADDING // 2 if look.compact else PADDING
        inner = pygame.Rect(
            room.left + PADDING,
            top + pad // 2,
            room.width - 2 * PADDING,
            max(0, room.bottom - top - pad),
        )
        return Window(room.copy(), look, header, bands, inner)

    def _band_text_width(self, window_width: int) -> int:
        badge = self.ctx.text.size("small") + 4
        return max(40, window_width - 6 - 2 * PADDING - badge - PADDING // 2)

    def _shape(self, line: ChatLine, window: Window) -> Shape:
        """A line laid out in the window's width and look."""
        text = self.ctx.text
        look = window.look
        inner_width = window.inner.width
        if line.kind == "note":
            width = max(40, inner_width - 2 * self._note_margin())
            lines = text.wrap(line.text, "small", width) or [""]
            return Shape(line, "", 0, lines, "small", width, inner_width, 0)
        avatar = self._avatar(look)
        if look.compact:
            bubble_width = inner_width - avatar - PADDING // 2
        else:
            bubble_width = int(inner_width * 0.78) - avatar
        text_width = max(40, bubble_width - 2 * PADDING)
        head = self._name_row(line, look)
        head_height = text.block_height(head, "small", text_width) + self._slack("small", look)
        lines = text.wrap(line.text, "body", text_width) or [""]
        return Shape(
            line,
            head,
            head_height,
            lines,
            "body",
            text_width,
            bubble_width,
            avatar if line.kind == "message" else 0,
            PADDING // 2 if look.compact else PADDING,
        )

    def _note_margin(self) -> int:
        """The room each side of a note's words: its icon fits in it."""
        return max(40, self.ctx.text.size("small") + 12)

    def _name_row(self, line: ChatLine, look: Look) -> str:
        if line.kind == "you":
            return self.ctx._("You")
        contact = line.contact
        if contact is None:
            return "?"
        if not contact.known and not look.bands:
            return self._stranger_note(contact)
        return self.host.t(contact.name)

    def _block(self, role: str, count: int) -> int:
        text = self.ctx.text
        return text.font(role).get_height() + max(0, count - 1) * text.line_height(role)

    def _height(self, shape: Shape, count: int | None = None) -> int:
        """The height of a line showing `count` of its wrapped lines (all by default)."""
        count = len(shape.lines) if count is None else count
        if shape.line.kind == "note":
            return self._block("small", count) + 8
        return max(shape.avatar, shape.head_height + self._block("body", count) + shape.pad)

    def _per_page(self, shape: Shape, room: int) -> int:
        """How many of the line's wrapped lines fit in `room` (0: not even one)."""
        count = 0
        while count < len(shape.lines) and self._height(shape, count + 1) <= room:
            count += 1
        return count

    def _typing_words(self, contact: ChatContact) -> str:
        return self.ctx._("{name} is typing…").format(name=self.host.t(contact.name))

    def _typing_height(self, window: Window, contact: ChatContact) -> int:
        avatar = self._avatar(window.look)
        width = max(40, window.inner.width - avatar - PADDING)
        words = self.ctx.text.block_height(self._typing_words(contact), "small", width)
        return max(avatar, words)

    def _latest_pages(self, window: Window) -> list[tuple[int, int]] | None:
        """The newest line's pages in this window (one when it fits whole); None when not even
        one of its lines fits."""
        if not window.shown or window.inner.height <= 0:
            return None
        if not self.log:
            return [(0, 0)]
        shape = self._shape(self.log[-1], window)
        room = window.inner.height
        typing = self.typing()
        if typing is not None:
            room -= self._typing_height(window, typing) + LINE_GAP
        per_page = self._per_page(shape, room)
        if per_page == 0:
            return None
        total = len(shape.lines)
        return [(first, min(total, first + per_page)) for first in range(0, total, per_page)]

    # Drawing -------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        if self.screen.window.shown:
            self._draw_window(surface, self.screen.window)
        if self.chosen is not None and self.feedback is not None:
            self.feedback.draw(surface, self.host.place)

    def _draw_window(self, surface: pygame.Surface, window: Window) -> None:
        ctx = self.ctx
        theme = ctx.theme
        place = self.host.place
        pygame.draw.rect(surface, theme.panel, place(window.rect), border_radius=RADIUS)
        if window.header is not None:
            self._draw_header(surface, window.header)
        for contact, band in window.bands:
            self._draw_band(surface, contact, band, window.look)
        pygame.draw.rect(
            surface, theme.panel_edge, place(window.rect), width=3, border_radius=RADIUS
        )
        inner = window.inner
        clip = surface.get_clip()
        surface.set_clip(place(inner))
        y = inner.bottom
        typing = self.typing()
        if typing is not None:
            height = self._typing_height(window, typing)
            if height <= inner.height:
                self._draw_typing(surface, typing, window, y - height)
                y -= height + LINE_GAP
        newest = len(self.log) - 1
        for index in range(newest, -1, -1):
            shape = self._shape(self.log[index], window)
            first, end = 0, len(shape.lines)
            if index == newest and self.screen.pages:
                first, end = self.screen.pages[min(self.line_page, len(self.screen.pages) - 1)]
                end = min(end, len(shape.lines))
            height = self._height(shape, end - first)
            if y - height < inner.top and not (index == newest and y == inner.bottom):
                break
            self._draw_line(surface, shape, inner, y - height, shape.lines[first:end])
            y -= height + LINE_GAP
        surface.set_clip(clip)

    def _draw_header(self, surface: pygame.Surface, header: pygame.Rect) -> None:
        ctx = self.ctx
        theme = ctx.theme
        place = self.host.place
        pygame.draw.rect(
            surface,
            theme.bar,
            place(header),
            border_top_left_radius=RADIUS,
            border_top_right_radius=RADIUS,
        )
        size = ctx.text.size("button") + 4
        icon = ctx.art.image("icons", "chat", (size, size), tint=theme.ink)
        left = header.left + PADDING
        surface.blit(icon, place(pygame.Rect(left, header.centery - size // 2, size, size)))
        width = max(40, header.width - 2 * PADDING - size - PADDING // 2)
        title = ctx.text.render(self._title(), "button", theme.ink, width, self._align())
        top = header.centery - title.get_height() // 2
        spot = pygame.Rect(left + size + PADDING // 2, top, *title.get_size())
        surface.blit(title, place(spot))

    def _draw_band(
        self, surface: pygame.Surface, contact: ChatContact, band: pygame.Rect, look: Look
    ) -> None:
        ctx = self.ctx
        theme = ctx.theme
        place = self.host.place
        pygame.draw.rect(
            surface, _STRANGER_BAND if not ctx.settings.high_contrast else theme.panel, place(band)
        )
        size = ctx.text.size("small") + 4
        left = band.left + PADDING
        note = ctx.text.render(
            self._stranger_note(contact),
            "small",
            theme.ink,
            self._band_text_width(band.width + 6),
            self._align(),
        )
        top = band.top + (2 if look.compact else 4)
        _draw_question_badge(surface, ctx, place(pygame.Rect(left, top, size, size)))
        surface.blit(note, place(pygame.Rect(left + size + PADDING // 2, top, *note.get_size())))

    def _align(self) -> str:
        return "right" if self.ctx.i18n.rtl else "left"

    def _draw_line(
        self,
        surface: pygame.Surface,
        shape: Shape,
        inner: pygame.Rect,
        top: int,
        lines: list[str],
    ) -> None:
        ctx = self.ctx
        theme = ctx.theme
        place = self.host.place
        line = shape.line
        words = "\n".join(lines)
        if line.kind == "note":
            text = ctx.text.render(words, "small", theme.soft_ink, shape.text_width, "center")
            spot = pygame.Rect(inner.left + self._note_margin(), top + 4, *text.get_size())
            surface.blit(text, place(spot))
            if line.icon:
                size = ctx.text.size("small")
                icon = ctx.art.image("icons", line.icon, (size, size), tint=theme.soft_ink)
                surface.blit(icon, place(pygame.Rect(inner.left + 4, top + 4, size, size)))
            return
        mine = line.kind == "you"
        ink = theme.primary_ink if mine else theme.ink
        name_ink = theme.primary_ink if mine else theme.soft_ink
        body = ctx.text.render(words, "body", ink, shape.text_width, self._align())
        name = ctx.text.render(shape.head, "small", name_ink, shape.text_width, self._align())
        widest = max(
            [ctx.text.measure(part, "body")[0] for part in lines]
            + [
                ctx.text.measure(part, "small")[0]
                for part in ctx.text.wrap(shape.head, "small", shape.text_width)
            ]
        )
        used = min(shape.bubble_width, max(widest, 120) + 2 * PADDING)
        height = shape.head_height + self._block("body", len(lines)) + shape.pad
        if mine:
            bubble = pygame.Rect(inner.right - used, top, used, height)
            pygame.draw.rect(surface, theme.primary, place(bubble), border_radius=RADIUS)
        else:
            contact = line.contact
            face = pygame.Rect(inner.left, top, shape.avatar, shape.avatar)
            self._draw_avatar(surface, contact, place(face))
            bubble = pygame.Rect(face.right + PADDING // 2, top, used, height)
            placed = place(bubble)
            if contact is not None and contact.known:
                fill = _FRIEND_FILL if not ctx.settings.high_contrast else theme.panel
                pygame.draw.rect(surface, fill, placed, border_radius=RADIUS)
                pygame.draw.rect(surface, theme.panel_edge, placed, width=2, border_radius=RADIUS)
            else:
                fill = _STRANGER_FILL if not ctx.settings.high_contrast else theme.panel
                pygame.draw.rect(surface, fill, placed, border_radius=RADIUS)
                _draw_dashed(surface, theme.soft_ink, placed)
        # The words start at the bubble's leading edge (their surface may reach past its end).
        left = bubble.left + PADDING
        y = top + shape.pad // 2
        surface.blit(name, place(pygame.Rect(left, y, *name.get_size())))
        spot = pygame.Rect(left, y + shape.head_height, *body.get_size())
        surface.blit(body, place(spot))

    def _draw_avatar(
        self, surface: pygame.Surface, contact: ChatContact | None, rect: pygame.Rect
    ) -> None:
        ctx = self.ctx
        if contact is not None and contact.avatar:
            image = ctx.art.image("avatars", contact.avatar, rect.size)
            if not contact.known:
                image = pygame.transform.grayscale(image)
            surface.blit(image, rect)
        else:
            pygame.draw.circle(surface, ctx.theme.bar, rect.center, rect.width // 2)
            size = rect.width * 2 // 3
            icon = ctx.art.image("icons", "player", (size, size), tint=ctx.theme.soft_ink)
            surface.blit(icon, icon.get_rect(center=rect.center))
        if contact is None or not contact.known:
            size = max(22, rect.width * 9 // 20)
            badge = pygame.Rect(rect.right - size + 4, rect.bottom - size + 4, size, size)
            _draw_question_badge(surface, ctx, badge)

    def _draw_typing(
        self, surface: pygame.Surface, contact: ChatContact, window: Window, top: int
    ) -> None:
        ctx = self.ctx
        inner = window.inner
        avatar = self._avatar(window.look)
        self._draw_avatar(
            surface, contact, self.host.place(pygame.Rect(inner.left, top, avatar, avatar))
        )
        width = max(40, inner.width - avatar - PADDING)
        text = ctx.text.render(
            self._typing_words(contact), "small", ctx.theme.soft_ink, width, self._align()
        )
        height = self._typing_height(window, contact)
        spot = pygame.Rect(
            inner.left + avatar + PADDING // 2,
            top + (height - text.get_height()) // 2,
            *text.get_size(),
        )
        surface.blit(text, self.host.place(spot))

    # Narration ------------------------------------------------------------------------------
    def narration(self) -> str:
        """What the screen shows, as one text: the conversation (so a new message is all that
        is new), the replies, the feedback; only the part that has the screen at big text."""
        _ = self.ctx._
        apart = self.screen.apart
        if apart == "feedback" and self.feedback is not None:
            return f"{self.feedback.speaker} {self.feedback.text}"
        if apart == "replies" and self.point is not None:
            return self._replies_narration()
        parts = [self._stranger_note(contact) for contact in self._strangers()]
        for line in self.log:
            if line.kind == "message":
                name = self.host.t(line.contact.name) if line.contact else ""
                parts.append(f"{name}: {line.text}")
            elif line.kind == "you":
                parts.append(_("You: {text}").format(text=line.text))
            else:
                parts.append(line.text)
        typing = self.typing()
        if typing is not None:
            parts.append(self._typing_words(typing))
        if self.feedback is not None and self.chosen is not None:
            parts.append(f"{self.feedback.speaker} {self.feedback.text}")
        elif self.point is not None and apart != "chat":
            parts.append(self._replies_narration())
        return ". ".join(parts)

    def _replies_narration(self) -> str:
        assert self.point is not None
        replies = ". ".join(self.reply_text(reply) for reply in self.point.replies)
        return f"{self.ctx._('Pick a reply:')} {replies}"


_FRIEND_FILL = (226, 239, 255)
_STRANGER_FILL = (236, 236, 236)
_STRANGER_BAND = (255, 244, 214)


def _draw_question_badge(surface: pygame.Surface, ctx, rect: pygame.Rect) -> None:  # noqa: ANN001
    """A round "?" badge: the mark of someone not in your contacts."""
    theme = ctx.theme
    pygame.draw.circle(surface, theme.ink, rect.center, rect.width // 2)
    pygame.draw.circle(surface, theme.panel, rect.center, rect.width // 2, width=2)
    font = ctx.text.font("button")
    mark = font.render("?", True, theme.panel)
    scale = min(1.0, (rect.height - 4) / max(1, mark.get_height()))
    if scale < 1.0:
        mark = pygame.transform.smoothscale_by(mark, scale)
    surface.blit(mark, mark.get_rect(center=rect.center))


def _draw_dashed(
    surface: pygame.Surface, colour, rect: pygame.Rect, dash: int = 10, width: int = 3
) -> None:  # noqa: ANN001
    """A dashed outline: unknown contacts' messages are drawn with one (shape, not colour)."""
    for x in range(rect.left + RADIUS, rect.right - RADIUS, dash * 2):
        end = min(x + dash, rect.right - RADIUS)
        pygame.draw.line(surface, colour, (x, rect.top), (end, rect.top), width)
        pygame.draw.line(surface, colour, (x, rect.bottom - 1), (end, rect.bottom - 1), width)
    for y in range(rect.top + RADIUS, rect.bottom - RADIUS, dash * 2):
        end = min(y + dash, rect.bottom - RADIUS)
        pygame.draw.line(surface, colour, (rect.left, y), (rect.left, end), width)
        pygame.draw.line(surface, colour, (rect.right - 1, y), (rect.right - 1, end), width)
    for cx, cy, start in (
        (rect.left + RADIUS, rect.top + RADIUS, 90),
        (rect.right - RADIUS, rect.top + RADIUS, 0),
        (rect.left + RADIUS, rect.bottom - RADIUS, 180),
        (rect.right - RADIUS, rect.bottom - RADIUS, 270),
    ):
        arc = pygame.Rect(cx - RADIUS, cy - RADIUS, 2 * RADIUS, 2 * RADIUS)
        pygame.draw.arc(
            surface, colour, arc, math.radians(start + 20), math.radians(start + 70), width
        )
