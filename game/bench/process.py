"""Measuring another process from outside: CPU time used, and waiting until it is idle."""

from __future__ import annotations

import os
import time

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process so far, from /proc/<pid>/stat (Linux).

    Raises:
        OSError: The process is gone, or there is no /proc (not Linux).
    """
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    # After the command name: state is field 3, so utime (14) and stime (15) are at 11 and 12.
    return (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND


def peak_rss_mb(pid: int) -> float:
    """The most resident memory a running process has used (VmHWM), in MB."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise OSError(f"no VmHWM for process {pid}")


def wait_until_quiet(pid: int, limit: float, quiet_for: float = 1.0) -> None:
    """Wait until a process has used no CPU for `quiet_for` seconds (it finished starting up)."""
    deadline = time.monotonic() + limit
    last = cpu_seconds(pid)
    quiet_since = time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.2)
        now_cpu = cpu_seconds(pid)
        if now_cpu - last > 0.02:
            quiet_since = time.monotonic()
        last = now_cpu
        if time.monotonic() - quiet_since >= quiet_for:
            return


def cpu_percent(pid: int, seconds: float) -> float:
    """Percent of one core a process used over the next `seconds`."""
    before = cpu_seconds(pid)
    start = time.monotonic()
    time.sleep(seconds)
    used = cpu_seconds(pid) - before
    return 100 * used / (time.monotonic() - start)


def load_average() -> float | None:
    """The 1-minute load average, to show how busy the machine was while measuring."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return None
