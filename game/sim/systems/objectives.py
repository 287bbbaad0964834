"""The level's objective: measure progress, decide the outcome, stop the clock."""

from __future__ import annotations

import esper

from game.level.data import Objective
from game.sim import events as ev
from game.sim.state import PLAYING, WON, TickContext, WorldState

OBJECTIVE_KINDS = ("produce",)


def objective_progress(objective: Objective, state: WorldState) -> int:
    if objective.kind == "produce":
        return min(objective.amount, state.produced_total.get(objective.target, 0))
    raise ValueError(f"unknown objective kind {objective.kind!r}")


class ObjectiveSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        if ctx.state.outcome != PLAYING:
            return
        objective = ctx.level.objective
        progress = objective_progress(objective, ctx.state)
        if any(e.kind == ev.PRODUCED for e in ctx.events):
            ctx.emit(ev.OBJECTIVE_PROGRESS, progress=progress, amount=objective.amount)
        if progress >= objective.amount:
            ctx.state.outcome = WON
            ctx.state.end_tick = ctx.state.tick
            ctx.emit(ev.LEVEL_WON, tick=ctx.state.tick)
