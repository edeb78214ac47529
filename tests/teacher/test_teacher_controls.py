"""A teacher turns bands, topics and levels on and off for a class, allows a sensitive topic,
and sets the class's settings; children see exactly what is allowed."""

from __future__ import annotations

from game.classroom.class_settings import load_defaults
from game.classroom.controls import Controls, load_controls, visible_levels
from game.scenes.map import MapScene
from game.scenes.teacher.controls import ClassSettingsScene, ControlsScene
from game.scenes.teacher.dialogs import ConfirmScene
from game.scenes.title import TitleScene
from tests.driver import GameDriver
from tests.teacher.adult import find, make_class, open_adult_area, press

GROOMING_LEVEL = "grooming-secrets"


def child_map(game: GameDriver, player_id: int, band: str) -> list[str]:
    """The level cards a child of the class sees on a band's map, over all its pages."""
    game.ctx.scenes.reset(TitleScene(game.ctx))
    game.ctx.select_player(game.ctx.store.player(player_id))
    game.ctx.scenes.push(MapScene(game.ctx, band))
    game.frame()
    seen: list[str] = []
    for _ in range(20):
        cards = [widget_id for widget_id in game.ids() if widget_id.startswith("level-")]
        if cards and cards[0] in seen or "more" not in game.ids():
            seen += [card for card in cards if card not in seen]
            break
        seen += cards
        game.click("more")
    game.ctx.scenes.reset(TitleScene(game.ctx))
    game.frame()
    return seen


def open_controls(game: GameDriver, class_id: int) -> None:
    open_adult_area(game)
    game.click(f"class-{class_id}")
    game.click("controls")
    assert isinstance(game.top, ControlsScene)


def test_sensitive_topics_start_off_for_younger_children_and_an_adult_turns_them_on(
    game: GameDriver,
) -> None:
    class_id, [kai] = make_class(game, "Owls", ["Kai"])
    assert f"level-{GROOMING_LEVEL}" not in child_map(game, kai.id, "9-12")

    open_controls(game, class_id)
    game.click("section-sensitive")
    toggle = game.widget("sensitive-9-12-grooming")
    assert "Off" in toggle.text and toggle.icon == "lock"
    game.click("sensitive-9-12-grooming")
    assert isinstance(game.top, ConfirmScene), "turning a sensitive topic on asks first"
    assert game.focused == "no", "the safe answer has the focus"
    game.click("yes")
    assert "On" in game.widget("sensitive-9-12-grooming").text

    assert f"level-{GROOMING_LEVEL}" in child_map(game, kai.id, "9-12")
    assert load_controls(game.ctx.store, class_id).sensitive_allowed("9-12", "grooming")
    assert not load_controls(game.ctx.store, class_id).sensitive_allowed("under-9", "grooming")


def test_saying_no_keeps_a_sensitive_topic_off(game: GameDriver) -> None:
    class_id, [kai] = make_class(game, "Owls", ["Kai"])
    open_controls(game, class_id)
    game.click("section-sensitive")
    game.click("sensitive-9-12-grooming")
    game.click("no")
    assert "Off" in game.widget("sensitive-9-12-grooming").text
    assert f"level-{GROOMING_LEVEL}" not in child_map(game, kai.id, "9-12")


def test_a_topic_turned_off_hides_its_levels_for_that_class_only(game: GameDriver) -> None:
    owls, [kai] = make_class(game, "Owls", ["Kai"])
    _foxes, [ada] = make_class(game, "Foxes", ["Ada"])
    shown = child_map(game, kai.id, "under-9")
    assert "level-privacy-treasure" in shown

    open_controls(game, owls)
    game.click("section-topics")
    press(game, "topic-privacy")
    assert "Off" in find(game, "topic-privacy").text

    privacy = [
        f"level-{level.id}"
        for level in game.ctx.catalogue.by_band("under-9")
        if "privacy" in level.topics
    ]
    assert privacy and not set(privacy) & set(child_map(game, kai.id, "under-9"))
    assert set(privacy) <= set(child_map(game, ada.id, "under-9")), "other classes keep them"


def test_a_band_and_a_single_level_can_be_turned_off(game: GameDriver) -> None:
    owls, [kai] = make_class(game, "Owls", ["Kai"])
    open_controls(game, owls)
    game.click("section-bands")
    game.click("band-13-18")
    game.click("section-levels")
    press(game, "level-privacy-treasure")

    assert child_map(game, kai.id, "13-18") == []
    under_9 = child_map(game, kai.id, "under-9")
    assert "level-privacy-treasure" not in under_9 and under_9, "only that one level is hidden"


def test_visible_levels_follows_the_current_players_class(game: GameDriver) -> None:
    store = game.ctx.store
    owls, [kai] = make_class(game, "Owls", ["Kai"])
    lone = store.create_player("Lone", "cat")
    levels = game.ctx.catalogue.levels
    everything_on = [level for level in levels if Controls().shows(level)]

    game.ctx.select_player(lone)
    assert visible_levels(game.ctx, levels) == everything_on
    grooming = game.ctx.catalogue.get(GROOMING_LEVEL)
    assert grooming not in visible_levels(game.ctx, levels), "off by default without a class too"

    from game.classroom.controls import save_controls

    save_controls(store, owls, Controls(bands_off=frozenset({"under-9", "9-12"})))
    game.ctx.select_player(kai)
    assert all(str(level.band) == "13-18" for level in visible_levels(game.ctx, levels))


def test_locked_settings_hide_the_childs_settings_button(game: GameDriver) -> None:
    owls, [kai] = make_class(game, "Owls", ["Kai"])
    open_adult_area(game)
    game.click(f"class-{owls}")
    game.click("class-settings")
    assert isinstance(game.top, ClassSettingsScene)
    press(game, "settings_locked")
    assert "On" in find(game, "settings_locked").text

    game.ctx.select_player(kai)
    game.ctx.scenes.push(MapScene(game.ctx, "under-9"))
    game.frame()
    assert "settings" not in game.ids() and "help" in game.ids()
    game.ctx.select_player(game.ctx.store.create_player("Free", "owl"))
    game.ctx.scenes.push(MapScene(game.ctx, "under-9"))
    game.frame()
    assert "settings" in game.ids(), "players of other classes keep their Settings"


def test_class_settings_reach_every_member_and_projector_mode_enlarges(game: GameDriver) -> None:
    store = game.ctx.store
    owls, players = make_class(game, "Owls", ["Kai", "Mo"])
    open_adult_area(game)
    game.click(f"class-{owls}")
    game.click("class-settings")
    game.click("input_mode")  # each player chooses -> mouse
    game.click("input_mode")  # -> keyboard
    game.click("narration")  # -> by age band
    game.click("narration")  # -> on
    press(game, "projector")
    countries = game.ctx.catalogue.helpline_countries()
    press(game, "helpline_country")

    defaults = load_defaults(store, owls)
    assert (defaults.input_mode, defaults.narration, defaults.projector) == ("keyboard", "on", True)
    for player in players:
        saved = store.load_settings(player.id)
        assert saved["input_mode"] == "keyboard" and saved["narration"] is True
        assert saved["text_scale"] >= 150, "projector mode makes the text at least 150%"
        assert saved["helpline_country"] == countries[0]
    late = store.create_player("Late", "fox")
    from game.classroom.roster import move_player

    move_player(store, late.id, owls)
    assert store.load_settings(late.id)["text_scale"] >= 150, "a player who joins gets them too"

    press(game, "projector")
    assert store.load_settings(players[0].id)["text_scale"] == 100


def test_the_computers_helpline_reaches_players_without_their_own_class_helpline(
    game: GameDriver,
) -> None:
    store = game.ctx.store
    lone = store.create_player("Lone", "cat")
    open_adult_area(game)
    game.click("class-none")
    game.click("class-settings")
    press(game, "helpline_country")
    country = game.ctx.catalogue.helpline_countries()[0]
    assert store.load_settings(None)["helpline_country"] == country
    assert store.load_settings(lone.id)["helpline_country"] == country
    assert "this computer" in find(game, "helpline_country").text
