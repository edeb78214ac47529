"""The view of the `chat` step: a pretend messenger where messages arrive one by one."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.steps.chat import ChatContact, ChatMessage, ChatReplies, ChatReply, ChatStep
from game.steps.view import Bubble, StepHost, StepView, next_button
from game.ui.widgets import GAP, PADDING, RADIUS, Button, Widget, button_height

TYPING_SECONDS = 1.2
"""How long a contact is "typing..." before each message (none with reduced motion)."""

ACTION_ICONS = {"block": "cross", "report": "unsafe", "tell-adult": "player", "leave": "quit"}


@dataclass
class ChatLine:
    """One line in the chat window: a contact's message, the player's reply, or a note."""

    kind: str
    """"message", "you" or "note"."""
    text: str
    contact: ChatContact | None = None
    icon: str | None = None


class ChatView(StepView):
    """A chat with named contacts. Messages arrive one by one after a "typing..." pause (skip it
    with "Next message"); at a reply point the player picks a reply or an action (block, report,
    tell a trusted adult, leave). A reply can bring its own messages, end the chat and choose
    where the story goes next. Unknown contacts look different from friends: a grey picture with
    a "?", a dashed outline and the words "not in your contacts"."""

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
        self.window = pygame.Rect(0, 0, 0, 0)
        self.feedback_rect = pygame.Rect(0, 0, 0, 0)
        self.reply_page = 0
        self._reveal(sound=False, relayout=False)

    # The script ----------------------------------------------------------------------------
    @property
    def instant(self) -> bool:
        return self.ctx.settings.reduced_motion

    def contact(self, contact_id: str) -> ChatContact | None:
        return self.step.contact(contact_id)

    def _reveal(self, sound: bool = True, relayout: bool = True) -> None:
        """Show the next message now, then wait for the one after (or stop at a reply point)."""
        while self.queue:
            entry = self.queue[0]
            if isinstance(entry, ChatReplies):
                self.queue.pop(0)
                self.point = entry
                self.next_at = None
                if relayout:
                    self.host.relayout()
                return
            self.queue.pop(0)
            self.log.append(
                ChatLine("message", self.host.t(entry.text), self.contact(entry.sender))
            )
            if sound:
                self.ctx.audio.play("message")
                sound = False
            if self.queue and isinstance(self.queue[0], ChatMessage) and not self.instant:
                self.next_at = self.ctx.clock() + TYPING_SECONDS
                return
        if not self.queue and self.point is None:
            self.next_at = None
            self.over = True
            if relayout:
                self.host.relayout()

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
        self.before_reply = (len(self.log), self.goto)
        if reply.action is not None:
            self.log.append(
                ChatLine("note", self.action_note(reply), icon=ACTION_ICONS[str(reply.action)])
            )
        else:
            self.log.append(ChatLine("you", self.reply_text(reply)))
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
        self.queue = list(reply.then) + ([] if reply.ends else self.queue)
        if reply.then and not self.instant:
            # The first message of a reply's answer also takes a moment to type.
            self.next_at = (
                self.ctx.clock() + TYPING_SECONDS
                if isinstance(reply.then[0], ChatMessage)
                else None
            )
            if self.next_at is None:
                self._reveal()
        else:
            self._reveal()
        self.host.relayout()

    def go_on(self) -> None:
        """After the feedback: the chat carries on."""
        assert self.chosen is not None
        self._carry_on(self.chosen)

    def retry(self) -> None:
        """Under-9: take the reply back and choose again."""
        length, goto = self.before_reply
        del self.log[length:]
        self.goto = goto
        self.point, self.asked = self.asked, None
        self.chosen = None
        self.feedback = None
        self.host.relayout()

    def leave(self) -> None:
        """The chat is over: on to the next step, or where the replies led."""
        self.host.advance(self.goto)

    def mood(self) -> str:
        if self.chosen is not None:
            return {"safe": "proud", "unsafe": "concerned"}.get(str(self.chosen.result), "happy")
        return "thinking" if self.point is not None else "happy"

    # Layout --------------------------------------------------------------------------------
    def build(self, area: pygame.Rect) -> list[Widget]:
        ctx = self.ctx
        _ = ctx._
        widgets: list[Widget] = []
        if self.chosen is not None and self.feedback is not None:
            retry = self.forgiving and str(self.chosen.result) == "unsafe"
            label = _("Try again") if retry else _("Next")
            button_h = button_height(ctx, label, area.width, icon=True)
            room = min(int(area.height * 0.45), area.height - button_h - GAP - 120)
            bottom_area = pygame.Rect(area.left, area.top, area.width, area.height)
            rect = self.feedback.layout(
                bottom_area, max(room, ctx.text.line_height("body") + 2 * PADDING)
            )
            height = rect.height + GAP + button_h
            rect.top = area.bottom - height
            self.feedback.rect = rect
            self.feedback_rect = rect
            if self.feedback.has_more:
                widgets.append(
                    next_button(
                        ctx, area, rect.bottom, self._more_feedback, _("More"), widget_id="more"
                    )
                )
            elif retry:
                widgets.append(
                    next_button(ctx, area, rect.bottom, self.retry, label, "try-again", "retry")
                )
            else:
                widgets.append(next_button(ctx, area, rect.bottom, self.go_on, label))
            self.window = pygame.Rect(area.left, area.top, area.width, rect.top - GAP - area.top)
            return widgets
        if self.point is not None:
            widgets = self._reply_buttons(area)
            top = min(widget.rect.top for widget in widgets)
            self.window = pygame.Rect(area.left, area.top, area.width, top - GAP - area.top)
            return widgets
        if self.over:
            label, action, widget_id = _("Next"), self.leave, "next"
        else:
            label, action, widget_id = _("Next message"), self.skip, "next-message"
        button = next_button(ctx, area, 0, action, label, widget_id=widget_id)
        button.rect.bottom = area.bottom
        self.window = pygame.Rect(area.left, area.top, area.width, button.rect.top - GAP - area.top)
        return [button]

    def _more_feedback(self) -> None:
        assert self.feedback is not None
        self.feedback.page += 1
        self.host.relayout()

    def _reply_buttons(self, area: pygame.Rect) -> list[Widget]:
        """The replies under the chat, in one or two columns; paged with "More replies" when
        they do not fit under a chat window that still shows the latest message."""
        ctx = self.ctx
        _ = ctx._
        assert self.point is not None
        replies = self.point.replies
        texts = [self.reply_text(reply) for reply in replies]
        icons = [ACTION_ICONS.get(str(r.action)) if r.action else "chat" for r in replies]
        header_h = ctx.text.line_height("button") + PADDING
        room = area.height - header_h - self.avatar_size() - 2 * PADDING - GAP
        layouts = []
        for columns in (1, 2):
            width = (area.width - (columns - 1) * GAP) // columns
            heights = [button_height(ctx, text, width, icon=True) for text in texts]
            rows = [max(heights[i : i + columns]) for i in range(0, len(heights), columns)]
            layouts.append((sum(rows) + GAP * (len(rows) - 1), columns, width, rows))
        total, columns, width, rows = min(layouts)
        order = list(range(len(replies)))
        more: Button | None = None
        if total > room:
            columns, width = 1, area.width
            more_label = _("More replies")
            more_h = button_height(ctx, more_label, area.width, icon=True)
            heights = [button_height(ctx, text, width, icon=True) for text in texts]
            if heights and heights[0] + GAP + more_h > room:
                room = area.height
            per_page, used = 0, more_h
            for height in heights:
                if per_page and used + GAP + height > room:
                    break
                used += GAP + height
                per_page += 1
            pages = -(-len(replies) // per_page)
            self.reply_page %= pages
            order = order[self.reply_page * per_page : (self.reply_page + 1) * per_page]
            rows = [heights[i] for i in order]
            more = Button(
                "more-replies",
                pygame.Rect(0, 0, min(area.width, 400), more_h),
                more_label,
                self._more_replies,
                text=more_label,
                icon="next",
            )
        y = area.bottom - sum(rows) - GAP * (len(rows) - 1)
        if more is not None:
            from game.ui.widgets import button_width

            more.rect.width = min(area.width, button_width(ctx, more.text, icon=True))
            y -= more.rect.height + GAP
        widgets: list[Widget] = []
        for row_index, row_h in enumerate(rows):
            for column in range(columns):
                position = row_index * columns + column
                if position >= len(order):
                    break
                index = order[position]
                widgets.append(
                    Button(
                        f"reply-{index + 1}",
                        pygame.Rect(area.left + column * (width + GAP), y, width, row_h),
                        texts[index],
                        self._answerer(index),
                        text=texts[index],
                        icon=icons[index],
                        align="left",
                    )
                )
            y += row_h + GAP
        if more is not None:
            more.rect.topright = (area.right, y)
            widgets.append(more)
        return widgets

    def _more_replies(self) -> None:
        self.reply_page += 1
        self.host.relayout()

    def _answerer(self, index: int):  # noqa: ANN202
        return lambda: self.answer(index)

    # Drawing -------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        self._draw_window(surface)
        if self.chosen is not None and self.feedback is not None:
            self.feedback.draw(surface, self.host.place)

    def avatar_size(self) -> int:
        return self.ctx.text.line_height("body") + 12

    def _draw_window(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        theme = ctx.theme
        _ = ctx._
        window = self.window
        if window.height < 40:
            return
        pygame.draw.rect(surface, theme.panel, self.host.place(window), border_radius=RADIUS)
        header_h = ctx.text.line_height("button") + PADDING
        header = pygame.Rect(window.left, window.top, window.width, header_h)
        pygame.draw.rect(
            surface,
            theme.bar,
            self.host.place(header),
            border_top_left_radius=RADIUS,
            border_top_right_radius=RADIUS,
        )
        title = self.host.t(self.step.chat.app) if self.step.chat.app else _("Chat")
        icon_size = ctx.text.size("button") + 4
        self._blit_row(
            surface,
            header.inflate(-2 * PADDING, 0),
            [("icon", "chat", icon_size), ("text", title, "button")],
        )
        top = header.bottom
        strangers = [c for c in self.step.chat.contacts if not c.known and self._has_spoken(c)]
        for contact in strangers:
            line_h = ctx.text.line_height("small") + 8
            band = pygame.Rect(window.left + 3, top, window.width - 6, line_h)
            if band.bottom > window.bottom - 40:
                break
            pygame.draw.rect(
                surface,
                _STRANGER_BAND if not ctx.settings.high_contrast else theme.panel,
                self.host.place(band),
            )
            note = _("{name} is not in your contacts").format(name=self.host.t(contact.name))
            self._blit_row(
                surface,
                band.inflate(-2 * PADDING, 0),
                [("badge", "?", ctx.text.size("small")), ("text", note, "small")],
            )
            top = band.bottom
        pygame.draw.rect(
            surface, theme.panel_edge, self.host.place(window), width=3, border_radius=RADIUS
        )
        inner = pygame.Rect(
            window.left + PADDING,
            top + PADDING // 2,
            window.width - 2 * PADDING,
            window.bottom - top - PADDING,
        )
        clip = surface.get_clip()
        surface.set_clip(self.host.place(inner))
        y = inner.bottom
        typing = self.typing()
        if typing is not None:
            y -= self._draw_typing(surface, typing, inner, y)
        for line in reversed(self.log):
            height = self._line_height(line, inner)
            if y - height < inner.top and y != inner.bottom:
                break
            self._draw_line(surface, line, inner, y - height)
            y -= height + GAP // 2
        surface.set_clip(clip)

    def _has_spoken(self, contact: ChatContact) -> bool:
        return any(line.contact is contact for line in self.log)

    def _blit_row(
        self, surface: pygame.Surface, rect: pygame.Rect, parts: list[tuple[str, str, object]]
    ) -> None:
        """Icons and words in a row, vertically centred in `rect`, from the leading side."""
        ctx = self.ctx
        x = rect.left
        for kind, value, extra in parts:
            if kind == "icon":
                size = int(extra)  # type: ignore[call-overload]
                image = ctx.art.image("icons", value, (size, size), tint=ctx.theme.ink)
                spot = pygame.Rect(x, rect.centery - size // 2, size, size)
                surface.blit(image, self.host.place(spot))
                x += size + PADDING // 2
            elif kind == "badge":
                size = int(extra) + 4  # type: ignore[call-overload]
                spot = pygame.Rect(x, rect.centery - size // 2, size, size)
                _draw_question_badge(surface, ctx, self.host.place(spot))
                x += size + PADDING // 2
            else:
                role = str(extra)
                text = ctx.text.render(value, role, ctx.theme.ink)
                width = min(text.get_width(), rect.right - x)
                spot = pygame.Rect(
                    x, rect.centery - text.get_height() // 2, width, text.get_height()
                )
                placed = self.host.place(spot)
                surface.blit(
                    text,
                    placed,
                    pygame.Rect(
                        0 if not ctx.i18n.rtl else text.get_width() - width,
                        0,
                        width,
                        text.get_height(),
                    ),
                )
                x += width + PADDING // 2

    def _bubble_width(self, inner: pygame.Rect) -> int:
        return int(inner.width * 0.78) - self.avatar_size()

    def _line_height(self, line: ChatLine, inner: pygame.Rect) -> int:
        ctx = self.ctx
        if line.kind == "note":
            return ctx.text.block_height(line.text, "small", inner.width - 80) + 8
        text_h = ctx.text.block_height(line.text, "body", self._bubble_width(inner) - 2 * PADDING)
        name_h = ctx.text.line_height("small")
        return max(self.avatar_size(), text_h + name_h + PADDING)

    def _draw_line(
        self, surface: pygame.Surface, line: ChatLine, inner: pygame.Rect, top: int
    ) -> None:
        ctx = self.ctx
        theme = ctx.theme
        _ = ctx._
        rtl = ctx.i18n.rtl
        align = "right" if rtl else "left"
        if line.kind == "note":
            size = ctx.text.size("small")
            text = ctx.text.render(line.text, "small", theme.soft_ink, inner.width - 80, "center")
            surface.blit(
                text, self.host.place(pygame.Rect(inner.left + 40, top + 4, *text.get_size()))
            )
            if line.icon:
                icon = ctx.art.image("icons", line.icon, (size, size), tint=theme.soft_ink)
                surface.blit(
                    icon, self.host.place(pygame.Rect(inner.left + 4, top + 4, size, size))
                )
            return
        avatar = self.avatar_size()
        width = self._bubble_width(inner)
        text_w = width - 2 * PADDING
        body = ctx.text.render(
            line.text,
            "body",
            theme.ink if line.kind == "message" else theme.primary_ink,
            text_w,
            align,
        )
        name_h = ctx.text.line_height("small")
        used_w = min(width, max(body.get_width(), 120) + 2 * PADDING)
        height = body.get_height() + name_h + PADDING
        if line.kind == "you":
            bubble = pygame.Rect(inner.right - used_w, top, used_w, height)
            pygame.draw.rect(surface, theme.primary, self.host.place(bubble), border_radius=RADIUS)
            name = ctx.text.render(_("You"), "small", theme.primary_ink)
        else:
            contact = line.contact
            known = contact is not None and contact.known
            face = pygame.Rect(inner.left, top, avatar, avatar)
            self._draw_avatar(surface, contact, self.host.place(face))
            bubble = pygame.Rect(face.right + PADDING // 2, top, used_w, height)
            placed = self.host.place(bubble)
            if known:
                pygame.draw.rect(
                    surface,
                    _FRIEND_FILL if not ctx.settings.high_contrast else theme.panel,
                    placed,
                    border_radius=RADIUS,
                )
                pygame.draw.rect(surface, theme.panel_edge, placed, width=2, border_radius=RADIUS)
            else:
                pygame.draw.rect(
                    surface,
                    _STRANGER_FILL if not ctx.settings.high_contrast else theme.panel,
                    placed,
                    border_radius=RADIUS,
                )
                _draw_dashed(surface, theme.soft_ink, placed)
            name_text = self.host.t(contact.name) if contact else "?"
            name = ctx.text.render(name_text, "small", theme.soft_ink)
        placed = self.host.place(bubble)
        x = placed.left + PADDING if not rtl else placed.right - PADDING - name.get_width()
        surface.blit(name, (x, placed.top + PADDING // 2))
        body_x = placed.left + PADDING if not rtl else placed.right - PADDING - body.get_width()
        surface.blit(body, (body_x, placed.top + PADDING // 2 + name_h))

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
        self, surface: pygame.Surface, contact: ChatContact, inner: pygame.Rect, bottom: int
    ) -> int:
        ctx = self.ctx
        _ = ctx._
        avatar = self.avatar_size()
        top = bottom - avatar
        self._draw_avatar(
            surface, contact, self.host.place(pygame.Rect(inner.left, top, avatar, avatar))
        )
        words = _("{name} is typing…").format(name=self.host.t(contact.name))
        text = ctx.text.render(words, "small", ctx.theme.soft_ink, inner.width - avatar - PADDING)
        spot = pygame.Rect(
            inner.left + avatar + PADDING // 2,
            top + (avatar - text.get_height()) // 2,
            *text.get_size(),
        )
        surface.blit(text, self.host.place(spot))
        return avatar + GAP // 2

    # Narration ------------------------------------------------------------------------------
    def narration(self) -> str:
        _ = self.ctx._
        parts = []
        for line in self.log:
            if line.kind == "message":
                name = self.host.t(line.contact.name) if line.contact else ""
                parts.append(f"{name}: {line.text}")
            elif line.kind == "you":
                parts.append(_("You: {text}").format(text=line.text))
            else:
                parts.append(line.text)
        strangers = [c for c in self.step.chat.contacts if not c.known and self._has_spoken(c)]
        for contact in strangers:
            parts.insert(
                0, _("{name} is not in your contacts").format(name=self.host.t(contact.name))
            )
        typing = self.typing()
        if typing is not None:
            parts.append(_("{name} is typing…").format(name=self.host.t(typing.name)))
        if self.feedback is not None and self.chosen is not None:
            parts.append(f"{self.feedback.speaker} {self.feedback.text}")
        elif self.point is not None:
            parts.append(_("Pick a reply:"))
            parts += [self.reply_text(reply) for reply in self.point.replies]
        return ". ".join(parts)


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
