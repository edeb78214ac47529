"""A power cut in the middle of play: the real game, killed with SIGKILL at random moments over
and over, always leaves a save file that opens, passes SQLite's integrity check, and holds every
answer and setting the child saw acknowledged on screen."""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from game.store.database import Store
from tests.driver import make_driver

PLAYER = Path(__file__).with_name("play_until_killed.py")
REPOSITORY = Path(__file__).resolve().parents[2]
KILLS = 40 if os.environ.get("SANGO_LONG_TESTS") else 12

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")


class Games:
    """The game server (play_until_killed.py serve): each `play` forks a fresh game."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(PLAYER), "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.strip())
        self.lines.put("EOF")

    def _next(self, timeout: float = 60) -> str:
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError("the game went quiet") from None
        assert line != "EOF", self.errors()
        assert not line.startswith("TROUBLE"), line
        return line

    def errors(self) -> str:
        self.process.kill()
        return self.process.stderr.read()[-3000:] if self.process.stderr else ""

    def play_and_kill(
        self, data_dir: Path, seed: int, early: bool, answers: int, delay: float
    ) -> list[str]:
        """Start a game; kill it with SIGKILL `delay` seconds after launch when `early`, else
        `delay` seconds after its `answers`-th acknowledged answer. Returns what it printed."""
        assert self.process.stdin is not None
        self.process.stdin.write(f"PLAY {data_dir} {seed}\n")
        self.process.stdin.flush()
        kind, pid = self._next().split()
        assert kind == "CHILD"
        printed: list[str] = []
        if not early:
            while sum(line.startswith("ACK") for line in printed) < answers:
                line = self._next()
                assert not line.startswith("DEAD"), f"the game stopped by itself: {line}"
                printed.append(line)
        time.sleep(delay)
        os.kill(int(pid), signal.SIGKILL)
        while not (line := self._next()).startswith("DEAD"):
            printed.append(line)
        status = int(line.split()[2])
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, line
        return printed

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=30)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


def saved_answers(database: Path) -> Counter[tuple[str, int, int, str]]:
    """Check the file whole, and read its answers, as a plain SQLite client would."""
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = connection.execute("SELECT level_id, attempt, step_index, result FROM answers")
        return Counter(
            (level, int(attempt), int(step), result) for level, attempt, step, result in rows
        )
    finally:
        connection.close()


def saved_text_scale(database: Path) -> object:
    connection = sqlite3.connect(database)
    try:
        row = connection.execute(
            "SELECT value FROM settings WHERE key = 'text_scale' AND player_id IS NOT NULL"
        ).fetchone()
        return None if row is None else json.loads(row[0])
    finally:
        connection.close()


def test_a_game_killed_at_random_moments_keeps_everything_it_acknowledged(tmp_path: Path) -> None:
    seed = random.randrange(2**32)
    chance = random.Random(seed)
    data_dir = tmp_path / "sango"
    database = data_dir / "sango.db"
    acknowledged: Counter[tuple[str, int, int, str]] = Counter()
    scale_shown: object = None
    scales_tried: list[object] = []
    started = time.monotonic()

    games = Games()
    for round_number in range(KILLS):
        early = round_number % 4 == 1  # now and then while the file is opened and migrated
        lines = games.play_and_kill(
            data_dir,
            chance.randrange(2**32),
            early,
            answers=chance.randint(1, 6),
            delay=chance.uniform(0, 1.5) if early else chance.uniform(0, 0.1),
        )
        for line in lines:
            kind, *rest = line.split()
            if kind == "ACK":
                level, attempt, step, result = rest
                acknowledged[(level, int(attempt), int(step), result)] += 1
            elif kind == "TRY":
                scales_tried.append(int(rest[0]))
            elif kind == "SET":
                scale_shown, scales_tried = int(rest[0]), []

        if not database.exists():
            assert not acknowledged, "the save file vanished"
            continue
        saved = saved_answers(database)
        lost = acknowledged - saved
        assert not lost, f"seed {seed}, kill {round_number}: acknowledged answers lost: {lost}"
        if scale_shown is not None:
            assert saved_text_scale(database) in [scale_shown, *scales_tried], f"seed {seed}"

    games.close()
    elapsed = time.monotonic() - started
    print(f"{KILLS} kills, {sum(acknowledged.values())} acknowledged answers, {elapsed:.1f} s")
    assert sum(acknowledged.values()) >= KILLS, "too few answers were acknowledged to prove much"

    store = Store.open(data_dir)
    try:
        assert store.recovered_from is None and store.saves
    finally:
        store.close()
    game = make_driver(data_dir)
    try:
        assert not [notice for notice in game.ctx.notices if "moved aside" in notice]
        assert game.ctx.store.player_by_nickname("Crash") is not None
    finally:
        game.close()
