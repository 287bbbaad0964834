"""Build commands: placement rules (in map, buildable, free, affordable), then payment."""

from __future__ import annotations

import esper

from game.sim import events as ev
from game.sim.commands import Build
from game.sim.components import Player, Position, Reactor, Structure, WastePile
from game.sim.constants import SUBPX, TILE
from game.sim.query import ordered
from game.sim.state import TickContext
from game.sim.swarm.defences import attach_defence, defence_problem

# Reasons a placement is refused; the presentation turns these into words.
OUT_OF_MAP = "out_of_map"
UNKNOWN_KIND = "unknown_kind"
NOT_BUILDABLE = "not_buildable"
OCCUPIED = "occupied"
UNAFFORDABLE = "unaffordable"


def placement_problem(ctx: TickContext, kind: str, tx: int, ty: int) -> str | None:
    """None when a structure of `kind` may be built on (tx, ty) right now."""
    if kind not in ctx.rules.structures:
        return UNKNOWN_KIND
    if not ctx.grid.in_bounds(tx, ty):
        return OUT_OF_MAP
    if ctx.grid.static_solid[ty, tx] or not ctx.grid.buildable[ty, tx]:
        return NOT_BUILDABLE
    if ctx.grid.occupied[ty, tx] or _something_stands_on(ctx, tx, ty):
        return OCCUPIED
    if missing_for(ctx, ctx.rules.cost_of(kind)):
        return UNAFFORDABLE
    return defence_problem(ctx, kind, tx, ty)  # drones there, or it seals the murals off


def missing_for(ctx: TickContext, cost: dict[str, int]) -> dict[str, int]:
    """What is still lacking to pay `cost`: waste from Elara's bag, resources from stock."""
    have = dict(ctx.state.stock)
    for _, player in ordered(Player):
        for kind, n in player.carry.items():
            have[kind] = have.get(kind, 0) + n
    return {k: n - have.get(k, 0) for k, n in cost.items() if have.get(k, 0) < n}


def _something_stands_on(ctx: TickContext, tx: int, ty: int) -> bool:
    hw = ctx.rules.hitbox_px[0] * SUBPX // 2
    hh = ctx.rules.hitbox_px[1] * SUBPX // 2
    x0, y0 = tx * TILE, ty * TILE
    for _, (_, pos) in ordered(Player, Position):
        if x0 - hw < pos.x < x0 + TILE + hw and y0 - hh < pos.y < y0 + TILE + hh:
            return True
    for _, (pile, pos) in ordered(WastePile, Position):
        if pile.amount > 0 and pos.x // TILE == tx and pos.y // TILE == ty:
            return True
    return False


def _pay(ctx: TickContext, cost: dict[str, int]) -> None:
    players = [p for _, p in ordered(Player)]
    for kind, n in sorted(cost.items()):
        if kind in ctx.state.stock:
            ctx.state.stock[kind] -= n
            continue
        for player in players:
            take = min(n, player.carry.get(kind, 0))
            player.carry[kind] = player.carry.get(kind, 0) - take
            if player.carry[kind] == 0:
                del player.carry[kind]
            n -= take


class BuildSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        for cmd in ctx.commands:
            if not isinstance(cmd, Build):
                continue
            problem = placement_problem(ctx, cmd.kind, cmd.tx, cmd.ty)
            if problem:
                ctx.emit(ev.BUILD_REFUSED, kind=cmd.kind, tx=cmd.tx, ty=cmd.ty, reason=problem)
                continue
            _pay(ctx, ctx.rules.cost_of(cmd.kind))
            center = Position(cmd.tx * TILE + TILE // 2, cmd.ty * TILE + TILE // 2)
            entity = esper.create_entity(Structure(cmd.kind, cmd.tx, cmd.ty), center)
            if ctx.rules.structures[cmd.kind].queue_capacity:  # takes waste: a node
                esper.add_component(entity, Reactor())
            ctx.grid.place_structure(cmd.tx, cmd.ty)
            attach_defence(ctx, entity, cmd.kind, cmd.tx, cmd.ty)  # barrier/emitter parts
            ctx.emit(ev.BUILT, kind=cmd.kind, tx=cmd.tx, ty=cmd.ty, entity=entity)


pay = _pay  # abilities and emitter upgrades pay the same way
