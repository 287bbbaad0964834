"""Timers beside the simulation's IGT: real time (RTA), formats, and what the HUD shows.

IGT is never measured here: it is the simulation's tick count (`Simulation.igt_ticks`),
so pauses, menus, dialogue and loading cannot count. RTA is wall-clock time from the
start of the run, and counts everything, as real time does.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from game.sim.constants import TICK_RATE

_100NS_PER_S = 10_000_000


def livesplit_time(ticks: int) -> str:
    """IGT as a .NET TimeSpan string (H:MM:SS.fffffff), exact to 100 ns, floored."""
    units = ticks * _100NS_PER_S // TICK_RATE
    seconds, frac = divmod(units, _100NS_PER_S)
    minutes, s = divmod(seconds, 60)
    hours, m = divmod(minutes, 60)
    return f"{hours:02d}:{m:02d}:{s:02d}.{frac:07d}"


def format_delta(ticks: int) -> str:
    """Signed delta, e.g. "-1.250" or "+1:02.500" (floored toward zero, like LiveSplit)."""
    sign = "-" if ticks < 0 else "+"
    ms = abs(ticks) * 1000 // TICK_RATE
    minutes, rest = divmod(ms, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{sign}{minutes}:{seconds:02d}.{millis:03d}" if minutes else \
        f"{sign}{seconds}.{millis:03d}"


def format_ms(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    head = f"{hours}:{minutes:02d}" if hours else f"{minutes}"
    return f"{head}:{seconds:02d}.{millis:03d}"


class RtaClock:
    """Real time of a run; `clock` is injectable so tests need not sleep."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self.clock = clock
        self.started: float | None = None
        self.stopped: float | None = None

    def start(self) -> None:
        self.started, self.stopped = self.clock(), None

    def stop(self) -> None:
        if self.started is not None and self.stopped is None:
            self.stopped = self.clock()

    def resume(self) -> None:
        """Undo a stop (a level ended but the campaign goes on: real time keeps running)."""
        self.stopped = None

    @property
    def ms(self) -> int:
        if self.started is None:
            return 0
        end = self.stopped if self.stopped is not None else self.clock()
        return int((end - self.started) * 1000)


@dataclass
class TimerView:
    """What the HUD's timer panel shows; None hides a line (settings or no data)."""

    level_ticks: int | None
    campaign_ticks: int | None = None
    rta_ms: int | None = None
    delta_ticks: int | None = None
    delta_final: bool = True  # False: running delta, still changing
    label: str = ""  # e.g. "PRACTICE"
