"""Which sound a simulation event makes, and where (no pygame: a table and a function).

A cue without a position sounds at Elara (the centre of the view); one with a position
is panned and attenuated by where it is on screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.sim import events as ev
from game.sim.swarm import events as sev


@dataclass(frozen=True, slots=True)
class Cue:
    name: str
    gain: float = 1.0
    at: tuple[float, float] | None = None  # world pixels


SIMPLE: dict[str, Cue] = {
    ev.DEPOSITED: Cue("deposit"),
    ev.DELIVERED: Cue("deposit"),
    ev.BUILD_REFUSED: Cue("refused"),
    ev.PAINT_REFUSED: Cue("refused"),
    ev.RALLY_REFUSED: Cue("refused"),
    sev.ABILITY_REFUSED: Cue("refused"),
    ev.PRODUCED: Cue("harvest", 0.6),
    ev.BLOOM: Cue("harvest", 1.0),
    ev.MURAL_PAINTED: Cue("stage_complete"),
    ev.COOP_GOAL_MET: Cue("stage_complete"),
    ev.SMEAR_WARNING: Cue("smear_warning"),
    ev.SMEAR_STARTED: Cue("support_lost"),
    ev.SMEAR_COUNTERED: Cue("support_gained"),
    ev.DISTRICT_RALLIED: Cue("support_gained"),
    ev.DAX_JOINED: Cue("support_gained"),
    ev.ARTISAN_TRAINED: Cue("support_gained", 0.6),
    ev.RALLIED: Cue("rally"),
    sev.WAVE_STARTED: Cue("wave_horn"),
    sev.AEGIS_ABSORBED: Cue("barrier_hit", 0.35),
    sev.EMITTER_CHANGED: Cue("menu_select"),
}


def _tile_centre(data: dict) -> tuple[float, float]:
    return data["tx"] * 16 + 8, data["ty"] * 16 + 8


def cue_for(event: ev.Event) -> Cue | None:
    d = event.data
    kind = event.kind
    if kind == ev.WASTE_COLLECTED:
        return Cue(f"pickup_{d.get('kind', 'organic')}")
    if kind == ev.BUILT:
        return Cue("node_built", 1.0, _tile_centre(d)) if "tx" in d else Cue("node_built")
    if kind == sev.ZAP:
        return Cue("zap", 1.0, (d["x1"], d["y1"]))
    if kind == sev.DRONES_DOWN:
        at = d.get("at") or [None]
        return Cue("drone_down", 1.0, tuple(at[0]) if at[0] else None)
    if kind == sev.MURAL_HIT:
        return Cue("mural_hit", 1.0, (d["x"], d["y"]))
    if kind == sev.MURAL_DESTROYED:
        return Cue("mural_falls", 1.0, (d["x"], d["y"]))
    if kind in (sev.BARRIER_HIT, sev.BARRIER_DESTROYED):
        gain = 1.0 if kind == sev.BARRIER_DESTROYED else 0.8
        return Cue("barrier_hit", gain, _tile_centre(d))
    if kind == sev.ABILITY_USED:
        return Cue("aegis" if d.get("ability") == "aegis" else "override", 1.0,
                   (d["x"], d["y"]))
    return SIMPLE.get(kind)
