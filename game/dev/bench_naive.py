"""The naive baseline of the drone benchmark: one esper entity per drone and a Python
loop per drone over a subset of the swarm's rules: flow-field steps, clipped moves,
mural hits and emitters zapping the first drone in range. It leaves out the spawn
jitter, barriers (and the breakers' field), jammers, Override (turned drones) and
deaths with their compaction, so it does less work than the swarm per tick and the
speed-up it shows is a lower bound. Only for measuring; the game never uses it."""

from __future__ import annotations

from dataclasses import dataclass

import esper

from game.sim.constants import TILE
from game.sim.swarm.flowfield import DIR_DX, DIR_DY
from game.sim.swarm.state import Confrontation


@dataclass(slots=True)
class NaiveDrone:
    x: int
    y: int
    hp: int
    kind: int
    serial: int
    stun: int = 0
    cool: int = 0


class NaiveSwarm:
    def __init__(self, conf: Confrontation, emitters: list[tuple[int, int]]) -> None:
        self.conf = conf
        self.world = "naive-bench"
        esper.switch_world(self.world)
        s = conf.swarm
        for i in range(len(s)):
            esper.create_entity(NaiveDrone(int(s.x[i]), int(s.y[i]), int(s.hp[i]),
                                           int(s.kind[i]), int(s.serial[i])))
        self.emitters = [(tx * TILE + TILE // 2, ty * TILE + TILE // 2, 0)
                         for tx, ty in emitters]
        self.mural_damage = [0] * len(conf.mural_walls)

    def step(self) -> None:
        esper.switch_world(self.world)
        conf, w = self.conf, self.conf.grid.width
        dist, dirs, mural_of = conf.dist.ravel(), conf.dir.ravel(), conf.mural_of.ravel()
        drones = sorted(esper.get_component(NaiveDrone), key=lambda p: p[0])
        rules = conf.rules
        for _, d in drones:
            if d.stun:
                d.stun -= 1
                continue
            if d.cool:
                d.cool -= 1
            i = (d.y // TILE) * w + d.x // TILE
            if dist[i] == 0:
                if not d.cool:
                    self.mural_damage[mural_of[i]] += rules.drones[d.kind].mural_damage
                    d.cool = rules.drones[d.kind].hit_ticks
                continue
            code = dirs[i]
            if not code:
                continue
            n = i + DIR_DY[code] * w + DIR_DX[code]
            speed = rules.drones[d.kind].speed
            tx, ty = (n % w) * TILE + TILE // 2, (n // w) * TILE + TILE // 2
            d.x += max(-speed, min(speed, tx - d.x))
            d.y += max(-speed, min(speed, ty - d.y))
        lv = rules.emitter_levels[0]
        r2 = (lv.range_px * 16) ** 2
        for k, (ex, ey, reload) in enumerate(self.emitters):
            if reload:
                self.emitters[k] = (ex, ey, reload - 1)
                continue
            best = None
            for _, d in drones:
                if (d.x - ex) ** 2 + (d.y - ey) ** 2 <= r2:
                    key = (dist[(d.y // TILE) * w + d.x // TILE], d.serial)
                    if best is None or key < best[0]:
                        best = (key, d)
            if best is not None:
                best[1].hp -= lv.damage
                best[1].stun = lv.stun
                self.emitters[k] = (ex, ey, lv.reload)

    def close(self) -> None:
        esper.switch_world("default")
        esper.delete_world(self.world)
