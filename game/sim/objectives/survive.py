"""`survive`: hold out until the last drone wave is cleared; lost when every mural has
fallen (or the great mural, when the map marks one)."""

from __future__ import annotations

from game.sim.components import Mural
from game.sim.objectives.registry import Progress, register
from game.sim.query import ordered
from game.sim.state import TickContext

# Why the level was lost: one word each (results screen text, `play --headless`).
MURAL_FELL = "mural_fell"
MURALS_DESTROYED = "murals_destroyed"


@register("survive")
def survive(ctx: TickContext) -> Progress:
    conf = ctx.conf
    needed = conf.table.wave_count if conf is not None else 0
    done = conf.waves_cleared() if conf is not None else 0
    murals = [m for _, m in ordered(Mural)]
    if murals and all(m.health <= 0 for m in murals):
        return Progress(done, needed, True, MURALS_DESTROYED)
    if any(m.great and m.health <= 0 for m in murals):
        return Progress(done, needed, True, MURAL_FELL)
    return Progress(done, max(1, needed))
