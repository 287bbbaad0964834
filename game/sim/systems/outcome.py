"""The level's outcome: ask the objective's judge each tick, decide won/lost, stop the
clock on the deciding tick."""

from __future__ import annotations

import esper

from game.sim import events as ev
from game.sim.objectives import judge
from game.sim.state import LOST, PLAYING, WON, TickContext


class OutcomeSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        if ctx.state.outcome != PLAYING:
            return
        progress = judge(ctx)
        if any(e.kind == ev.PRODUCED for e in ctx.events):
            ctx.emit(ev.OBJECTIVE_PROGRESS, progress=progress.done, amount=progress.needed)
        if progress.failed:
            ctx.state.outcome = LOST
            ctx.state.end_tick = ctx.state.tick
            ctx.state.reason = progress.reason or "failed"
            ctx.emit(ev.LEVEL_LOST, tick=ctx.state.tick, reason=progress.reason)
        elif progress.met:
            ctx.state.outcome = WON
            ctx.state.end_tick = ctx.state.tick
            ctx.emit(ev.LEVEL_WON, tick=ctx.state.tick)
