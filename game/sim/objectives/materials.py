"""Can what is still to be built be paid for with everything left in the level? Used by
judges to end a level with a stated reason instead of leaving the player stuck."""

from __future__ import annotations

from game.sim.civic import Artisan
from game.sim.components import Player, Reactor, WastePile
from game.sim.query import ordered
from game.sim.state import TickContext

OUT_OF_MATERIALS = "out_of_materials"


def waste_left(ctx: TickContext) -> dict[str, int]:
    """Waste on the ground and in every bag (Elara's and the artisans')."""
    out: dict[str, int] = {}
    for _, pile in ordered(WastePile):
        out[pile.kind] = out.get(pile.kind, 0) + max(0, pile.amount)
    for _, holder in [*ordered(Player), *ordered(Artisan)]:
        for kind, n in holder.carry.items():
            out[kind] = out.get(kind, 0) + n
    return out


def can_still_pay(ctx: TickContext, builds: dict[str, int]) -> bool:
    """False only when `builds` (structure kind -> how many more) can certainly not be
    paid: every waste unit counted at most once, each processed one at its best (a
    bloom doubles it), waste spent on a structure first."""
    waste = waste_left(ctx)
    need_waste: dict[str, int] = {}
    need_res: dict[str, int] = {}
    for kind, n in builds.items():
        for item, amount in ctx.rules.cost_of(kind).items():
            target = need_res if item in ctx.state.stock else need_waste
            target[item] = target.get(item, 0) + amount * n
    for kind, n in need_waste.items():
        if waste.get(kind, 0) < n:
            return False
        waste[kind] -= n
    queued: dict[str, int] = {}
    for _, reactor in ordered(Reactor):
        for kind in reactor.queue:
            queued[kind] = queued.get(kind, 0) + 1
    makes = {res: kind for kind, res in ctx.rules.produces.items()}
    for res, n in need_res.items():
        kind = makes.get(res, "")
        most = ctx.state.stock.get(res, 0) + 2 * (waste.get(kind, 0) + queued.get(kind, 0))
        if most < n:
            return False
    return True
