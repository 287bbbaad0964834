"""`coop`: the co-op's goals, all at once: city support, nodes and workshops standing
(map properties goal_support, goal_nodes, goal_workshops; 0 leaves a goal out).
Progress counts the goals met; `coop_goals` gives each one for the HUD."""

from __future__ import annotations

from game.sim.components import Structure
from game.sim.objectives.materials import OUT_OF_MATERIALS, can_still_pay
from game.sim.objectives.registry import Progress, register
from game.sim.objectives.support import city_percent
from game.sim.query import ordered
from game.sim.state import TickContext

GOALS = (("support", "goal_support"), ("nodes", "goal_nodes"),
         ("workshops", "goal_workshops"))


def coop_goals(ctx: TickContext) -> list[tuple[str, int, int]]:
    """(goal, have, want) for every goal the map sets, in a fixed order."""
    kinds = [s.kind for _, s in ordered(Structure)]
    have = {"support": city_percent(), "nodes": kinds.count("node"),
            "workshops": kinds.count("workshop")}
    out = []
    for name, prop in GOALS:
        want = int(ctx.level.properties.get(prop) or 0)
        if want > 0:
            out.append((name, min(have[name], want), want))
    return out


@register("coop")
def coop(ctx: TickContext) -> Progress:
    goals = coop_goals(ctx)
    done = sum(have >= want for _, have, want in goals)
    to_build = {kind: want - have for name, have, want in goals
                for kind in [{"nodes": "node", "workshops": "workshop"}.get(name)]
                if kind and want > have}
    if to_build and not can_still_pay(ctx, to_build):
        return Progress(done, len(goals), True, OUT_OF_MATERIALS)
    return Progress(done, len(goals))
