"""Interact: Elara empties her bag into the nearest Waste-to-Life node in reach."""

from __future__ import annotations

import esper

from game.sim import events as ev
from game.sim.commands import Interact
from game.sim.components import Player, Position, Reactor, Structure
from game.sim.query import ordered
from game.sim.state import TickContext
from game.sim.systems.reach import distance_sq, within_reach


def fill_queue(ctx: TickContext, carry: dict[str, int], structure: Structure,
               reactor: Reactor) -> dict[str, int]:
    """Move waste from a bag into a node's queue, as much as it has room for, in the
    fixed order of the waste kinds; returns what moved. Elara and artisans both use it."""
    room = ctx.rules.structures[structure.kind].queue_capacity - len(reactor.queue)
    moved: dict[str, int] = {}
    for kind in ctx.rules.waste_kinds:  # fixed order: organic, polymer, alloy
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
        if not any(isinstance(cmd, Interact) for cmd in ctx.commands):
            return
        reach = ctx.rules.player_reach_px
        nodes = ordered(Structure, Reactor, Position)
        for _, (player, ppos) in ordered(Player, Position):
            if not player.carry:
                continue
            in_reach = [
                (distance_sq(ppos, pos), eid, structure, reactor)
                for eid, (structure, reactor, pos) in nodes
                if within_reach(ppos, pos, reach)
            ]
            if not in_reach:
                continue
            _, eid, structure, reactor = min(in_reach, key=lambda t: (t[0], t[1]))
            moved = fill_queue(ctx, player.carry, structure, reactor)
            if moved:
                ctx.emit(ev.DEPOSITED, node=eid, waste=moved)
