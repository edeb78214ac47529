"""The content of a class report, already in the adult's language, ready for any format."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from game.classroom.names import band_label, status_label, topic_label
from game.classroom.progress import (
    Cell,
    TopicShares,
    class_levels,
    player_summaries,
    progress_grid,
    topic_summaries,
)

if TYPE_CHECKING:
    from game.content.catalogue import Catalogue
    from game.content.models import Level
    from game.i18n.catalog import I18n
    from game.store.database import Store
    from game.store.values import Player

Gettext = Callable[[str], str]


@dataclass(frozen=True)
class LevelColumn:
    """A level as the report names it."""

    id: str
    title: str
    band: str


@dataclass(frozen=True)
class TopicBar(TopicShares):
    """One topic's two bars: levels done, and safe choices."""

    name: str
    done: int
    possible: int
    safe: int
    unsafe: int


@dataclass(frozen=True)
class PlayerLine:
    """One player: the summary numbers and their cell on every level."""

    name: str
    avatar: str
    done: int
    started: int
    levels: int
    safe: int
    unsafe: int
    badges: tuple[str, ...]
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class ClassReport:
    """Everything a class report shows. Every text is already translated."""

    heading: str
    group: str
    made_on: str
    levels: tuple[LevelColumn, ...]
    topics: tuple[TopicBar, ...]
    players: tuple[PlayerLine, ...]
    words: dict[str, str]
    """The report's own words (headings, column names, state names), translated."""

    def bar_words(self, bar: TopicBar, kind: str) -> tuple[float, str]:
        """A topic bar's share (0-1) and the words beside it; `kind` is "done" or "safe"."""
        words = self.words
        share = bar.done_share if kind == "done" else bar.safe_share
        if kind == "done":
            text = words["done-bar"].format(
                done=bar.done, possible=bar.possible, percent=round(100 * share)
            )
        elif bar.safe + bar.unsafe:
            text = words["safe-bar"].format(
                safe=bar.safe, total=bar.safe + bar.unsafe, percent=round(100 * share)
            )
        else:
            text = words["no-choices"]
        return share, text

    def cell_text(self, cell: Cell) -> str:
        """A cell in words, e.g. "Done: 3 safe, 1 unsafe"."""
        word = self.words[f"status-{cell.status}"]
        if cell.status == "not-started":
            return word
        return self.words["cell"].format(status=word, safe=cell.safe, unsafe=cell.unsafe)


def report_words(_: Gettext) -> dict[str, str]:
    """The fixed words of a report, in the adult's language."""
    return {
        "heading": _("Sango progress report"),
        "group": _("Group: {group}"),
        "made-on": _("Made on {date}"),
        "privacy": _(
            "This report holds nicknames and pictures only. It stays private to the class "
            "teacher and the parents."
        ),
        "topics": _("Topics"),
        "done-chart": _("Levels done, by topic"),
        "safe-chart": _("Safe choices, by topic"),
        "done-bar": _("{done} of {possible} done ({percent}%)"),
        "safe-bar": _("{safe} of {total} safe ({percent}%)"),
        "no-choices": _("no choices yet"),
        "players": _("Players"),
        "player": _("Player"),
        "levels-done": _("Levels done"),
        "started": _("Started"),
        "safe": _("Safe choices"),
        "unsafe": _("Unsafe choices"),
        "badges": _("Badges"),
        "grid": _("Progress by level"),
        "per-player": _("Each player"),
        "level": _("Level"),
        "band": _("Age band"),
        "none": _("none yet"),
        "no-players": _("There are no players in this group yet."),
        "status-completed": status_label(_, "completed"),
        "status-in-progress": status_label(_, "in-progress"),
        "status-not-started": status_label(_, "not-started"),
        "cell": _("{status}: {safe} safe, {unsafe} unsafe"),
        "legend": _(
            "Done, Started and Not started are shown with a mark and a word. Safe and unsafe "
            "choices are those of the latest finished try."
        ),
    }


def build_report(
    store: Store,
    catalogue: Catalogue,
    i18n: I18n,
    group: str,
    players: Sequence[Player],
    levels: Sequence[Level],
    now: datetime | None = None,
) -> ClassReport:
    """A report on these players over these levels.

    Args:
        group: The group's name as shown (a class name, or "All players").
    """
    _ = i18n.gettext
    grid = progress_grid(store, levels, players)
    words = report_words(_)
    moment = (now or datetime.now()).astimezone()
    from babel.dates import format_date

    try:
        made_on = format_date(moment.date(), format="long", locale=i18n.locale)
    except (ValueError, LookupError):
        made_on = moment.date().isoformat()

    def badge_name(badge_id: str) -> str:
        badge = catalogue.badge(badge_id)
        return i18n.badge(badge.name) if badge is not None else badge_id

    lines = tuple(
        PlayerLine(
            name=summary.player.nickname or summary.player.avatar.replace("-", " ").capitalize(),
            avatar=summary.player.avatar,
            done=summary.done,
            started=summary.started,
            levels=summary.levels,
            safe=summary.safe,
            unsafe=summary.unsafe,
            badges=tuple(badge_name(badge) for badge in summary.badges),
            cells=tuple(grid.cell(summary.player.id, level.id) for level in grid.levels),
        )
        for summary in player_summaries(grid)
    )
    return ClassReport(
        heading=words["heading"],
        group=group,
        made_on=made_on,
        levels=tuple(
            LevelColumn(level.id, i18n.level(level.id, level.title), band_label(_, str(level.band)))
            for level in grid.levels
        ),
        topics=tuple(
            TopicBar(
                topic_label(_, summary.topic),
                summary.done,
                summary.possible,
                summary.safe,
                summary.unsafe,
            )
            for summary in topic_summaries(grid)
        ),
        players=lines,
        words=words,
    )


def class_report(
    store: Store,
    catalogue: Catalogue,
    i18n: I18n,
    class_id: int | None,
    everyone: bool = False,
    now: datetime | None = None,
) -> ClassReport:
    """The report for a class (its visible levels), for the players without a class, or for
    every player over every level (`everyone`)."""
    _ = i18n.gettext
    if everyone:
        return build_report(
            store, catalogue, i18n, _("All players"), store.players(), catalogue.levels, now
        )
    school_class = store.school_class(class_id) if class_id is not None else None
    name = school_class.name if school_class is not None else _("Players without a class")
    return build_report(
        store,
        catalogue,
        i18n,
        name,
        store.class_members(class_id),
        class_levels(store, catalogue, class_id),
        now,
    )
