"""`produce`: make N units of a resource in nodes (spending them later still counts)."""

from __future__ import annotations

from game.sim.objectives.registry import Progress, register
from game.sim.state import TickContext


@register("produce")
def produce(ctx: TickContext) -> Progress:
    objective = ctx.level.objective
    made = ctx.state.produced_total.get(objective.target, 0)
    return Progress(min(objective.amount, made), objective.amount)
