"""A lesson card: a level's teacher notes and a picture of every step, as a printable PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.reports.pdf import FONT, SOFT, heading, new_document, paragraph


@dataclass(frozen=True)
class LessonCard:
    """The words and pictures of a lesson card, already translated."""

    title: str
    about: str
    summary: str
    content_note_heading: str
    content_note: str
    goals_heading: str
    goals: list[str]
    discussion_heading: str
    discussion: list[str]
    steps_heading: str
    pictures: list[tuple[Path, str]] = field(default_factory=list)
    """Each step picture with its caption."""


def write_lesson_card(card: LessonCard, path: Path) -> Path:
    """Write the card to `path`: notes first, then the step pictures, three to a row."""
    document = new_document(card.title)
    document.add_page()
    heading(document, card.title, 20)
    paragraph(document, card.about, colour=SOFT)
    if card.summary:
        paragraph(document, card.summary)
    if card.content_note:
        heading(document, card.content_note_heading, 13)
        paragraph(document, card.content_note)
    heading(document, card.goals_heading, 13)
    for goal in card.goals:
        paragraph(document, f"• {goal}")
    if card.discussion:
        heading(document, card.discussion_heading, 13)
        for question in card.discussion:
            paragraph(document, f"• {question}")
    if card.pictures:
        heading(document, card.steps_heading, 13)
        columns, gap = 3, 4.0
        width = (document.epw - (columns - 1) * gap) / columns
        height = width * 9 / 16
        caption = 5.0
        for index, (picture, words) in enumerate(card.pictures):
            column = index % columns
            if column == 0:
                if index:
                    document.set_y(document.get_y() + height + caption + gap)
                if document.will_page_break(height + caption + 2):
                    document.add_page()
            x = document.l_margin + column * (width + gap)
            y = document.get_y()
            document.image(str(picture), x=x, y=y, w=width, h=height)
            document.rect(x, y, width, height)
            document.set_xy(x, y + height + 0.5)
            document.set_font(FONT, "", 8.5)
            document.cell(width, caption - 0.5, words)
            document.set_xy(document.l_margin, y)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.output(str(path))
    return path
