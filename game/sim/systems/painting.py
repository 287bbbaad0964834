"""Paint (held): Elara paints the nearest mural wall in reach. Each stage (sketch, colour,
luminescent) costs pigment from the stockpile when it is begun, then takes
`paint_ticks` ticks of painting; leaving the wall keeps the progress."""

from __future__ import annotations

import esper

from game.sim import events as ev
from game.sim.commands import Paint
from game.sim.components import MURAL_STAGES, Mural, Player, Position
from game.sim.query import ordered
from game.sim.state import TickContext
from game.sim.systems.reach import distance_sq, within_reach

PAINT_REACH_PX = 24  # a wall is two tiles wide: anywhere along its foot will do
LAST_STAGE = len(MURAL_STAGES) - 1


def mural_in_reach(ppos: Position) -> tuple[int, Mural] | None:
    found = [(distance_sq(ppos, pos), eid, mural) for eid, (mural, pos)
             in ordered(Mural, Position) if within_reach(ppos, pos, PAINT_REACH_PX)]
    if not found:
        return None
    _, eid, mural = min(found, key=lambda t: (t[0], t[1]))
    return eid, mural


class PaintSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        if not any(isinstance(cmd, Paint) for cmd in ctx.commands):
            return
        for _, (_, ppos) in ordered(Player, Position):
            hit = mural_in_reach(ppos)
            if hit is not None:
                self._paint(ctx, *hit)

    def _paint(self, ctx: TickContext, eid: int, mural: Mural) -> None:
        if mural.stage >= LAST_STAGE or mural.health <= 0:
            if mural.paint_progress == 0:
                ctx.emit(ev.PAINT_REFUSED, wall=mural.wall_id, reason="finished")
            return
        if mural.paint_progress == 0:
            cost = ctx.civic.paint_cost[mural.stage]
            if ctx.state.stock.get("pigment", 0) < cost:
                ctx.emit(ev.PAINT_REFUSED, wall=mural.wall_id, reason="no_pigment",
                         need=cost)
                return
            ctx.state.stock["pigment"] -= cost
            ctx.emit(ev.PAINT_STARTED, wall=mural.wall_id, stage=mural.stage + 1, cost=cost,
                     entity=eid)
        mural.paint_progress += 1
        if mural.paint_progress >= ctx.civic.paint_ticks[mural.stage]:
            mural.paint_progress = 0
            mural.stage += 1
            ctx.emit(ev.MURAL_PAINTED, wall=mural.wall_id, stage=mural.stage, entity=eid)
