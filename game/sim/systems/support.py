"""Support: Talin's smears (announced, then draining a district), Dax's Rally (counters
a smear, boosts a district, cooldown) and the rise of support near murals."""

from __future__ import annotations

import esper

from game.content.civic import FULL
from game.sim import events as ev
from game.sim.civic import Civic, District
from game.sim.commands import Rally
from game.sim.components import Mural, Player, Position
from game.sim.constants import TILE
from game.sim.objectives.coop import coop_goals
from game.sim.query import ordered
from game.sim.state import TickContext
from game.sim.support import layout_for
from game.sim.systems.artisans import spawn_artisan


def _civic() -> Civic | None:
    found = ordered(Civic)
    return found[0][1] if found else None


class SmearSystem(esper.Processor):
    """Announce the next smear `smear_warning` ticks ahead (district drawn from the RNG),
    land it on time unless Rally countered it, and drain the district while it runs."""

    def process(self, ctx: TickContext) -> None:
        civic = _civic()
        if civic is None:
            return
        districts = [d for _, d in ordered(District)]
        tick = ctx.state.tick
        if civic.smear_first and not civic.rally_unlocked and any(
                e.kind == ev.MURAL_PAINTED for e in ctx.events):
            _dax_joins(ctx, civic)  # he saw the first sketch
        if civic.smear_first and civic.next_smear == 0:
            due = civic.smear_first + civic.smears * civic.smear_interval
            if tick >= due - ctx.civic.smear_warning:
                civic.next_smear = max(due, tick + 1)
                civic.smear_target = ctx.rng.below(len(districts))
                target = districts[civic.smear_target]
                # names the story scene `smear_<n>` (presentation only, like Trigger)
                ctx.emit(ev.SMEAR_WARNING, district=target.index, name=target.name,
                         at=civic.next_smear, dialogue=f"smear_{civic.smears + 1}")
                if not civic.rally_unlocked:  # at the latest with Talin's first smear
                    _dax_joins(ctx, civic)
        if civic.next_smear and tick >= civic.next_smear:
            target = districts[civic.smear_target]
            target.smear_left = ctx.civic.smear_ticks
            ctx.emit(ev.SMEAR_STARTED, district=target.index, name=target.name)
            civic.smears += 1
            civic.next_smear, civic.smear_target = 0, -1
        for d in districts:
            if d.smear_left > 0:
                d.smear_left -= 1
                d.support = max(0, d.support - ctx.civic.smear_drain)


def _dax_joins(ctx: TickContext, civic: Civic) -> None:
    civic.rally_unlocked = True
    ctx.emit(ev.DAX_JOINED, dialogue="dax_joins")


class RallySystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        if not any(isinstance(cmd, Rally) for cmd in ctx.commands):
            return
        civic = _civic()
        if civic is None or not civic.rally_unlocked:
            ctx.emit(ev.RALLY_REFUSED, reason="locked")
            return
        if ctx.state.tick < civic.rally_ready:
            ctx.emit(ev.RALLY_REFUSED, reason="cooldown", ready=civic.rally_ready)
            return
        districts = [d for _, d in ordered(District)]
        target = rally_target(ctx, civic, districts)
        civic.rally_ready = ctx.state.tick + ctx.civic.rally_cooldown
        if target.smear_left > 0 or civic.smear_target == target.index:
            target.smear_left = 0
            if civic.smear_target == target.index:  # countered before it landed
                civic.smears += 1
                civic.next_smear, civic.smear_target = 0, -1
            ctx.emit(ev.SMEAR_COUNTERED, district=target.index, name=target.name)
        target.support = min(FULL, target.support + ctx.civic.rally_boost)
        ctx.emit(ev.RALLIED, district=target.index, name=target.name, boost=ctx.civic.rally_boost)


def rally_target(ctx: TickContext, civic: Civic, districts: list[District]) -> District:
    """The district under a running smear, else the announced one, else Elara's, else the
    weakest (ties: lowest index)."""
    running = [d for d in districts if d.smear_left > 0]
    if running:
        return running[0]
    if civic.smear_target >= 0:
        return districts[civic.smear_target]
    layout = layout_for(ctx.grid, ctx.level)
    for _, (_, pos) in ordered(Player, Position):
        tx, ty = pos.x // TILE, pos.y // TILE
        if ctx.grid.in_bounds(tx, ty) and layout.index[ty, tx] >= 0:
            return districts[int(layout.index[ty, tx])]
    return min(districts, key=lambda d: (d.support, d.index))


class SupportSystem(esper.Processor):
    """Support rises by the mean mural influence over a district's tiles, slowing as it
    nears 100 %. A district that first reaches its rally threshold sends volunteers."""

    def process(self, ctx: TickContext) -> None:
        districts = ordered(District, Position)
        if not districts:
            return
        layout = layout_for(ctx.grid, ctx.level)
        murals = [(m, p) for _, (m, p) in ordered(Mural, Position)]
        sums = layout.sums(layout.field(murals, ctx.civic.influence))
        for _, (d, pos) in districts:
            if d.smear_left == 0:
                gain = sums[d.index] * ctx.civic.rise // (int(layout.counts[d.index]) * 10)
                d.support = min(FULL, d.support + gain * (FULL - d.support) // FULL)
            if not d.rallied and d.support >= d.rally_threshold:
                d.rallied = True
                ctx.emit(ev.DISTRICT_RALLIED, district=d.index, name=d.name)
                for _ in range(ctx.civic.volunteers_per_rally):
                    eid = spawn_artisan(ctx.grid, pos.x, pos.y)
                    ctx.emit(ev.ARTISAN_TRAINED, artisan=eid, workshop=0)


class CoopGoalSystem(esper.Processor):
    """Tells the presentation when a co-op goal is first reached (`coop_goal_met`, with
    the dialogue scene `coop_<goal>` to play: Talin's turn comes with the support)."""

    def process(self, ctx: TickContext) -> None:
        if ctx.level.objective.kind != "coop":
            return
        civic = _civic()
        if civic is None:
            return
        for name, have, want in coop_goals(ctx):
            if have >= want and name not in civic.goals_met:
                civic.goals_met.append(name)
                ctx.emit(ev.COOP_GOAL_MET, goal=name, dialogue=f"coop_{name}")
