"""How bands, topics and progress states are named to adults, in their language.

Each function takes the gettext function (`ctx._`, or an I18n's `gettext` in a report).
"""

from __future__ import annotations

from collections.abc import Callable

Gettext = Callable[[str], str]


def band_label(_: Gettext, band: str) -> str:
    """An age band by the ages it is for."""
    labels = {"under-9": _("Ages 5 to 8"), "9-12": _("Ages 9 to 12"), "13-18": _("Ages 13 to 18")}
    return labels.get(band, band)


def topic_label(_: Gettext, topic: str) -> str:
    """A child online protection topic in plain words."""
    labels = {
        "rights": _("Children's rights"),
        "privacy": _("Privacy"),
        "cyberbullying": _("Cyberbullying"),
        "grooming": _("Grooming"),
        "sexual-exploitation": _("Sexual exploitation"),
        "inappropriate-content": _("Upsetting content"),
        "misinformation": _("Misinformation"),
        "scams-security": _("Scams and security"),
        "wellbeing": _("Wellbeing"),
        "emerging-tech": _("New technology"),
        "getting-help": _("Getting help"),
        "inclusion": _("Inclusion"),
    }
    return labels.get(topic, topic.replace("-", " ").capitalize())


def status_label(_: Gettext, status: str) -> str:
    """A progress state in words (never shown by colour alone)."""
    labels = {
        "not-started": _("Not started"),
        "in-progress": _("Started"),
        "completed": _("Done"),
    }
    return labels.get(status, status)


STATUS_ICONS = {"not-started": "pause", "in-progress": "play", "completed": "check"}
"""The icon drawn beside each state's word."""

STATUS_SYMBOLS = {"not-started": "–", "in-progress": "▶", "completed": "✓"}
"""The symbol printed beside each state's word in reports."""
