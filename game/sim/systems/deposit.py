"""Interact: Elara puts the waste kind she names into the nearest Waste-to-Life node in
reach (every kind only for the autopilots' `Interact()`)."""

from __future__ import annotations

import esper

from game.sim import events as ev
from game.sim.commands import Interact
from game.sim.components import Player, Position, Reactor, Structure
from game.sim.query import ordered
from game.sim.state import TickContext
from game.sim.systems.reach import distance_sq, within_reach


def fill_queue(ctx: TickContext, carry: dict[str, int], structure: Structure,
               reactor: Reactor, only: str = "") -> dict[str, int]:
    """Move waste from a bag into a node's queue, as much as it has room for, in the
    fixed order of the waste kinds (or only `only`); returns what moved. Elara and
    artisans both use it."""
    room = ctx.rules.structures[structure.kind].queue_capacity - len(reactor.queue)
    moved: dict[str, int] = {}
    kinds = [only] if only else ctx.rules.waste_kinds  # fixed order: organic, polymer, alloy
    for kind in kinds:
        n = min(room, carry.get(kind, 0))
        if n <= 0:
            continue
        reactor.queue.extend([kind] * n)
        carry[kind] -= n
        if carry[kind] == 0:
            del carry[kind]
        moved[kind] = n
        room -= n
    return moved


class DepositSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        asks = [cmd for cmd in ctx.commands if isinstance(cmd, Interact)]
        if not asks:
            return
        only = asks[-1].kind
        reach = ctx.rules.player_reach_px
        nodes = ordered(Structure, Reactor, Position)
        for _, (player, ppos) in ordered(Player, Position):
            if not player.carry or (only and not player.carry.get(only)):
                continue
            in_reach = [
                (distance_sq(ppos, pos), eid, structure, reactor)
                for eid, (structure, reactor, pos) in nodes
                if within_reach(ppos, pos, reach)
            ]
            if not in_reach:
                continue
            _, eid, structure, reactor = min(in_reach, key=lambda t: (t[0], t[1]))
            moved = fill_queue(ctx, player.carry, structure, reactor, only)
            if moved:
                ctx.emit(ev.DEPOSITED, node=eid, waste=moved)
