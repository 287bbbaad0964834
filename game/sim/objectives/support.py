"""`support`: lift the city's support (the mean of its districts) to objective_amount %."""

from __future__ import annotations

from game.content.civic import PERCENT
from game.sim.civic import District
from game.sim.objectives.registry import Progress, register
from game.sim.query import ordered
from game.sim.state import TickContext
from game.sim.support import city_support


def city_percent() -> int:
    return city_support([d for _, d in ordered(District)]) // PERCENT


@register("support")
def support(ctx: TickContext) -> Progress:
    needed = ctx.level.objective.amount
    return Progress(min(needed, city_percent()), needed)
