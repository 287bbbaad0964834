"""Where the confrontation meets building: placements that would seal the murals off
(or land on drones) are refused, and barriers and emitters get their components."""

from __future__ import annotations

import esper

from game.sim.components import Mural
from game.sim.query import ordered
from game.sim.state import TickContext
from game.sim.swarm.components import Barrier, Emitter

CUTS_PATH = "cuts_path"  # refusal reason: drones would have no way to any mural
DRONES_THERE = "drones_there"


def alive_walls() -> set[int]:
    return {m.wall_id for _, m in ordered(Mural) if m.health > 0}


def defence_problem(ctx: TickContext, kind: str, tx: int, ty: int) -> str | None:
    conf = ctx.conf
    if conf is None or not conf.table.spawns:
        return None
    if conf.drones_on(tx, ty):
        return DRONES_THERE
    if conf.cuts_every_path(tx, ty, alive_walls()):
        return CUTS_PATH
    return None


def attach_defence(ctx: TickContext, entity: int, kind: str, tx: int, ty: int) -> None:
    conf = ctx.conf
    if conf is None:
        return
    if kind == "barrier":
        esper.add_component(entity, Barrier(conf.rules.barrier_hp, conf.rules.barrier_hp))
        conf.barrier_mask[ty, tx] = True
    elif kind == "emitter":
        esper.add_component(entity, Emitter(conf.rules.emitter_modes[0]))
