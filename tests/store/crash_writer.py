"""Plays forever, printing each write only after the store has acknowledged it.

test_store_crash.py runs this and kills it with SIGKILL at random moments, then checks that every
acknowledged write is in the file. Usage: `python crash_writer.py DATA_DIR`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from game.store import RESULTS, Store

LEVEL = "crash-level"


def main(data_dir: Path) -> int:
    """Record answers (and now and then a setting) until killed."""
    store = Store.open(data_dir)
    if store.recovered_from is not None or not store.saves:
        print(f"trouble {store.recovered_from} {store.read_only_reason}", flush=True)
        return 1
    player = store.player_by_nickname("Crash") or store.create_player("Crash", "fox")
    attempt = store.start_level(player.id, LEVEL, "9-12")
    for step in range(1_000_000):
        result = RESULTS[step % len(RESULTS)]
        store.record_answer(player.id, LEVEL, attempt, step, result)
        print(f"answer {attempt} {step} {result}", flush=True)
        if step % 7 == 6:
            store.save_settings(player.id, {"last_step": [attempt, step]})
            print(f"setting {attempt} {step}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
