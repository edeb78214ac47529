"""A real crash: a player process killed with SIGKILL never loses an acknowledged write."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

WRITER = Path(__file__).with_name("crash_writer.py")
REPOSITORY = Path(__file__).resolve().parents[2]
KILLS = 15

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")


def _run_and_kill(data_dir: Path, wait_for_writes: bool, delay: float) -> list[str]:
    """Start the writer, kill it after `delay` seconds, and return the lines it acknowledged."""
    env = {**os.environ, "PYTHONPATH": str(REPOSITORY)}
    lines: list[str] = []
    first_write = threading.Event()
    with subprocess.Popen(
        [sys.executable, str(WRITER), str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as process:
        assert process.stdout is not None

        def read() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                lines.append(line.strip())
                first_write.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        if wait_for_writes:
            assert first_write.wait(timeout=20), "the writer never acknowledged a write"
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        reader.join(timeout=10)
        errors = process.stderr.read() if process.stderr else ""
    assert process.returncode == -signal.SIGKILL, (
        f"the writer stopped by itself ({process.returncode}): {lines[-1:]} {errors}"
    )
    return lines


def test_killed_player_process_never_loses_an_acknowledged_answer(tmp_path: Path) -> None:
    seed = random.randrange(2**32)
    chance = random.Random(seed)
    data_dir = tmp_path / "sango"
    acknowledged: set[tuple[int, int, str]] = set()
    last_setting: tuple[int, int] | None = None

    started = time.monotonic()
    for round_number in range(KILLS):
        # Every fourth kill lands early: while the file is opened, checked or migrated.
        early = round_number % 4 == 0
        delay = chance.uniform(0, 0.15) if early else chance.uniform(0, 0.25)
        lines = _run_and_kill(data_dir, wait_for_writes=not early, delay=delay)
        for line in lines:
            kind, attempt, step, *rest = line.split()
            if kind == "answer":
                acknowledged.add((int(attempt), int(step), rest[0]))
            elif kind == "setting":
                last_setting = (int(attempt), int(step))

        if not (data_dir / "sango.db").exists():
            assert not acknowledged, "the save file vanished"
            continue  # killed before the file was even made
        database = sqlite3.connect(data_dir / "sango.db")
        try:
            assert database.execute("PRAGMA integrity_check").fetchall() == [("ok",)], seed
            stored = set(database.execute("SELECT attempt, step_index, result FROM answers"))
            missing = acknowledged - stored
            assert not missing, f"acknowledged answers lost after kill {round_number}: {missing}"
            # The answer and the count it changes are one transaction: they always agree.
            for attempts, safe, unsafe in database.execute(
                "SELECT attempts, safe, unsafe FROM progress"
            ):
                counted = dict(
                    database.execute(
                        "SELECT result, count(*) FROM answers WHERE attempt = ? GROUP BY result",
                        (attempts,),
                    ).fetchall()
                )
                assert (safe, unsafe) == (counted.get("safe", 0), counted.get("unsafe", 0)), seed
            if last_setting is not None:
                [(value,)] = database.execute(
                    "SELECT value FROM settings WHERE key = 'last_step'"
                ).fetchall()
                assert tuple(map(int, value.strip("[]").split(","))) >= last_setting, seed
        finally:
            database.close()

    assert len(acknowledged) > KILLS, f"too few writes were interrupted (seed {seed})"
    assert time.monotonic() - started < 30
