"""A broken level never takes the map down: the child sees a calm "Not ready yet" card, plays the
other levels, and the adult area has the file and its problems to show."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest

from game import paths
from game.content.catalogue import Catalogue
from game.scenes.help import HelpScene
from game.scenes.map import MapScene
from tests.driver import make_driver
from tests.robustness.journeys import play_first_level

BROKEN_FILES = {
    "under-9/09-garbage.yaml": b"\x00\xff\xfe garbage \x89PNG\r\n\x1a\n",
    "9-12/09-code.yaml": b"format: 1\nid: !!python/object/apply:os.system ['echo pwned']\n",
    "9-12/10-laughs.yaml": b"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
    "13-18/09-huge.yaml": b"format: 1\nsummary: " + b"x" * (1024 * 1024 + 10) + b"\n",
    "13-18/10-wrong-types.yaml": b"format: true\nid: 7\nband: [a]\ntopics: privacy\nsteps: {}\n",
}


@pytest.fixture
def levels_dir(tmp_path: Path) -> Path:
    """The shipped content copied to a folder, plus a broken file of every kind in each band."""
    content = tmp_path / "content"
    shutil.copytree(paths.content_dir(), content)
    for name, data in BROKEN_FILES.items():
        (content / "levels" / name).write_bytes(data)
    return content / "levels"


def test_broken_files_are_listed_with_located_problems_for_the_adult(levels_dir: Path) -> None:
    shipped = Catalogue.load()
    catalogue = Catalogue.load(levels_dir)

    broken = {
        path.relative_to(levels_dir).as_posix(): problems for path, problems in catalogue.broken
    }
    for name in BROKEN_FILES:
        problems = broken[name]
        assert problems and all(p.line >= 1 and p.message for p in problems), name
        assert all(p.path == levels_dir / name for p in problems)
    assert "larger than 1 MiB" in broken["13-18/09-huge.yaml"][0].message
    assert "tag" in broken["9-12/09-code.yaml"][0].message
    assert "anchor" in broken["9-12/10-laughs.yaml"][0].message
    assert [level.id for level in catalogue.levels] == [level.id for level in shipped.levels]


@pytest.mark.parametrize("band", ["under-9", "9-12", "13-18"])
def test_the_map_shows_broken_levels_as_not_ready_and_the_others_still_play(
    tmp_path: Path, levels_dir: Path, band: str
) -> None:
    game = make_driver(tmp_path / "data", player="Robin", levels_dir=levels_dir)
    try:
        game.click(f"band-{band}")
        assert isinstance(game.top, MapScene)
        expected = sorted(
            f"broken-{Path(n).stem}" for n in BROKEN_FILES if n.startswith(f"{band}/")
        )
        seen: list[str] = []
        for _ in range(20):  # every page of the map
            for widget in game.top.widgets:
                if widget.id.startswith("broken-") and widget.id not in seen:
                    seen.append(widget.id)
                    assert widget.caption == "Not ready yet" and widget.dimmed
                    game.click(widget.id)
                    assert isinstance(game.top, MapScene), "a broken card must not open anything"
            if "more" not in game.ids() or sorted(seen) == expected:
                break
            game.click("more")
        assert sorted(seen) == expected

        game.click("back")
        level_id = play_first_level(game, band)
        assert game.ctx.store.progress(game.ctx.player.id)[level_id].status == "completed"
    finally:
        game.close()


def test_a_game_whose_badges_and_helplines_are_broken_still_plays(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(paths.content_dir(), content)
    (content / "badges.yaml").write_bytes(b"\xde\xad\xbe\xef")
    (content / "helplines.yaml").write_text("format: 1\nhelplines: &x [*x]\n", encoding="utf-8")
    game = make_driver(tmp_path / "data", player="Robin", levels_dir=content / "levels")
    try:
        broken = {path.name for path, _ in game.ctx.catalogue.broken}
        assert {"badges.yaml", "helplines.yaml"} <= broken
        play_first_level(game, "under-9")
        game.key(pygame.K_F1)
        assert isinstance(game.top, HelpScene)
    finally:
        game.close()
