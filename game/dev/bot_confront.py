"""Autopilot for "survive" levels (the confrontation): grow spark and biomass in nodes,
ring the great mural with emitters, and spend Kora's abilities when drones close in.

Acts only through commands, like a player; used to record level 4's golden replay.
"""

from __future__ import annotations

from game.dev.bot import Autopilot
from game.sim.commands import Build, CallWave, Cast, Command, UpgradeEmitter
from game.sim.components import Mural, Position, Structure
from game.sim.constants import SUBPX, TILE
from game.sim.swarm.components import Emitter
from game.sim.swarm.flowfield import DIR_DX, DIR_DY
from game.sim.world import Simulation

EMITTERS_WANTED = 6
DANGER_TILES = 4  # hostile drones this close to a mural call for Aegis


class ConfrontPilot(Autopilot):
    """`emitters`, `upgrades` and `kora` set how well it defends: the defaults are a full
    defence; `newcomer()` plays like a first-timer (a few emitters, nothing else)."""

    def __init__(self, sim: Simulation, nodes_wanted: int = 2,
                 emitters: int = EMITTERS_WANTED, upgrades: bool = True,
                 kora: bool = True) -> None:
        super().__init__(sim, nodes_wanted)
        self.emitters_wanted, self.upgrades, self.kora = emitters, upgrades, kora
        self.feed = ["alloy", "organic"]  # spark for emitters and Kora, biomass too
        murals = sim.query(Mural, Position)
        great = [p for _, (m, p) in murals if m.great] or [p for _, (_, p) in murals]
        self.heart = (great[0].x, great[0].y)

    @classmethod
    def newcomer(cls, sim: Simulation) -> ConfrontPilot:
        """Builds and upgrades the emitters the HUD offers, but never uses Kora and never
        calls a wave early: the least a first-timer does."""
        return cls(sim, upgrades=True, kora=False)

    def decide(self) -> list[Command]:
        out = self._kora() if self.kora else []
        built = self._defend()
        if built:
            return out + built
        return out + super().decide()

    # -- Kora ------------------------------------------------------------------------
    def _kora(self) -> list[Command]:
        sim, conf = self.sim, self.sim.conf
        s = conf.swarm
        if not len(s):
            calm = conf.wave and not conf.pending() and conf.wave < conf.table.wave_count
            if calm and self._emitters() >= self.emitters_wanted and \
                    conf.next_wave_tick - sim.tick > 600:
                return [CallWave()]  # defences ready: time is worth spark
            return []
        hostile = s.turned == 0
        out: list[Command] = []
        for _, (mural, pos) in sim.query(Mural, Position):
            if mural.health <= 0 or mural.shield_ticks:
                continue
            r = DANGER_TILES * TILE
            near = hostile & (abs(s.x - pos.x) < r) & (abs(s.y - pos.y) < r)
            if near.sum() >= 2 and mural.great and self._can("aegis"):
                out.append(Cast("aegis", pos.x // SUBPX, pos.y // SUBPX))
                break
        if self._can("override") and hostile.sum() >= 6:
            hx, hy = self.heart
            d = abs(s.x.astype(int) - hx) + abs(s.y.astype(int) - hy)
            d[~hostile] = 1 << 40
            i = int(d.argmin())
            if d[i] < 8 * TILE:
                out.append(Cast("override", int(s.x[i]) // SUBPX, int(s.y[i]) // SUBPX))
        return out

    def _can(self, ability: str) -> bool:
        conf = self.sim.conf
        cost = dict(conf.rules.abilities[ability].cost)
        reserve = dict(self.sim.rules.cost_of("emitter")) if self._emitters() < \
            self.emitters_wanted else {}
        need = {k: cost.get(k, 0) + reserve.get(k, 0) for k in cost}
        return conf.cooldowns[ability] == 0 and not self.sim.missing_for_cost(need)

    # -- defences --------------------------------------------------------------------
    def _emitters(self) -> int:
        return len(self.sim.query(Structure, Emitter))

    def _defend(self) -> list[Command]:
        sim = self.sim
        if len(self._nodes()) < self.nodes_wanted:
            return []
        if self._emitters() < self.emitters_wanted and not sim.missing_for("emitter"):
            spot = self._plot_near_heart()
            if spot is not None:
                return [Build("emitter", *spot)]
        if self.upgrades and self._emitters() >= self.emitters_wanted:
            cost = dict(sim.conf.rules.upgrade_cost)
            if not sim.missing_for_cost({k: 2 * n + 3 for k, n in cost.items()}):
                for _, (st, em) in sim.query(Structure, Emitter):
                    if em.level + 1 < len(sim.conf.rules.emitter_levels):
                        return [UpgradeEmitter(st.tx, st.ty)]
        return []

    def _plot_near_heart(self) -> tuple[int, int] | None:
        """The free plot whose emitter would cover the most of the drones' paths (the
        last tiles before a mural count triple), nearest the great mural on a tie."""
        grid, conf = self.sim.grid, self.sim.conf
        if conf.field_key is None:
            return None
        path: dict[tuple[int, int], int] = {}
        for sx, sy in conf.spawn_tiles():
            trail = self._trail(sx, sy)
            for i, tile in enumerate(trail):
                path[tile] = max(path.get(tile, 0), 3 if i >= len(trail) - 8 else 1)
        reach = conf.rules.emitter_levels[0].range_px // 16
        for _, (st, _em) in self.sim.query(Structure, Emitter):  # greedy: cover new ground
            for tile in [t for t in path if (t[0] - st.tx) ** 2 + (t[1] - st.ty) ** 2
                         <= reach * reach]:
                path[tile] = 0
        hx, hy = self.heart[0] // TILE, self.heart[1] // TILE
        ys, xs = (grid.buildable & ~grid.occupied).nonzero()
        best, best_key = None, None
        for x, y in zip(xs.tolist(), ys.tolist(), strict=True):
            score = sum(w for (px, py), w in path.items()
                        if (px - x) ** 2 + (py - y) ** 2 <= reach * reach)
            key = (-score, abs(x - hx) + abs(y - hy), y, x)
            if (best_key is None or key < best_key) and \
                    self.sim.placement_problem("emitter", x, y) is None:
                best, best_key = (x, y), key
        return best

    def _trail(self, x: int, y: int) -> list[tuple[int, int]]:
        conf = self.sim.conf
        trail = [(x, y)]
        for _ in range(conf.grid.width * conf.grid.height):
            code = int(conf.dir[y, x])
            if not code:
                break
            x, y = x + int(DIR_DX[code]), y + int(DIR_DY[code])
            trail.append((x, y))
        return trail
