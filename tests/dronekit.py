"""Helpers for the confrontation tests: place drones and defences directly."""

from __future__ import annotations

import esper
import numpy as np

from game.dev.swarm_maps import drone_level
from game.sim import Simulation
from game.sim.components import Position, Structure
from game.sim.constants import TILE
from game.sim.swarm.defences import attach_defence

CODES = {"scout": 0, "sprayer": 1, "heavy": 2, "jammer": 3}


def sim_of(rows: list[str], **kw) -> Simulation:
    return Simulation(drone_level(rows, **kw))


def put_drones(sim: Simulation, tiles: list[tuple[int, int]], kind: str = "scout",
               hp: int | None = None) -> None:
    """Drones at tile centres (one batch, like a tick's spawns)."""
    code = CODES[kind]
    hp = sim.conf.rules.drones[code].hp if hp is None else hp
    xs = np.array([x * TILE + TILE // 2 for x, _ in tiles])
    ys = np.array([y * TILE + TILE // 2 for _, y in tiles])
    n = len(tiles)
    sim.conf.swarm.spawn(xs, ys, np.full(n, code), np.full(n, hp))


def put_structure(sim: Simulation, kind: str, tx: int, ty: int) -> int:
    """A structure placed without the placement rules (e.g. one that seals a path)."""
    esper.switch_world(sim.world)
    eid = esper.create_entity(Structure(kind, tx, ty),
                              Position(tx * TILE + TILE // 2, ty * TILE + TILE // 2))
    sim.grid.place_structure(tx, ty)
    attach_defence(sim._context([], []), eid, kind, tx, ty)
    return eid


def tile_of(sim: Simulation, i: int = 0) -> tuple[int, int]:
    s = sim.conf.swarm
    return int(s.x[i]) // TILE, int(s.y[i]) // TILE
