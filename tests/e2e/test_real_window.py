"""A child plays a level in the real game window: with the keyboard, the mouse and one switch.

Each test starts the real `sango` program on a virtual X screen of its own, presses real X keys
or clicks the real mouse, quits the game as a desktop would, and reads what was saved with
`sango report`. Screenshots of every stage stay in /tmp/sango-e2e-<test>/.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from game.content.catalogue import load_level
from game.paths import levels_dir
from tests.e2e.real_game import Plan, Press, RealGame, integer_scale, rehearse, report, row_for

LEVEL_FILE = levels_dir() / "under-9" / "01-treasure-box.yaml"
SCAN_INTERVAL = 1.5
"""Seconds per item in the one-switch test: the game's default speed. It leaves 0.75 s either
side of a press on a later item, and 1.5 s for the first item of a screen (lit twice as long),
for a busy machine where starting xdotool or handling a key can take a moment."""
KEY_SETTLE = 0.15
"""Seconds for the game to draw the new screen before a screenshot."""


def treasure_box() -> tuple[str, int]:
    """The level's id and how many questions it asks, read from its file."""
    level, problems = load_level(LEVEL_FILE)
    assert level is not None, problems
    questions = sum(1 for step in level.steps if hasattr(step, "choice"))
    return level.id, questions


def check_plan(plan: Plan, questions: int, wrong_first: bool) -> None:
    """The rehearsal answered every question of the level file, as asked."""
    answers = [press for press in plan.presses if press.is_answer]
    assert len(answers) == questions * (2 if wrong_first else 1), [p.screen for p in answers]
    assert plan.safe == questions
    assert plan.unsafe == (questions if wrong_first else 0)


def first_answer(plan: Plan) -> Press:
    return next(press for press in plan.presses if press.is_answer)


def check_saved(game: RealGame, player: str, plan: Plan) -> None:
    """The game quit cleanly and `sango report` shows the level done with the same answers."""
    assert game.stop() == 0, f"the game did not quit cleanly:\n{game.log_tail()}"
    rows = report(game.data_dir, game.program)
    row = row_for(rows, player, plan.level_id)
    saved = (row["status"], int(row["safe"]), int(row["unsafe"]), row["band"])
    if saved != ("completed", plan.safe, plan.unsafe, "under-9"):
        shutil.copytree(game.data_dir, game.shots / "data", dirs_exist_ok=True)
    assert saved == ("completed", plan.safe, plan.unsafe, "under-9") and row["finished_at"], (
        f"saved {row}, expected completed with {plan.safe} safe and {plan.unsafe} unsafe answers"
        f"\nwhole report: {[r for r in rows if r['status'] != 'not-started']}"
        f"\npresses: {[p.widget_id for p in plan.presses]}"
    )


def test_keyboard_child_plays_a_level_in_the_real_window(
    x_display: str, shots: Path, tmp_path: Path
) -> None:
    level_id, questions = treasure_box()
    plan = rehearse(level_id, "keyboard", tmp_path)
    check_plan(plan, questions, wrong_first=False)

    game = RealGame(x_display, tmp_path / "data", shots)
    with game.running("--player", "Ama", "--level", level_id, "--input", "keyboard"):
        game.screenshot("start")
        for press in plan.presses:
            if press.is_answer:
                game.screenshot("question")
            # Tab moves the focus on; Enter presses what has it.
            game.key(*["Tab"] * ((press.index - press.focused) % press.count), "Return")
            if press.is_answer:
                game.screenshot("feedback")
        game.screenshot("complete")
        check_saved(game, "Ama", plan)


def test_mouse_child_plays_a_level_in_a_scaled_window(
    big_x_display: str, shots: Path, tmp_path: Path
) -> None:
    level_id, questions = treasure_box()
    plan = rehearse(level_id, "mouse", tmp_path, wrong_first=True)
    check_plan(plan, questions, wrong_first=True)

    game = RealGame(big_x_display, tmp_path / "data", shots)
    with game.running("--player", "Bo", "--level", level_id, "--input", "mouse"):
        # A big screen: SDL shows the canvas twice as large, letterboxed top and bottom. (At
        # this size whole-number and smooth scaling agree, so the test holds for either.)
        game.resize(2560, 1540)
        size = game.geometry()
        assert size == (2560, 1540) and integer_scale(size) == 2, size
        game.screenshot("scaled")
        for number, press in enumerate(plan.presses):
            game.click(press.centre, size)
            if press.is_answer and number == plan.presses.index(first_answer(plan)):
                game.screenshot("kind-feedback-after-a-wrong-answer")
        game.screenshot("complete")
        check_saved(game, "Bo", plan)


def test_one_switch_child_plays_a_level_by_timing_the_scan(
    x_display: str, shots: Path, tmp_path: Path
) -> None:
    level_id, questions = treasure_box()
    plan = rehearse(level_id, "one-switch", tmp_path)
    check_plan(plan, questions, wrong_first=False)

    game = RealGame(x_display, tmp_path / "data", shots)
    with game.running(
        "--player",
        "Cy",
        "--level",
        level_id,
        "--input",
        "one-switch",
        "--scan-interval",
        str(SCAN_INTERVAL),
    ):
        # After each press the scan starts again from the item that has the focus (the first
        # item of a new screen), which stays lit for two intervals; then each next item for
        # one. Press in the middle of the target's turn. The first screen began scanning at its
        # first frame, a little before the test could see it: press its first item at once.
        scan_started: float | None = None
        for press in plan.presses:
            steps = (press.index - press.focused) % press.count
            if scan_started is None:
                assert steps == 0, f"the level should open on its first item: {press.screen}"
                due = time.monotonic()
            else:
                turns = 1.0 if steps == 0 else steps + 1.5
                due = scan_started + turns * SCAN_INTERVAL
            late = time.monotonic() - due
            assert late < 0.2, f"fell {late:.2f} s behind the scan before {press.screen}"
            time.sleep(max(0.0, due - time.monotonic()))
            game.key("space", pause=0)
            scan_started = time.monotonic()
            if press.is_answer:
                time.sleep(KEY_SETTLE)
                game.screenshot("feedback", wait=False)
        time.sleep(KEY_SETTLE)
        game.screenshot("complete")
        check_saved(game, "Cy", plan)
