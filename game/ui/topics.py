"""How each COP topic is shown to a child: a short name and a medal glyph."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.context import Context

TOPIC_GLYPHS: dict[str, str] = {
    "rights": "globe",
    "privacy": "key",
    "cyberbullying": "heart",
    "grooming": "shield",
    "sexual-exploitation": "shield",
    "inappropriate-content": "lightbulb",
    "misinformation": "magnifier",
    "scams-security": "lock",
    "wellbeing": "moon",
    "emerging-tech": "robot",
    "getting-help": "megaphone",
    "inclusion": "handshake",
}
"""The white glyph drawn on the topic's medal (game/assets/art/badges/)."""

TOPIC_COLOURS: dict[str, tuple[int, int, int]] = {
    "rights": (43, 108, 176),
    "privacy": (109, 64, 160),
    "cyberbullying": (183, 55, 90),
    "grooming": (47, 110, 90),
    "sexual-exploitation": (47, 110, 90),
    "inappropriate-content": (150, 90, 20),
    "misinformation": (32, 100, 140),
    "scams-security": (160, 70, 40),
    "wellbeing": (60, 80, 150),
    "emerging-tech": (90, 70, 160),
    "getting-help": (180, 60, 50),
    "inclusion": (40, 120, 60),
}
"""Medal colours; white glyphs on each have at least 4.5:1 contrast (tested)."""


def topic_name(ctx: Context, topic: str) -> str:
    """The topic in words a child knows, in the player's language."""
    _ = ctx._
    names = {
        "rights": _("My rights"),
        "privacy": _("Keeping things private"),
        "cyberbullying": _("Being kind online"),
        "grooming": _("Safe online friends"),
        "sexual-exploitation": _("My body, my rules"),
        "inappropriate-content": _("Upsetting things"),
        "misinformation": _("True or not?"),
        "scams-security": _("Tricks and scams"),
        "wellbeing": _("Screen time and me"),
        "emerging-tech": _("New tech and AI"),
        "getting-help": _("Getting help"),
        "inclusion": _("Everyone belongs"),
    }
    return names.get(topic, topic.replace("-", " ").capitalize())
