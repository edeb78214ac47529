"""An adult exports everything, erases one player, or erases everything, and each erase really
leaves nothing behind in the save file. Children can read what the game remembers."""

from __future__ import annotations

import json
from pathlib import Path

import pygame

from game.scenes.players import PlayersScene
from game.scenes.teacher.data import DataScene, ErasePlayerScene
from game.scenes.teacher.dialogs import ConfirmScene, NoticeScene, TextEntryScene
from game.scenes.teacher.remember import RememberScene
from tests.driver import GameDriver
from tests.teacher.adult import make_class, open_adult_area

SECRET = "Zanzibarista"


def saved_bytes(game: GameDriver) -> bytes:
    """Everything on disk in the save folder: the database and its companions."""
    folder = game.ctx.store.data_dir
    return b"".join(path.read_bytes() for path in sorted(folder.glob("sango.db*")))


def open_data(game: GameDriver) -> None:
    open_adult_area(game)
    game.click("data")
    assert isinstance(game.top, DataScene)


def test_export_goes_to_the_data_folder_by_default(game: GameDriver) -> None:
    owls, [ada] = make_class(game, "Owls", [SECRET])
    open_data(game)
    game.click("export")
    assert isinstance(game.top, TextEntryScene)
    assert game.top.text_value.startswith(str(game.ctx.store.data_dir))
    game.key(pygame.K_RETURN)
    assert isinstance(game.top, NoticeScene)

    [exported] = game.ctx.store.data_dir.glob("sango-export-*.json")
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "sango-export"
    assert [p["nickname"] for p in data["players"]] == [SECRET]
    assert data["classes"][0]["name"] == "Owls" and data["players"][0]["class_id"] == owls


def test_export_to_a_file_the_adult_types(game: GameDriver, tmp_path: Path) -> None:
    make_class(game, "Owls", ["Ada"])
    target = tmp_path / "usb stick" / "class.json"
    open_data(game)
    game.click("export")
    game.key(pygame.K_a, mod=pygame.KMOD_CTRL)  # select the suggested path, then type over it
    game.type_text("x")
    assert game.top.text_value == "x"
    game.top.entry.set_text(str(target))  # as if pasted: typing a long path is slow in tests
    game.click("ok")
    assert json.loads(target.read_text(encoding="utf-8"))["players"][0]["nickname"] == "Ada"


def test_erasing_one_player_leaves_no_trace_of_them(game: GameDriver) -> None:
    store = game.ctx.store
    _owls, [secret, kit] = make_class(game, "Owls", [SECRET, "Kit"])
    attempt = store.start_level(secret.id, "privacy-treasure", "under-9")
    store.record_answer(secret.id, "privacy-treasure", attempt, 0, "safe")
    store.save_settings(secret.id, {"text_scale": 150})
    assert SECRET.encode() in saved_bytes(game)

    open_data(game)
    game.click("erase-player")
    assert isinstance(game.top, ErasePlayerScene)
    game.click(f"erase-{secret.id}")
    assert isinstance(game.top, ConfirmScene) and game.focused == "no"
    game.click("yes")

    assert store.player(secret.id) is None and store.load_settings(secret.id) == {}
    assert store.progress(secret.id) == {} and store.class_of(secret.id) is None
    assert [p.id for p in store.players()] == [kit.id]
    assert SECRET.encode() not in saved_bytes(game), "the nickname is gone from the file too"


def test_erasing_everything_asks_twice_then_forgets_everything(game: GameDriver) -> None:
    store = game.ctx.store
    make_class(game, "Owls", [SECRET, "Kit"])
    open_data(game)

    game.click("erase-all")
    game.click("no")
    assert len(store.players()) == 2, "No keeps everything"

    game.click("erase-all")
    game.click("yes")
    assert isinstance(game.top, ConfirmScene), "a second, last question"
    assert game.focused == "no"
    game.click("yes")

    assert isinstance(game.top, NoticeScene)
    assert store.players() == [] and store.classes() == []
    assert SECRET.encode() not in saved_bytes(game)
    assert store.gate() is not None, "the adult PIN stays"


def test_a_child_reads_what_sango_remembers_from_the_players_screen(game: GameDriver) -> None:
    game.ctx.store.create_player("Ada", "fox")
    game.click("play")
    assert isinstance(game.top, PlayersScene)
    game.click("remembers")
    assert isinstance(game.top, RememberScene)
    spoken = game.top.narration()
    assert "nickname" in spoken and "never sends it anywhere" in spoken
    assert "settings" in game.ids() and "help" in game.ids()
    words = [text for _icon, text in game.top.lines()]
    assert all(len(sentence.split()) <= 14 for sentence in words), "short, simple sentences"
    game.click("back")
    assert isinstance(game.top, PlayersScene)
