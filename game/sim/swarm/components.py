"""esper components of the confrontation's few rich entities (plain ints and strings)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Barrier:
    """A biomass barrier: blocks the path; breakers and cornered drones hit it."""

    hp: int
    max_hp: int


@dataclass(slots=True)
class Emitter:
    """Zaps one drone at a time, chosen by `mode` (first, closest, strongest)."""

    mode: str = "first"
    level: int = 0  # index into the emitter levels of drones.toml
    reload: int = 0  # ticks until it may fire again
    jammed: bool = False  # a jammer is near: it cannot fire this tick
    hits: int = 0  # drones its pulses have struck (the inspect panel shows it)
