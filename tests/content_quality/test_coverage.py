"""Each band teaches every topic that fits its age, with the kind of play its age needs.

CONTENT.md: "Each band covers every topic that fits its age, in at least one level." Sexual
exploitation is named only for 13-18; the younger bands meet it as body safety and secrets that
feel bad, inside grooming and getting-help levels. New technology and inclusion belong in every
band. Band formats: under-9 is a storybook (say, two or three big choices, simple two-bin sorts
and pick-alls, never a chat or a spot-the-signs card); 9-12 and 13-18 play mini-games, and 13-18
chats branch to consequences.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .content_files import BANDS, INTERACTIVE_STEP_TYPES, all_levels, step_type

TOPICS = frozenset(
    {
        "rights",
        "privacy",
        "cyberbullying",
        "grooming",
        "sexual-exploitation",
        "inappropriate-content",
        "misinformation",
        "scams-security",
        "wellbeing",
        "emerging-tech",
        "getting-help",
        "inclusion",
    }
)
TEEN_ONLY_TOPICS = frozenset({"sexual-exploitation"})
EVERY_BAND_TOPICS = frozenset({"emerging-tech", "inclusion"})
BAND_TOPICS = {
    "under-9": TOPICS - TEEN_ONLY_TOPICS,
    "9-12": TOPICS - TEEN_ONLY_TOPICS,
    "13-18": TOPICS,
}
MIN_LEVELS_PER_BAND = 6
MIN_GAME_TYPES = {"under-9": 1, "9-12": 2, "13-18": 2}
UNDER_9_STEP_TYPES = frozenset({"say", "choice", "sort", "pick-all", "badge"})
UNDER_9_SORT_BINS = 2
SENSITIVE_TOPICS = frozenset({"grooming", "sexual-exploitation", "cyberbullying"})


def levels_of(band: str) -> list[dict[str, Any]]:
    return [level for level in all_levels() if level["band"] == band]


def game_types(level: dict[str, Any]) -> set[str]:
    """The interactive step types a level uses: choice and the mini-games."""
    return {step_type(step) for step in level["steps"]} & set(INTERACTIVE_STEP_TYPES)


def reply_branches(script: list[dict[str, Any]]) -> bool:
    """Whether any reply in a chat script leads somewhere of its own (`goto` or `then`)."""
    for entry in script:
        for reply in entry.get("replies") or []:
            if reply.get("goto") or reply.get("then"):
                return True
    return False


def test_every_band_has_enough_levels() -> None:
    counts = Counter(level["band"] for level in all_levels())
    for band in BANDS:
        assert counts[band] >= MIN_LEVELS_PER_BAND, (
            f"band {band} has {counts[band]} levels; it needs at least {MIN_LEVELS_PER_BAND}"
        )


def test_every_band_covers_every_topic_for_its_age() -> None:
    for band in BANDS:
        covered = {topic for level in levels_of(band) for topic in level["topics"]}
        missing = sorted(BAND_TOPICS[band] - covered)
        assert not missing, f"band {band}: no level teaches {', '.join(missing)}"


def test_new_technology_and_inclusion_are_in_every_band() -> None:
    for band in BANDS:
        for topic in sorted(EVERY_BAND_TOPICS):
            assert any(topic in level["topics"] for level in levels_of(band)), (
                f"band {band}: no level is tagged {topic}"
            )


def test_sexual_exploitation_is_named_only_for_teenagers() -> None:
    for level in all_levels():
        if level["band"] == "13-18":
            continue
        named = sorted(TEEN_ONLY_TOPICS & set(level["topics"]))
        assert not named, (
            f"level {level['id']} ({level['band']}) is tagged {', '.join(named)}: younger bands "
            "meet it as body safety and secrets that feel bad; tag those levels grooming or "
            "getting-help instead"
        )


def test_older_bands_play_at_least_two_kinds_of_game() -> None:
    for band in ("9-12", "13-18"):
        for level in levels_of(band):
            used = game_types(level)
            assert len(used) >= MIN_GAME_TYPES[band], (
                f"level {level['id']} ({band}) uses only {sorted(used) or 'say'}; use at least "
                f"{MIN_GAME_TYPES[band]} of {', '.join(INTERACTIVE_STEP_TYPES)}"
            )


def test_teen_levels_have_chats_that_branch_to_consequences() -> None:
    for level in levels_of("13-18"):
        chats = [step["chat"] for step in level["steps"] if step_type(step) == "chat"]
        assert any(reply_branches(chat["script"]) for chat in chats), (
            f"level {level['id']} (13-18) needs a chat whose replies branch: give replies "
            "their own `then:` messages or a `goto:` to the consequence"
        )


def test_under_9_levels_stay_a_storybook() -> None:
    for level in levels_of("under-9"):
        for number, step in enumerate(level["steps"], start=1):
            kind = step_type(step)
            assert kind in UNDER_9_STEP_TYPES, (
                f"level {level['id']} step {number}: under-9 uses "
                f"{', '.join(sorted(UNDER_9_STEP_TYPES))}, not {kind}"
            )
            if kind == "sort":
                bins = len(step["sort"]["bins"])
                assert bins == UNDER_9_SORT_BINS, (
                    f"level {level['id']} step {number}: an under-9 sort has "
                    f"{UNDER_9_SORT_BINS} bins, not {bins}"
                )
        assert game_types(level), f"level {level['id']}: an under-9 level asks at least once"


def test_every_topic_id_is_known() -> None:
    for level in all_levels():
        unknown = sorted(set(level["topics"]) - TOPICS)
        assert not unknown, f"level {level['id']}: unknown topics {unknown}"


def test_teachers_get_goals_questions_and_a_note_on_sensitive_topics() -> None:
    for level in all_levels():
        teacher = level["teacher"]
        assert teacher["goals"], f"level {level['id']}: no teacher goals"
        assert len(teacher["discussion"]) >= 2, f"level {level['id']}: add discussion prompts"
        if SENSITIVE_TOPICS & set(level["topics"]):
            note = teacher.get("content_note") or ""
            assert len(note.split()) >= 20, (
                f"level {level['id']}: a sensitive topic needs a content note that tells the "
                "adult what happens and what to do if a child tells them something"
            )


def test_each_level_gives_its_own_badge() -> None:
    givers: dict[str, list[str]] = {}
    for level in all_levels():
        for step in level["steps"]:
            if step_type(step) == "badge":
                givers.setdefault(step["badge"], []).append(level["id"])
    shared = {badge: ids for badge, ids in givers.items() if len(ids) > 1}
    assert not shared, f"levels share a badge; give each its own in badges.yaml: {shared}"
