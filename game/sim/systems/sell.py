"""Sell commands: a defence (barrier or emitter) is taken down and part of what it cost,
upgrades included, goes back to the stockpile. Its tile is open again at once."""

from __future__ import annotations

import esper

from game.content.confront import ConfrontRules
from game.content.rules import Rules
from game.sim.commands import Sell
from game.sim.components import Structure
from game.sim.query import ordered
from game.sim.state import TickContext
from game.sim.swarm import events as sev
from game.sim.swarm.components import Barrier, Emitter

NOTHING_TO_SELL = "nothing_to_sell"


def refund_for(rules: Rules, confront: ConfrontRules, kind: str,
               level: int) -> dict[str, int]:
    """What selling a defence of `kind` (an emitter at upgrade `level`) gives back."""
    paid = dict(rules.cost_of(kind))
    for res, n in confront.upgrade_cost if kind == "emitter" else ():
        paid[res] = paid.get(res, 0) + n * level
    pct = confront.sell_percent
    return {res: n * pct // 100 for res, n in sorted(paid.items()) if n * pct // 100}


class SellSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        if ctx.conf is None:
            return
        for cmd in ctx.commands:
            if isinstance(cmd, Sell):
                self._sell(ctx, cmd.tx, cmd.ty)

    @staticmethod
    def _sell(ctx: TickContext, tx: int, ty: int) -> None:
        for eid, st in ordered(Structure):
            if (st.tx, st.ty) != (tx, ty):
                continue
            em = esper.try_component(eid, Emitter)
            if em is None and not esper.has_component(eid, Barrier):
                break  # nodes and workshops are not for sale
            refund = refund_for(ctx.rules, ctx.conf.rules, st.kind, em.level if em else 0)
            for res, n in refund.items():
                ctx.state.stock[res] = ctx.state.stock.get(res, 0) + n
            esper.delete_entity(eid, immediate=True)
            ctx.grid.remove_structure(tx, ty)
            ctx.conf.barrier_mask[ty, tx] = False
            ctx.emit(sev.SOLD, kind=st.kind, tx=tx, ty=ty, refund=refund)
            return
        ctx.emit(sev.ABILITY_REFUSED, ability="sell", reason=NOTHING_TO_SELL)
