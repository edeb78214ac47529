"""A teacher reads a class's progress: the player x level grid (icons and words, never colour
alone), the topic bars and a player's own page."""

from __future__ import annotations

from game.classroom.progress import class_grid, player_summaries, topic_summaries
from game.scenes.teacher.dashboard import ProgressGridScene, TopicOverviewScene
from game.scenes.teacher.player import PlayerScene
from game.store.database import Store
from tests.driver import GameDriver
from tests.teacher.adult import make_class, open_adult_area


def play(store: Store, player_id: int, level_id: str, band: str, results: list[str], finish: bool):
    attempt = store.start_level(player_id, level_id, band)
    for step, result in enumerate(results):
        store.record_answer(player_id, level_id, attempt, step, result)  # type: ignore[arg-type]
    if finish:
        store.complete_level(player_id, level_id, None, None)


def under_9_class(game: GameDriver) -> tuple[int, list]:
    class_id, players = make_class(game, "Owls", ["Ada", "Kit", "Mo"])
    store = game.ctx.store
    ada, kit, _mo = players
    play(store, ada.id, "privacy-treasure", "under-9", ["safe", "unsafe", "safe"], True)
    play(store, kit.id, "privacy-treasure", "under-9", ["safe"], False)
    return class_id, players


def test_grid_has_a_cell_for_every_player_and_level(game: GameDriver) -> None:
    class_id, (ada, kit, mo) = under_9_class(game)
    grid = class_grid(game.ctx.store, game.ctx.catalogue, class_id)

    assert [p.nickname for p in grid.players] == ["Ada", "Kit", "Mo"]
    assert "grooming-secrets" not in [level.id for level in grid.levels], "hidden levels left out"
    done = grid.cell(ada.id, "privacy-treasure")
    assert (done.status, done.safe, done.unsafe) == ("completed", 2, 1)
    assert grid.cell(kit.id, "privacy-treasure").status == "in-progress"
    assert grid.cell(mo.id, "privacy-treasure").status == "not-started"
    [first, *_] = player_summaries(grid)
    assert (first.done, first.safe, first.unsafe) == (1, 2, 1)


def test_topic_summary_counts_levels_done_and_safe_choices(game: GameDriver) -> None:
    class_id, _ = under_9_class(game)
    grid = class_grid(game.ctx.store, game.ctx.catalogue, class_id)
    privacy = next(s for s in topic_summaries(grid) if s.topic == "privacy")
    levels = [level for level in grid.levels if "privacy" in level.topics]

    assert privacy.levels == len(levels)
    assert privacy.possible == 3 * len(levels)
    assert (privacy.done, privacy.started) == (1, 1)
    assert (privacy.safe, privacy.unsafe) == (3, 1)
    assert privacy.safe_share == 0.75


def test_teacher_opens_the_grid_and_a_players_page_with_the_keyboard(game: GameDriver) -> None:
    game.ctx.update_settings(input_mode="keyboard")
    class_id, (ada, _kit, _mo) = under_9_class(game)
    open_adult_area(game)
    game.keyboard_select(f"class-{class_id}")
    game.keyboard_select("progress")
    scene = game.top
    assert isinstance(scene, ProgressGridScene)
    row = game.widget(f"player-{ada.id}")
    assert row.text == "Ada" and "1 of" in row.label, "each row says how far the player is"
    assert "more-levels" in game.ids(), "levels that do not fit are a page away"
    shown = [level.id for level in scene.shown_levels(scene.grid())]
    assert shown[0] == "privacy-treasure"

    game.keyboard_select(f"player-{ada.id}")
    assert isinstance(game.top, PlayerScene)
    lines = [game.top.level_line(level, cell) for level, cell in game.top.pages_of_levels[0]]
    assert lines[0] == "Sango's treasure box: Done. 2 safe, 1 unsafe choices."
    assert any(line.endswith("Not started.") for line in lines)


def test_grid_cells_show_state_in_words_not_colour_alone(game: GameDriver) -> None:
    from game.audit.drawlog import DrawLog

    class_id, _ = under_9_class(game)
    scene = ProgressGridScene(game.ctx, class_id)
    game.ctx.scenes.push(scene)
    game.ctx.text.log = DrawLog()
    try:
        scene.draw(game.surface)
        drawn = game.ctx.text.log.texts(scene, ("content",))
    finally:
        game.ctx.text.log = None
    assert {"Done", "Started", "Not started", "safe choices", "unsafe choices"} <= set(drawn)
    assert {"2", "1"} <= set(drawn), "safe and unsafe counts are written as numbers"


def test_topic_overview_pages_through_every_topic(game: GameDriver) -> None:
    class_id, _ = under_9_class(game)
    open_adult_area(game)
    game.click(f"class-{class_id}")
    game.click("topics")
    scene = game.top
    assert isinstance(scene, TopicOverviewScene)
    seen = []
    for _ in range(scene.pages):
        seen += [summary.topic for summary in scene.topic_pages[scene.page]]
        if "more" in game.ids():
            game.click("more")
    assert seen == [summary.topic for summary in scene.summaries()] and seen
    assert scene.page == 0, "More goes round to the first page again"
