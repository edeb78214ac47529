"""A teacher makes classes, adds players one by one or many at once, renames, moves and erases
them. Only nicknames and pictures are ever asked for."""

from __future__ import annotations

import pygame

from game.classroom.roster import BULK_LIMIT, parse_nicknames, pick_avatars
from game.scenes.teacher.dialogs import ConfirmScene, NoticeScene, TextEntryScene
from game.scenes.teacher.hub import ClassHubScene
from game.scenes.teacher.player import PlayerScene
from game.scenes.teacher.roster import AddPlayerScene, BulkAddScene, RosterScene
from tests.driver import GameDriver
from tests.teacher.adult import make_class, open_adult_area, press


def test_nicknames_are_split_on_commas_and_lines() -> None:
    assert parse_nicknames(" Star, Comet ;Moon\n\n ,  River  ") == [
        "Star",
        "Comet",
        "Moon",
        "River",
    ]
    assert len(parse_nicknames(",".join(f"P{n}" for n in range(99)))) == BULK_LIMIT


def test_new_players_get_pictures_nobody_in_the_class_has_yet() -> None:
    assert pick_avatars(3, ["cat", "fox", "owl", "panda"], taken=["fox"]) == ["cat", "owl", "panda"]
    assert pick_avatars(5, ["cat", "fox"]) == ["cat", "fox", "cat", "fox", "cat"]


def test_teacher_makes_a_class_and_renames_it(game: GameDriver) -> None:
    open_adult_area(game)
    game.click("new-class")
    assert isinstance(game.top, ClassHubScene)
    [made] = game.ctx.store.classes()
    assert made.name == "Class 1"
    press(game, "rename-class")
    assert isinstance(game.top, TextEntryScene)
    for _ in range(10):
        game.key(pygame.K_BACKSPACE)
    game.type_text("Owls 4B")
    game.key(pygame.K_RETURN)
    assert isinstance(game.top, ClassHubScene)
    assert game.ctx.store.school_class(made.id).name == "Owls 4B"
    assert game.top.title() == "Owls 4B"


def test_teacher_adds_a_player_with_a_picture_and_a_nickname(game: GameDriver) -> None:
    class_id, _ = make_class(game, "Owls", [])
    open_adult_area(game)
    game.click(f"class-{class_id}")
    game.click("roster")
    assert isinstance(game.top, RosterScene)
    game.click("add-player")
    assert isinstance(game.top, AddPlayerScene)
    assert "add" not in game.ids(), "there is nothing to add before a picture is chosen"
    game.click("avatar-owl")
    game.click("nickname")
    game.type_text("Nova")
    game.key(pygame.K_RETURN)
    game.click("add")

    assert isinstance(game.top, RosterScene)
    [nova] = game.ctx.store.class_members(class_id)
    assert (nova.nickname, nova.avatar) == ("Nova", "owl")
    assert f"player-{nova.id}" in game.ids()


def test_teacher_adds_a_whole_class_at_once(game: GameDriver) -> None:
    class_id, _ = make_class(game, "Owls", [])
    open_adult_area(game)
    game.click(f"class-{class_id}")
    game.click("roster")
    game.click("add-many")
    assert isinstance(game.top, BulkAddScene)
    game.click("type-nicknames")
    game.type_text("Star, Comet, Moon")
    game.key(pygame.K_RETURN)
    game.click("picture-only")  # 5 players with a picture only
    assert "8" in game.widget("add").text
    game.click("add")

    members = game.ctx.store.class_members(class_id)
    assert [p.nickname for p in members] == ["Star", "Comet", "Moon", None, None, None, None, None]
    assert len({p.avatar for p in members}) == 8, "each gets a different picture"


def test_keyboard_teacher_reaches_every_roster_button(game: GameDriver) -> None:
    game.ctx.update_settings(input_mode="keyboard")
    class_id, players = make_class(game, "Owls", ["Ada", "Kit"])
    open_adult_area(game)
    game.keyboard_select(f"class-{class_id}")
    game.keyboard_select("roster")
    for widget_id in (f"player-{players[1].id}", "add-player", "add-many", "back"):
        game.tab_to(widget_id)
    game.keyboard_select(f"player-{players[0].id}")
    assert isinstance(game.top, PlayerScene)


def test_teacher_renames_moves_and_erases_a_player(game: GameDriver) -> None:
    store = game.ctx.store
    owls, [ada, kit] = make_class(game, "Owls", ["Ada", "Kit"])
    foxes, _ = make_class(game, "Foxes", [])
    attempt = store.start_level(ada.id, "privacy-treasure", "under-9")
    store.record_answer(ada.id, "privacy-treasure", attempt, 0, "safe")
    open_adult_area(game)
    game.click(f"class-{owls}")
    game.click("roster")
    game.click(f"player-{ada.id}")
    assert isinstance(game.top, PlayerScene)

    game.click("rename")
    for _ in range(5):
        game.key(pygame.K_BACKSPACE)
    game.type_text("Ace")
    game.key(pygame.K_RETURN)
    assert store.player(ada.id).nickname == "Ace" and game.top.title() == "Ace"

    game.click("move")
    game.click(f"to-class-{foxes}")
    assert store.class_of(ada.id) == foxes

    game.click("erase")
    assert isinstance(game.top, ConfirmScene) and game.focused == "no"
    game.click("yes")
    assert isinstance(game.top, NoticeScene)
    assert store.player(ada.id) is None and store.progress(ada.id) == {}
    assert store.answers(ada.id, "privacy-treasure") == []
    assert [p.nickname for p in store.players()] == ["Kit"]
