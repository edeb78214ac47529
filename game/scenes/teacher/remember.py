"""What Sango remembers: told to children in their own words. Reachable from the players
screen, and shown to adults in the adult area."""

from __future__ import annotations

import pygame

from game.scenes.base import Scene
from game.ui.widgets import GAP, PADDING, Button, Widget, button_width, draw_panel


class RememberScene(Scene):
    """A calm page of short lines, each with a picture; pages when the text is big."""

    background = "title"

    def __init__(self, ctx) -> None:  # noqa: ANN001
        super().__init__(ctx)
        self.page = 0
        self.pages: list[list[tuple[str | None, str]]] = [[]]

    def title(self) -> str:
        return self.ctx._("What Sango remembers")

    def lines(self) -> list[tuple[str | None, str]]:
        """(icon, sentence) in reading order."""
        _ = self.ctx._
        return [
            (None, _("Sango remembers:")),
            ("player", _("Your picture and your nickname.")),
            ("check", _("Which levels you played and finished.")),
            ("safe", _("Your answers in each level.")),
            ("trophy", _("Your badges and stars.")),
            ("settings", _("Your settings, like the text size.")),
            (None, _("Good to know:")),
            ("lock", _("Sango does not know your real name, your face or where you live.")),
            ("home", _("It all stays on this computer. Sango never sends it anywhere.")),
            ("help", _("A grown-up can show it to you, or delete it, any time you ask.")),
        ]

    def narration(self) -> str:
        return " ".join(text for _icon, text in self.lines())

    def more_width(self) -> int:
        return button_width(self.ctx, self.ctx._("More"), icon=True)

    def text_area(self, beside: bool | None = None) -> pygame.Rect:
        """The panel: above the More button, or (big text, when a line would not fit above
        it) beside it, the full height."""
        area = self.content_rect()
        if beside is None:
            beside = self.more_beside()
        if beside:
            return pygame.Rect(
                area.left, area.top, area.width - self.more_width() - GAP, area.height
            )
        return pygame.Rect(area.left, area.top, area.width, area.height - self.bar_height() - GAP)

    def more_beside(self) -> bool:
        """Whether the More button goes beside the panel: when the tallest line would not fit
        in the panel above it."""
        inner = self.text_area(beside=False).inflate(-2 * PADDING, -2 * PADDING)
        width = inner.width - self.icon_size() - PADDING
        tallest = max(self.line_height(icon, text, width) for icon, text in self.lines())
        return tallest > inner.height

    def icon_size(self) -> int:
        return self.ctx.text.size("body") + 10

    def paginate(self) -> list[list[tuple[str | None, str]]]:
        area = self.text_area().inflate(-2 * PADDING, -2 * PADDING)
        width = area.width - self.icon_size() - PADDING
        pages: list[list[tuple[str | None, str]]] = [[]]
        used = 0
        lines = self.lines()
        for index, (icon, text) in enumerate(lines):
            height = self.line_height(icon, text, width)
            needed = height
            if icon is None:  # a heading starts a page when its part does not fit after it
                for follow_icon, follow in lines[index + 1 :]:
                    if follow_icon is None:
                        break
                    needed += self.line_height(follow_icon, follow, width)
            if pages[-1] and used + needed > area.height:
                pages.append([])
                used = 0
            pages[-1].append((icon, text))
            used += height
        return pages

    def line_height(self, icon: str | None, text: str, width: int) -> int:
        role = "body" if icon else "button"
        picture = self.icon_size() if icon else 0
        return max(picture, self.ctx.text.block_height(text, role, width)) + 10

    def build(self) -> list[Widget]:
        self.pages = self.paginate()
        self.page = min(self.page, len(self.pages) - 1)
        if len(self.pages) < 2:
            return []
        text = self.ctx._("More")
        area = self.content_rect()
        width = self.more_width()
        height = self.bar_height()
        rect = pygame.Rect(area.right - width, area.bottom - height, width, height)
        return [Button("more", rect, text, self.next_page, text=text, icon="next")]

    def next_page(self) -> None:
        """The next page, wrapping to the first."""
        self.page = (self.page + 1) % len(self.pages)
        self.dirty = True

    def draw_content(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        area = self.text_area()
        draw_panel(surface, self.place(area), self.ctx)
        inner = area.inflate(-2 * PADDING, -2 * PADDING)
        size = self.icon_size()
        width = inner.width - size - PADDING
        align = "right" if self.ctx.i18n.rtl else "left"
        y = inner.top
        for icon, text in self.pages[self.page]:
            if icon:
                picture = self.ctx.art.image("icons", icon, (size, size), tint=theme.ink)
                surface.blit(picture, self.place(pygame.Rect(inner.left, y, size, size)))
            if icon is None:  # a heading, across the whole panel
                rendered = self.ctx.text.render(text, "button", theme.ink, inner.width, align)
                spot = pygame.Rect(inner.left, y, inner.width, rendered.get_height())
                surface.blit(rendered, self.place(spot))
                y += rendered.get_height() + 10
                continue
            rendered = self.ctx.text.render(text, "body", theme.ink, width, align)
            spot = pygame.Rect(inner.left + size + PADDING, y + 4, width, rendered.get_height())
            surface.blit(rendered, self.place(spot))
            y += max(size, rendered.get_height()) + 10
