"""Walking over a waste pile picks up as much as Elara can carry."""

from __future__ import annotations

import esper

from game.sim import events as ev
from game.sim.components import Player, Position, WastePile
from game.sim.query import ordered
from game.sim.state import TickContext
from game.sim.systems.reach import within_reach

PICKUP_REACH_PX = 12


def carried_total(player: Player) -> int:
    return sum(player.carry.values())


class PickupSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        capacity = ctx.rules.player_capacity
        piles = ordered(WastePile, Position)
        for _, (player, ppos) in ordered(Player, Position):
            for pile_id, (pile, pos) in piles:
                near = within_reach(ppos, pos, PICKUP_REACH_PX)
                if pile.held and not near:
                    pile.held = False  # she stepped away from what she dropped
                if pile.amount <= 0 or not near or pile.held:
                    continue
                room = capacity - carried_total(player)
                if room <= 0:
                    continue  # the HUD shows a full bag; nothing happens here
                taken = min(room, pile.amount)
                pile.amount -= taken
                player.carry[pile.kind] = player.carry.get(pile.kind, 0) + taken
                ctx.emit(ev.WASTE_COLLECTED, kind=pile.kind, amount=taken, pile=pile_id)
                if pile.amount == 0:
                    ctx.emit(ev.PILE_EMPTIED, pile=pile_id, kind=pile.kind)
                    esper.delete_entity(pile_id)
