"""Walking over a waste pile picks up as much as Elara can carry."""

from __future__ import annotations

import esper

from game.sim import events as ev
from game.sim.components import Player, Position, WastePile
from game.sim.constants import SUBPX
from game.sim.query import ordered
from game.sim.state import TickContext

PICKUP_REACH_PX = 12
# Her reach runs from her feet up her legs. Her sprite rises 21 px above her feet, so from
# the row below a pile (16 px) her body covers it: measured from her feet alone, she stood
# "on" a pile without taking it until she stepped up. Beside and below her feet it stays
# 12 px, so she still walks behind a pile in the row above, and nothing is ever taken
# through a wall (tested).
LEGS_PX = 6


def within_pickup(feet: Position, pile: Position) -> bool:
    """Within PICKUP_REACH_PX of her feet or of a point up to LEGS_PX above them."""
    dx, dy = pile.x - feet.x, pile.y - feet.y  # dy < 0: the pile is above her feet
    legs = LEGS_PX * SUBPX
    dy = dy + legs if dy < -legs else max(dy, 0)
    r = PICKUP_REACH_PX * SUBPX
    return dx * dx + dy * dy <= r * r


def carried_total(player: Player) -> int:
    return sum(player.carry.values())


class PickupSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        capacity = ctx.rules.player_capacity
        piles = ordered(WastePile, Position)
        for _, (player, ppos) in ordered(Player, Position):
            for pile_id, (pile, pos) in piles:
                near = within_pickup(ppos, pos)
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
