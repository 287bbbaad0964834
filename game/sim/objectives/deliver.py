"""`deliver`: hand the Guild depots what they ask for (every Depot's demand), before the
map's `time_limit_seconds` runs out (0: no clock)."""

from __future__ import annotations

import esper

from game.sim.components import Depot
from game.sim.constants import TICK_RATE
from game.sim.objectives.registry import Progress, register
from game.sim.state import TickContext

TIME_UP = "time_up"


def time_limit_ticks(level) -> int:
    return int(level.properties.get("time_limit_seconds", 0) or 0) * TICK_RATE


@register("deliver")
def deliver(ctx: TickContext) -> Progress:
    depots = [d for _, d in esper.get_component(Depot)]
    done = sum(min(d.delivered, d.demand) for d in depots)
    needed = sum(d.demand for d in depots) or ctx.level.objective.amount
    limit = time_limit_ticks(ctx.level)
    failed = bool(limit) and ctx.state.tick >= limit and done < needed
    return Progress(done, needed, failed, TIME_UP if failed else "")
