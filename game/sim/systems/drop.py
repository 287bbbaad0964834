"""Drop: Elara puts one carried unit on the ground at her feet, so a bag filled with the
wrong waste never locks a level. The pile waits (`held`) until she steps away."""

from __future__ import annotations

import esper

from game.sim import events as ev
from game.sim.commands import Drop
from game.sim.components import Player, Position, WastePile
from game.sim.constants import TILE
from game.sim.query import ordered
from game.sim.state import TickContext


class DropSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        drops = [cmd for cmd in ctx.commands if isinstance(cmd, Drop)]
        if not drops:
            return
        for _, (player, ppos) in ordered(Player, Position):
            for cmd in drops:
                if player.carry.get(cmd.kind, 0) <= 0:
                    continue
                player.carry[cmd.kind] -= 1
                if player.carry[cmd.kind] == 0:
                    del player.carry[cmd.kind]
                pile_id = _put_down(cmd.kind, ppos)
                ctx.emit(ev.DROPPED, kind=cmd.kind, pile=pile_id)


def _put_down(kind: str, feet: Position) -> int:
    """Onto the pile of that kind on Elara's tile, else a new pile at the tile's centre."""
    tx, ty = feet.x // TILE, feet.y // TILE
    for pile_id, (pile, pos) in ordered(WastePile, Position):
        if pile.kind == kind and pile.amount > 0 and (pos.x // TILE, pos.y // TILE) == (tx, ty):
            pile.amount += 1
            pile.held = True
            return pile_id
    centre = Position(tx * TILE + TILE // 2, ty * TILE + TILE // 2)
    return esper.create_entity(WastePile(kind, 1, 0, held=True), centre)
