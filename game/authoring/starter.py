"""The starter level `sango new-level` writes: a short, complete level full of comments, which
validates and plays as it is, for an author to change line by line. No pygame here."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.content.models import LEVEL_ID_PATTERN, SENSITIVE_TOPICS, Band, Topic

SCHEMA_COMMENT = "# yaml-language-server: $schema=../../level.schema.json"
"""The first line of every level in content/levels/<band>/: editors then check as you type."""

NUMBERED_FILE = re.compile(r"^(\d+)-.*\.yaml$")

STEP_SNIPPETS: dict[str, dict[str, Any]] = {
    "say": {"say": "Hi! I'm Sango.", "mood": "happy"},
    "choice": {
        "choice": {
            "prompt": "What do you do?",
            "options": [
                {"text": "Ask a grown-up first", "result": "safe", "feedback": "Yes! Well done."},
                {"text": "Do it anyway", "result": "unsafe", "feedback": "Let's ask first."},
            ],
        }
    },
    "sort": {
        "sort": {
            "prompt": "Which things are OK to share?",
            "bins": [
                {"id": "share", "label": "OK to share", "icon": "check"},
                {"id": "private", "label": "Keep private", "icon": "lock"},
            ],
            "items": [
                {"text": "Your favourite colour", "bin": "share", "feedback": "That's fine."},
                {"text": "Your home address", "bin": "private", "feedback": "Keep it safe."},
            ],
        }
    },
    "chat": {
        "chat": {
            "contacts": [{"id": "friend", "name": "Amara", "known": True}],
            "script": [
                {"from": "friend", "text": "hi!"},
                {
                    "replies": [
                        {"text": "Hi Amara!", "result": "safe"},
                        {"action": "leave", "result": "ok"},
                    ]
                },
            ],
        }
    },
    "spot": {
        "spot": {
            "prompt": "Find the warning sign.",
            "lines": [
                {"text": "You won a prize!", "sign": "Prizes you did not enter for are a trick."},
                {"text": "Have a nice day."},
            ],
        }
    },
    "pick-all": {
        "pick-all": {
            "prompt": "Which of these are private? Pick all that are.",
            "options": [
                {"text": "Your password", "correct": True},
                {"text": "Your home address", "correct": True},
                {"text": "Your favourite food", "correct": False},
            ],
            "feedback": {"right": "Yes! Those are private.", "wrong": "Not quite."},
        }
    },
    "badge": {"badge": "treasure-keeper"},
}
"""A minimal step of each type, offered by editors through the schema (defaultSnippets)."""


class StarterError(ValueError):
    """What stops a starter level being written, in plain words."""


@dataclass(frozen=True)
class Starter:
    """What the new level is: its id, band and topics, and the badge it ends with."""

    level_id: str
    band: Band
    topics: tuple[Topic, ...]
    badge: str

    @property
    def title(self) -> str:
        """A first title made from the id: "my-first-level" -> "My first level"."""
        words = self.level_id.replace("-", " ")
        return words[:1].upper() + words[1:]

    def text(self, schema: str = "../../level.schema.json") -> str:
        """The whole starter file; `schema` is the path from its folder to level.schema.json."""
        sensitive = [topic.value for topic in self.topics if topic in SENSITIVE_TOPICS]
        if sensitive:
            note = (
                f"This level talks about {', '.join(sensitive)}. Play it yourself first, and "
                "choose a time when the class can talk about it. If a child tells you something "
                "worrying, listen, thank them, and follow your safeguarding policy."
            )
            content_note = f"content_note: {note}"
        else:
            content_note = "content_note: null"
        topics = ", ".join(topic.value for topic in self.topics)
        return _TEMPLATE.format(
            schema=f"# yaml-language-server: $schema={schema}",
            id=self.level_id,
            band=self.band.value,
            topics=topics,
            title=self.title,
            content_note=content_note,
            badge=self.badge,
            retry=_RETRY[self.band],
            games=_GAMES[self.band],
        )


_RETRY = {
    Band.UNDER_9: "in under-9 an unsafe answer explains kindly, then the child tries again",
    Band.AGES_9_TO_12: "an unsafe answer explains, costs a star, and the story goes on",
    Band.AGES_13_TO_18: "an unsafe answer explains, costs a star, and the story goes on",
}

_TEMPLATE = """{schema}
# A new Sango level. It already validates and plays: change it line by line.
#   Check it:   uv run sango validate THIS-FILE --strict
#   See it:     uv run sango preview THIS-FILE --out /tmp/look --text-scale 200
#   Play it:    uv run sango play --level THIS-FILE --watch   (reloads each time you save)
# The guide with every step type and field: docs/authoring.md
# Lines starting with # are comments for you; the game never shows them.

# Always 1.
format: 1
# Unique across all levels: lowercase letters, digits and hyphens.
id: {id}
# under-9, 9-12 or 13-18; the file lives in that band's folder.
band: {band}
# One or more topic ids (docs/authoring.md lists them).
topics: [{topics}]
# Up to 60 characters, shown on the map and at the top of the screen.
title: {title}
# One line for the map card, up to 120 characters.
summary: A short story about staying safe online.
# About how long it takes, 1-30 minutes.
minutes: 5

# Notes for teachers and parents, shown in the teacher area.
teacher:
  goals:
    - Knows who to tell when something online feels wrong
  # Two or more questions for the class to talk about afterwards.
  discussion:
    - What could you do if something online felt wrong?
    - Who is a grown-up you trust?
  # What an adult should know first (needed for grooming, sexual-exploitation and
  # cyberbullying); null when there is nothing to say.
  {content_note}

# What happens, in order. Each step starts with its type key.
steps:
  - say: Hi! I'm Sango. Let's learn to stay safe online.
    # happy, thinking, surprised, concerned, proud or waving
    mood: waving

  # A question with 2-4 answers: {retry}.
  - choice:
      prompt: Someone online asks a question that feels wrong. What do you do?
      options:
        - text: Ask a grown-up I trust
          # safe, unsafe or ok (neither)
          result: safe
          feedback: Yes! A grown-up can help you.
        - text: Answer and keep it a secret
          result: unsafe
          feedback: That could be a trick. A grown-up can help you.
    # A name for this step, so a `goto` can jump here.
    label: first-question

{games}
  # Every level ends with what to do and who to tell: say no, close, block, report or
  # leave; tell a trusted adult; you will not be in trouble; it is never your fault.
  - say: If something online feels wrong, stop. You can say no, or close it.
    mood: thinking
  - say: Tell a grown-up you trust. You will not be in trouble.
  - say: It is never your fault. You did well today!
    mood: proud

  # A badge id from content/badges.yaml. Give your level its own badge there.
  - badge: {badge}
"""


_PICK_ALL = """  # A question with more than one right answer: tick them all, then Check.
  - pick-all:
      prompt: Which of these are private? Pick all that are.
      options:
        - text: Your password
          correct: true
        - text: Your favourite food
          correct: false
        - text: Your home address
          correct: true
      feedback:
        right: Yes! Those are private.
        wrong: Not quite. Passwords and addresses are private.
"""

_CHAT = """  # A pretend messenger. Messages arrive one by one; the player picks a reply. A reply's
  # `then` messages follow that reply only: the story branches.
  - chat:
      app: Class chat
      contacts:
        - id: sam
          name: Sam
          avatar: kid-glasses
          known: true
      script:
        - from: sam
          text: someone made a fake account with my name
        - replies:
            - text: That's not ok. Let's report it together.
              result: safe
              feedback: Yes. Reporting a fake account helps Sam and everyone else.
              then:
                - from: sam
                  text: thanks. I'll tell my mum too
            - text: lol just ignore it
              result: unsafe
              feedback: A fake account can hurt Sam. Reporting it is better than ignoring it.
              then:
                - from: sam
                  text: ok... but it feels bad
"""

_MORE_STEPS = """  # More kinds of step: sort, chat, spot and pick-all (docs/authoring.md).
  # An under-9 level may also use sort (with 2 bins) and pick-all.
"""

_GAMES = {
    Band.UNDER_9: _MORE_STEPS,
    Band.AGES_9_TO_12: _PICK_ALL + "\n" + _MORE_STEPS,
    Band.AGES_13_TO_18: _CHAT + "\n" + _MORE_STEPS,
}
"""The steps each band's starter plays after its first question: older bands play two kinds
of game, and a teen level a chat that branches (the content guide asks for it)."""


def new_level_id_problem(level_id: str) -> str | None:
    """Why `level_id` cannot be a level id, or None when it can."""
    if not 3 <= len(level_id) <= 40 or not re.fullmatch(LEVEL_ID_PATTERN, level_id):
        slug = re.sub(r"[^a-z0-9]+", "-", level_id.lower()).strip("-")
        example = f" - for example '{slug}'" if 3 <= len(slug) <= 40 else ""
        return (
            f"'{level_id}' cannot be a level id: use 3 to 40 lowercase letters, digits and "
            f"single hyphens{example}"
        )
    return None


def next_file(band_folder: Path, level_id: str) -> Path:
    """content/levels/<band>/<nn>-<id>.yaml with the next free number (01 in a new folder)."""
    numbers = [
        int(found.group(1))
        for path in (band_folder.iterdir() if band_folder.is_dir() else ())
        if (found := NUMBERED_FILE.match(path.name))
    ]
    return band_folder / f"{max(numbers, default=0) + 1:02d}-{level_id}.yaml"


def schema_path_from(folder: Path, schema_file: Path) -> str:
    """How a level in `folder` names the schema file: a relative path with '/' when there is
    one (as in content/levels/<band>/), else the absolute path."""
    try:
        return Path(os.path.relpath(schema_file.absolute(), folder.absolute())).as_posix()
    except ValueError:  # another drive on Windows
        return schema_file.absolute().as_posix()


def write_starter(starter: Starter, path: Path, schema_file: Path) -> Path:
    """Write the starter level to `path`, never over an existing file.

    Raises:
        StarterError: The file exists already, or cannot be written.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(starter.text(schema_path_from(path.parent, schema_file)))
    except FileExistsError:
        raise StarterError(f"{path} exists already: choose another --out, or another id") from None
    except OSError as error:
        raise StarterError(f"{path}: cannot write it ({error.strerror or error})") from None
    return path
