"""Guild depots: Interact beside a depot hands it what it accepts from the stockpile,
up to what it still wants."""

from __future__ import annotations

import esper

from game.level.data import LevelData
from game.sim import events as ev
from game.sim.commands import Interact
from game.sim.components import Depot, Player, Position
from game.sim.constants import TILE
from game.sim.grid import Grid
from game.sim.query import ordered
from game.sim.state import TickContext
from game.sim.systems.reach import distance_sq, within_reach

DEPOT_REACH_BONUS_PX = 4  # a depot is a building: Elara stands beside it, not on it


def spawn_depots(level: LevelData, grid: Grid) -> None:
    """One entity per Depot object, standing on (and blocking) its centre tile."""
    for obj in sorted(level.objects_of("Depot"), key=lambda o: o.id):
        x, y = obj.center
        tx, ty = int(x // 16), int(y // 16)
        props = obj.properties
        depot = Depot(obj.id, str(props["accepts"]), int(props["demand"]), 0, tx, ty)
        esper.create_entity(depot, Position(tx * TILE + TILE // 2, ty * TILE + TILE // 2))
        grid.place_structure(tx, ty)


class DeliverySystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        if not any(isinstance(cmd, Interact) for cmd in ctx.commands):
            return
        depots = ordered(Depot, Position)
        if not depots:
            return
        reach = ctx.rules.player_reach_px + DEPOT_REACH_BONUS_PX
        for _, (_, ppos) in ordered(Player, Position):
            near = sorted((distance_sq(ppos, pos), eid, depot) for eid, (depot, pos) in depots
                          if within_reach(ppos, pos, reach) and depot.delivered < depot.demand)
            for _, eid, depot in near:  # every depot in reach, nearest first
                have = ctx.state.stock.get(depot.accepts, 0)
                n = min(have, depot.demand - depot.delivered)
                if n <= 0:
                    continue
                ctx.state.stock[depot.accepts] = have - n
                depot.delivered += n
                ctx.emit(ev.DELIVERED, depot=eid, resource=depot.accepts, amount=n,
                         delivered=depot.delivered, demand=depot.demand)
