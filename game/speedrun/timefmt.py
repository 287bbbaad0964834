"""Tick counts as m:ss.mmm, exact integer arithmetic (no float rounding)."""

from __future__ import annotations

from game.sim.constants import TICK_RATE


def ticks_to_ms(ticks: int) -> int:
    return ticks * 1000 // TICK_RATE


def format_ticks(ticks: int) -> str:
    ms = ticks_to_ms(ticks)
    minutes, rest = divmod(ms, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{minutes}:{seconds:02d}.{millis:03d}"
