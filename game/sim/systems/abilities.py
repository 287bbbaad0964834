"""Kora's abilities: Aegis shields the mural nearest the aim point; Override turns the
hostile drones around the aim point for a few seconds. Costs, cooldowns and durations
come from drones.toml."""

from __future__ import annotations

import esper
import numpy as np

from game.sim.commands import Cast
from game.sim.components import Mural, Position
from game.sim.constants import SUBPX
from game.sim.query import ordered
from game.sim.state import TickContext
from game.sim.swarm import events as sev
from game.sim.swarm.state import Confrontation
from game.sim.systems.build import missing_for, pay


def ability_problem(ctx: TickContext, kind: str) -> str | None:
    conf: Confrontation | None = ctx.conf
    if conf is None or kind not in conf.rules.abilities:
        return "unknown_ability"
    if conf.cooldowns[kind] > 0:
        return "cooling_down"
    if missing_for(ctx, dict(conf.rules.abilities[kind].cost)):
        return "unaffordable"
    return None


class AbilitySystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        conf: Confrontation | None = ctx.conf
        if conf is None:
            return
        for kind in conf.cooldowns:
            if conf.cooldowns[kind] > 0:
                conf.cooldowns[kind] -= 1
        for _, mural in ordered(Mural):
            if mural.shield_ticks > 0:
                mural.shield_ticks -= 1
        for cmd in ctx.commands:
            if isinstance(cmd, Cast):
                self._cast(ctx, conf, cmd)

    @staticmethod
    def _cast(ctx: TickContext, conf: Confrontation, cmd: Cast) -> None:
        problem = ability_problem(ctx, cmd.ability)
        x, y = cmd.x * SUBPX, cmd.y * SUBPX
        if problem is None and cmd.ability == "aegis":
            standing = [(abs(p.x - x) + abs(p.y - y), m.wall_id, m) for _, (m, p)
                        in ordered(Mural, Position) if m.health > 0]
            if not standing:
                problem = "no_target"
        if problem:
            ctx.emit(sev.ABILITY_REFUSED, ability=cmd.ability, reason=problem)
            return
        ability = conf.rules.abilities[cmd.ability]
        pay(ctx, dict(ability.cost))
        conf.cooldowns[cmd.ability] = ability.cooldown
        count = 0
        if cmd.ability == "aegis":
            mural = min(standing, key=lambda t: (t[0], t[1]))[2]
            mural.shield_ticks = ability.duration
            count = 1
        else:
            s = conf.swarm
            r = ability.radius_px * SUBPX
            dx, dy = s.x.astype(np.int64) - x, s.y.astype(np.int64) - y
            turn = (s.turned == 0) & (dx * dx + dy * dy <= r * r)
            s.turned[turn] = ability.duration
            s.cool[turn] = 0
            count = int(turn.sum())
        ctx.emit(sev.ABILITY_USED, ability=cmd.ability, x=cmd.x, y=cmd.y, count=count)
