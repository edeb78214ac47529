"""Every adult screen, with a class of eight, at the smallest and the biggest text and in a
right-to-left language: nothing leaves the screen, spills out of a button or overlaps, every
target is big enough, and the focus order follows the reading order."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.audit import checks
from game.audit.drawlog import DrawLog, RecordingCanvas
from game.scenes.base import CANVAS_SIZE
from game.scenes.title import TitleScene
from tests.driver import make_driver
from tests.teacher.render_screens import sample_class, screens

SETTINGS = [
    pytest.param({"text_scale": 100}, id="100%"),
    pytest.param({"text_scale": 200}, id="200%"),
    pytest.param({"text_scale": 150, "high_contrast": True}, id="150%-high-contrast"),
    pytest.param({"text_scale": 125, "locale": "ar"}, id="arabic-125%"),
]


@pytest.mark.parametrize("settings", SETTINGS)
def test_every_adult_screen_lays_out_cleanly(data_dir: Path, settings: dict) -> None:
    game = make_driver(data_dir, overrides=settings)
    problems: list[str] = []
    try:
        class_id = sample_class(game)
        log = DrawLog()
        canvas = RecordingCanvas(CANVAS_SIZE, log)
        for name, show in screens(game, class_id):
            if name == "title":
                continue
            game.ctx.scenes.reset(TitleScene(game.ctx))
            show()
            scene = game.top
            for page in range(3):  # the first pages show every kind of row
                log.clear()
                game.ctx.text.log = log
                try:
                    log.mark(scene, "content")
                    scene.draw(canvas)
                finally:
                    game.ctx.text.log = None
                runs = [run for run in log.runs if run.scene is scene]
                widgets, focusables = list(scene.widgets), list(scene.focus.items)
                findings = [
                    *checks.text_layout(runs, widgets),
                    *checks.targets(focusables),
                    *checks.scan_order(widgets, focusables, game.ctx.i18n.rtl),
                ]
                problems += [f"{name} page {page + 1}: {f.message}" for f in findings]
                more = next((w for w in focusables if w.id.startswith("more")), None)
                if more is None:
                    break
                more.activate()
    finally:
        game.close()
    assert problems == []
