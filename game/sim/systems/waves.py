"""The wave clock: start waves on time (or early on the player's call, for a bonus) and
release queued drones at their spawn points, a few per spawn per tick, in one batch."""

from __future__ import annotations

import esper
import numpy as np

from game.content.confront import DRONE_TYPES
from game.sim.commands import CallWave
from game.sim.constants import TILE
from game.sim.state import TickContext
from game.sim.swarm import events as sev
from game.sim.swarm.state import Confrontation
from game.sim.systems.drones import jitter

SPAWN_SPREAD = TILE * 5 // 8  # sub-pixels: drones appear spread over the spawn tile


def start_wave(ctx: TickContext, conf: Confrontation, early: bool) -> None:
    bonus = 0
    if early:
        skipped = max(0, conf.next_wave_tick - ctx.state.tick)
        bonus = skipped // conf.rules.early_bonus_ticks_per_unit
        res = conf.rules.early_bonus_resource
        ctx.state.stock[res] = ctx.state.stock.get(res, 0) + bonus
    conf.wave += 1
    room = conf.rules.max_wave_drones  # untrusted maps: memory stays bounded
    for batch in conf.table.batches(conf.wave):
        n = min(batch.count, room)
        room -= n
        conf.queue[batch.spawn].extend([(batch.kind, batch.hp)] * n)
    # a swarm pours out: 1 more drone per release for every `swarm_release` waiting
    conf.release = [1 + len(q) // conf.rules.swarm_release for q in conf.queue]
    conf.next_wave_tick = ctx.state.tick + conf.table.interval
    # names the story scene `wave_<n>` the level may have (presentation only)
    ctx.emit(sev.WAVE_STARTED, wave=conf.wave, makeup=conf.table.makeup(conf.wave),
             early=early, bonus=bonus, dialogue=f"wave_{conf.wave}")


class WaveSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        conf: Confrontation | None = ctx.conf
        if conf is None or not conf.table.wave_count:
            return
        more = conf.wave < conf.table.wave_count
        if more and any(isinstance(c, CallWave) for c in ctx.commands):
            start_wave(ctx, conf, early=True)
        elif more and ctx.state.tick >= conf.next_wave_tick:
            start_wave(ctx, conf, early=False)
        if ctx.state.tick % conf.rules.spawn_interval == 0:
            self._release(conf)

    @staticmethod
    def _release(conf: Confrontation) -> None:
        """Drones from each spawn with drones waiting, all in one batch: one at a time
        (a file), more at once when the wave was a swarm, so hundreds pour out in
        seconds."""
        if not conf.pending() or len(conf.swarm) >= conf.rules.max_alive:
            return
        xs, ys, kinds, hps = [], [], [], []
        for i, queue in enumerate(conf.queue):
            n = conf.release[i]
            out, conf.queue[i] = queue[:n], queue[n:]
            x, y = conf.spawn_point_px(i)
            for kind, hp in out:
                xs.append(x)
                ys.append(y)
                kinds.append(kind)
                hps.append(hp)
        if not xs:
            return
        serial = np.arange(conf.swarm.next_serial, conf.swarm.next_serial + len(xs))
        jx, jy = jitter(serial, SPAWN_SPREAD)
        conf.swarm.spawn(np.array(xs) + jx, np.array(ys) + jy, np.array(kinds),
                         np.array(hps))


__all__ = ["DRONE_TYPES", "WaveSystem", "start_wave"]
