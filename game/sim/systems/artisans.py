"""Workshops train citizen artisans; artisans (and volunteers) fetch waste on their own.

An artisan with an empty bag walks to the nearest waste pile of a kind it takes (organic
or polymer: alloy is left for Elara's nodes, and so is polymer once no more than the
co-op's unbuilt nodes need is left), takes what it can carry,
then walks to the nearest Waste-to-Life node with room and fills its queue. Paths come
from the game's one search (game/sim/pathing.py): the nearest target by steps, then
entity id; positions are integers moving from tile centre to tile centre."""

from __future__ import annotations

import esper
import numpy as np

from game.sim import events as ev
from game.sim.civic import Artisan, Trainer
from game.sim.components import Player, Position, Reactor, Structure, WastePile
from game.sim.constants import FACING, TILE
from game.sim.grid import Grid
from game.sim.pathing import NEIGHBOURS, Field
from game.sim.query import ordered
from game.sim.state import TickContext
from game.sim.systems.deposit import fill_queue
from game.sim.systems.pickup import PICKUP_REACH_PX
from game.sim.systems.reach import within_reach

IDLE_WAIT = 60  # ticks before an artisan with nothing to do looks again
WORKSHOP = "workshop"
NODE = "node"


def reserved_kinds(ctx: TickContext) -> set[str]:
    """Waste kinds artisans leave on the ground: those the co-op's nodes still to be
    built need (map property goal_nodes) and that are already short, counting what is
    on the ground and in Elara's bag. Without it they haul the last of it into nodes and
    the level is lost for want of waste."""
    want = int(ctx.level.properties.get("goal_nodes") or 0)
    left = want - sum(1 for _, s in ordered(Structure) if s.kind == NODE)
    if left <= 0:
        return set()
    free: dict[str, int] = {}
    for _, pile in ordered(WastePile):
        free[pile.kind] = free.get(pile.kind, 0) + max(0, pile.amount)
    for _, player in ordered(Player):
        for kind, n in player.carry.items():
            free[kind] = free.get(kind, 0) + n
    cap = ctx.civic.artisan_capacity
    return {kind for kind, n in ctx.rules.cost_of(NODE).items()
            if free.get(kind, 0) - cap < n * left}


def nearest_open_tile(grid: Grid, tx: int, ty: int) -> tuple[int, int]:
    """(tx, ty) if walkable, else the nearest walkable tile in steps across anything
    (ties: the first in reading order, row then column)."""
    if grid.in_bounds(tx, ty) and not grid.is_blocked(tx, ty):
        return tx, ty
    ys, xs = np.nonzero(~grid.blocked)  # row-major: argmin keeps reading order on ties
    if not ys.size:
        return tx, ty
    i = int(np.argmin(np.abs(xs - tx) + np.abs(ys - ty)))
    return int(xs[i]), int(ys[i])


def spawn_artisan(grid: Grid, x: int, y: int, home: int = 0) -> int:
    tx, ty = nearest_open_tile(grid, x // TILE, y // TILE)
    return esper.create_entity(Artisan(home=home),
                               Position(tx * TILE + TILE // 2, ty * TILE + TILE // 2))


def path_to(grid: Grid, start: tuple[int, int], goals: dict[tuple[int, int], int]
            ) -> tuple[int, list[int]] | None:
    """(target entity, path of tile indices) to the nearest walkable goal tile (the
    game's one search: nearest by steps, then lowest entity id), or None."""
    if start in goals:
        return goals[start], []
    sources = [(x, y, e) for (x, y), e in goals.items() if not grid.is_blocked(x, y)]
    found = Field(~grid.blocked, sources).path_from(*start) if sources else None
    if found is None:
        return None
    return found[0], [y * grid.width + x for x, y in found[1]]


class WorkshopSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        for e in ctx.events:
            if e.kind == ev.BUILT and e.data["kind"] == WORKSHOP:
                esper.add_component(e.data["entity"], Trainer())
        for eid, (trainer, pos) in ordered(Trainer, Position):
            if trainer.trained >= ctx.civic.per_workshop:
                continue
            trainer.progress += 1
            if trainer.progress < ctx.civic.train_ticks:
                continue
            trainer.progress = 0
            trainer.trained += 1
            artisan = spawn_artisan(ctx.grid, pos.x, pos.y + TILE, home=eid)
            ctx.emit(ev.ARTISAN_TRAINED, artisan=artisan, workshop=eid)


class ArtisanSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        self.reserved = reserved_kinds(ctx)
        for eid, (artisan, pos) in ordered(Artisan, Position):
            if artisan.path:
                self._walk(ctx.grid, artisan, pos, ctx.civic.artisan_speed)
            elif artisan.wait > 0:
                artisan.wait -= 1
            else:
                self._work(ctx, eid, artisan, pos)

    def _walk(self, grid: Grid, artisan: Artisan, pos: Position, step: int) -> None:
        tx, ty = artisan.path[0] % grid.width, artisan.path[0] // grid.width
        if grid.is_blocked(tx, ty):  # something was built on the way: plan again
            artisan.path.clear()
            artisan.moving = False
            return
        cx, cy = tx * TILE + TILE // 2, ty * TILE + TILE // 2
        dx, dy = max(-step, min(step, cx - pos.x)), max(-step, min(step, cy - pos.y))
        pos.x += dx
        pos.y += dy
        artisan.moving = True
        sx, sy = (dx > 0) - (dx < 0), (dy > 0) - (dy < 0)
        artisan.facing = FACING.get((sx, 0) if sx else (0, sy), artisan.facing)
        if (pos.x, pos.y) == (cx, cy):
            artisan.path.pop(0)

    def _work(self, ctx: TickContext, eid: int, artisan: Artisan, pos: Position) -> None:
        artisan.moving = False
        here = (pos.x // TILE, pos.y // TILE)
        if not artisan.carry:
            piles = {p: (pile, ppos) for p, (pile, ppos) in ordered(WastePile, Position)}
            hit = piles.get(artisan.target)
            if hit and hit[0].amount > 0 and within_reach(pos, hit[1], PICKUP_REACH_PX):
                self._take(ctx, eid, artisan, artisan.target, hit[0])
                return
            goals: dict[tuple[int, int], int] = {}
            takes = set(ctx.civic.artisan_takes) - self.reserved  # never alloy, nor
            # the last of what the co-op's nodes are built of
            for p, (pile, ppos) in piles.items():
                tile = (ppos.x // TILE, ppos.y // TILE)
                if pile.amount > 0 and pile.kind in takes and \
                        (tile not in goals or p < goals[tile]):
                    goals[tile] = p
            self._plan(ctx.grid, artisan, here, goals)
            return
        nodes = [(n, s, r, npos) for n, (s, r, npos) in ordered(Structure, Reactor, Position)
                 if len(r.queue) < ctx.rules.structures[s.kind].queue_capacity]
        for n, s, reactor, npos in nodes:
            if n == artisan.target and within_reach(pos, npos, ctx.rules.player_reach_px):
                self._deliver(ctx, eid, artisan, n, s, reactor)
                return
        goals = {}
        for n, s, _, _ in nodes:
            for dx, dy in NEIGHBOURS:
                tile = (s.tx + dx, s.ty + dy)
                if tile not in goals or n < goals[tile]:
                    goals[tile] = n
        self._plan(ctx.grid, artisan, here, goals)

    def _plan(self, grid: Grid, artisan: Artisan, here: tuple[int, int],
              goals: dict[tuple[int, int], int]) -> None:
        found = path_to(grid, here, goals) if goals else None
        if found is None:
            artisan.target, artisan.wait = 0, IDLE_WAIT
            return
        artisan.target, artisan.path = found[0], found[1]
        if not artisan.path:  # already there: act next tick
            artisan.wait = 1

    def _take(self, ctx: TickContext, eid: int, artisan: Artisan, pile_id: int,
              pile: WastePile) -> None:
        taken = min(ctx.civic.artisan_capacity, pile.amount)
        pile.amount -= taken
        artisan.carry[pile.kind] = artisan.carry.get(pile.kind, 0) + taken
        artisan.target = 0
        ctx.emit(ev.ARTISAN_COLLECTED, kind=pile.kind, amount=taken, pile=pile_id, artisan=eid)
        if pile.amount == 0:
            ctx.emit(ev.PILE_EMPTIED, pile=pile_id, kind=pile.kind)
            esper.delete_entity(pile_id)

    def _deliver(self, ctx: TickContext, eid: int, artisan: Artisan, node: int,
                 structure: Structure, reactor: Reactor) -> None:
        moved = fill_queue(ctx, artisan.carry, structure, reactor)
        artisan.target = 0
        if moved:
            ctx.emit(ev.ARTISAN_DELIVERED, artisan=eid, node=node, waste=moved)
