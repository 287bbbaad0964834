"""Emitters: take mode/upgrade commands, notice jammers, and zap one drone each when
reloaded — the one their targeting mode picks (first, closest or strongest)."""

from __future__ import annotations

import esper
import numpy as np

from game.sim.commands import SetEmitterMode, UpgradeEmitter
from game.sim.components import Position, Structure
from game.sim.constants import SUBPX, TILE
from game.sim.query import ordered
from game.sim.state import TickContext
from game.sim.swarm import events as sev
from game.sim.swarm.components import Emitter
from game.sim.swarm.state import Confrontation
from game.sim.systems.build import missing_for, pay


def emitter_at(tx: int, ty: int) -> Emitter | None:
    for _, (st, em) in ordered(Structure, Emitter):
        if (st.tx, st.ty) == (tx, ty):
            return em
    return None


def upgrade_problem(ctx: TickContext, em: Emitter | None) -> str | None:
    conf: Confrontation = ctx.conf
    if em is None:
        return "no_emitter"
    if em.level + 1 >= len(conf.rules.emitter_levels):
        return "max_level"
    if missing_for(ctx, dict(conf.rules.upgrade_cost)):
        return "unaffordable"
    return None


class EmitterSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        conf: Confrontation | None = ctx.conf
        if conf is None:
            return
        self._commands(ctx, conf)
        s = conf.swarm
        jammer = s.kind == conf.rules.kind_code("jammer")
        jammers = jammer & (s.turned == 0) & (s.stun == 0)
        order = None
        for _, (_st, em, pos) in ordered(Structure, Emitter, Position):
            em.jammed = False
            if em.reload > 0:
                em.reload -= 1
            if not len(s):
                continue
            dx = s.x.astype(np.int64) - pos.x
            dy = s.y.astype(np.int64) - pos.y
            d2 = dx * dx + dy * dy
            jam_r = conf.rules.drones[conf.rules.kind_code("jammer")].jam_tiles * TILE
            em.jammed = bool((jammers & (d2 <= jam_r * jam_r)).any())
            if em.jammed or em.reload > 0:
                continue
            lv = conf.rules.emitter_levels[em.level]
            r = lv.range_px * SUBPX
            cand = np.flatnonzero((s.turned == 0) & (s.hp > 0) & (d2 <= r * r))
            if not cand.size:
                continue
            if em.mode == "closest":
                pick = cand[np.lexsort((s.serial[cand], d2[cand]))[0]]
            elif em.mode == "strongest":
                pick = cand[np.lexsort((s.serial[cand], -s.hp[cand]))[0]]
            else:  # first: nearest to a mural along the path
                if order is None:
                    order = conf.drone_dist()
                pick = cand[np.lexsort((s.serial[cand], order[cand]))[0]]
            # the pulse arcs through the crowd around the drone it picked: a swarm that
            # bunches up pays for it, a lone drone takes one hit
            sx, sy = s.x.astype(np.int64)[cand] - s.x[pick], s.y.astype(np.int64)[cand] - s.y[pick]
            splash = lv.splash_px * SUBPX
            hit = cand[sx * sx + sy * sy <= splash * splash]
            s.hp[hit] -= lv.damage
            s.stun[hit] = np.maximum(s.stun[hit], lv.stun)
            em.reload = lv.reload
            em.hits += int(hit.size)
            ctx.emit(sev.ZAP, x0=pos.x // SUBPX, y0=pos.y // SUBPX - 10,
                     x1=int(s.x[pick]) // SUBPX, y1=int(s.y[pick]) // SUBPX,
                     kind=int(s.kind[pick]), n=int(hit.size))

    @staticmethod
    def _commands(ctx: TickContext, conf: Confrontation) -> None:
        for cmd in ctx.commands:
            if isinstance(cmd, SetEmitterMode):
                em = emitter_at(cmd.tx, cmd.ty)
                if em is not None and cmd.mode in conf.rules.emitter_modes:
                    em.mode = cmd.mode
                    ctx.emit(sev.EMITTER_CHANGED, tx=cmd.tx, ty=cmd.ty, mode=em.mode,
                             level=em.level)
            elif isinstance(cmd, UpgradeEmitter):
                em = emitter_at(cmd.tx, cmd.ty)
                problem = upgrade_problem(ctx, em)
                if problem or em is None:
                    ctx.emit(sev.ABILITY_REFUSED, ability="upgrade", reason=problem)
                    continue
                pay(ctx, dict(conf.rules.upgrade_cost))
                em.level += 1
                ctx.emit(sev.EMITTER_CHANGED, tx=cmd.tx, ty=cmd.ty, mode=em.mode,
                         level=em.level)
