"""Everything the confrontation adds to a simulation's state, in one place: the swarm,
the wave clock and spawn queue, Kora's cooldowns and the cached flow fields."""

from __future__ import annotations

import hashlib

import numpy as np

from game.content.confront import ConfrontRules
from game.level.data import LevelData
from game.level.waves import WaveTable
from game.sim.constants import SUBPX, TILE, TILE_PX
from game.sim.grid import Grid
from game.sim.pathing import UNREACHED, distance_field
from game.sim.swarm.flowfield import step_field
from game.sim.swarm.swarm import Swarm


class Confrontation:
    def __init__(self, level: LevelData, grid: Grid, rules: ConfrontRules):
        self.rules = rules
        self.grid = grid
        self.table = WaveTable(level, rules)
        self.swarm = Swarm()
        self.wave = 0  # waves started so far
        self.salvage = 0  # drones downed toward the next spark of salvage
        self.next_wave_tick = self.table.first_delay
        self.queue: list[list[tuple[int, int]]] = [[] for _ in self.table.spawns]
        self.release = [1 for _ in self.table.spawns]  # drones per release, per spawn
        self.cooldowns = {kind: 0 for kind in sorted(rules.abilities)}
        self.barrier_mask = np.zeros((grid.height, grid.width), dtype=bool)
        self.speed = np.array([d.speed for d in rules.drones], dtype=np.int32)
        self.breaker = np.array([d.breaker for d in rules.drones], dtype=bool)
        self.hit_ticks = np.array([d.hit_ticks for d in rules.drones], dtype=np.int16)
        self.mural_damage = np.array([d.mural_damage for d in rules.drones], dtype=np.int64)
        self.barrier_damage = np.array([d.barrier_damage for d in rules.drones], np.int64)
        self.mural_walls = [o.id for o in sorted(level.objects_of("MuralWall"),
                                                 key=lambda o: o.id)]
        self._mural_rects = {o.id: (o.x, o.y, o.width, o.height)
                             for o in level.objects_of("MuralWall")}
        self.field_key: bytes | None = None
        self.recomputes = 0  # how often the fields were rebuilt (tests, bench)
        # Memo of placement answers for one map state (pure: same state, same answer),
        # kept apart from the fields so asking never changes what the swarm sees.
        self._placement_key: bytes | None = None
        self._placement_cache: dict[tuple[int, int], bool] = {}
        self._reach: list[bool] = []

    @property
    def active(self) -> bool:
        return bool(self.table.wave_count) or len(self.swarm) > 0

    # -- flow fields ---------------------------------------------------------------------
    def mural_sources(self, alive: set[int]) -> np.ndarray:
        """mural index per tile (-1: none): walkable tiles on or next to a standing mural."""
        h, w = self.grid.height, self.grid.width
        out = np.full((h, w), -1, dtype=np.int16)
        for i, wall in reversed(list(enumerate(self.mural_walls))):  # lowest id wins
            if wall not in alive:
                continue
            x, y, mw, mh = self._mural_rects[wall]
            x0, y0 = max(0, int(x // TILE_PX) - 1), max(0, int(y // TILE_PX) - 1)
            x1 = min(w, int((x + max(mw, 1) - 1e-6) // TILE_PX) + 2)
            y1 = min(h, int((y + max(mh, 1) - 1e-6) // TILE_PX) + 2)
            out[y0:y1, x0:x1] = i
        return out

    def map_key(self, alive: set[int]) -> bytes:
        """Everything the fields depend on: structures, barriers, standing murals."""
        return self.grid.blocked.tobytes() + self.barrier_mask.tobytes() + \
            repr(sorted(alive)).encode()

    def refresh_fields(self, alive: set[int]) -> bool:
        """Rebuild the fields if the map changed (a structure, a fallen barrier or mural).
        Called once a tick, at one fixed point (FieldSystem), never by a query."""
        key = self.map_key(alive)
        if key == self.field_key:
            return False
        self.field_key = key
        self.recomputes += 1
        walk = ~self.grid.blocked
        mural_of = self.mural_sources(alive)
        sources = mural_of >= 0
        self.mural_of = np.where(walk, mural_of, -1).astype(np.int16)
        self._sources = sources
        self.dist = distance_field(walk, sources)
        self.dir = step_field(self.dist)
        self._breaker_fields_ok = False  # built on demand: most ticks need none
        return True

    def breaker_fields(self) -> tuple[np.ndarray, np.ndarray]:
        """The fields for breakers (heavies) and drones cut off: barriers count as open
        ground, so they walk up to a barrier and hit it. Built only when such a drone
        exists, once per map change."""
        if not self._breaker_fields_ok:
            self._breaker_fields_ok = True
            if self.barrier_mask.any():
                self.dist_b = distance_field(~self.grid.blocked | self.barrier_mask,
                                             self._sources)
                self.dir_b = step_field(self.dist_b)
            else:  # no barrier: the same field
                self.dist_b, self.dir_b = self.dist, self.dir
        return self.dist_b, self.dir_b

    def spawn_tiles(self) -> list[tuple[int, int]]:
        return [(int(cx // TILE_PX), int(cy // TILE_PX)) for _, (cx, cy), _ in
                self.table.spawns]

    def cuts_every_path(self, tx: int, ty: int, alive: set[int]) -> bool:
        """Whether blocking (tx, ty) leaves some drone spawn with no path to any mural.
        Pure: judged on the map as it is now, from its own distance fields, never from
        (or into) the swarm's fields, so the build preview asking every frame cannot
        change which drone an emitter picks."""
        key = self.map_key(alive)
        sources = None
        if key != self._placement_key:
            sources = self.mural_sources(alive) >= 0
            self._placement_key, self._placement_cache = key, {}
            dist = distance_field(~self.grid.blocked, sources)
            self._reach = [bool(dist[y, x] < UNREACHED) for x, y in self.spawn_tiles()]
        if (tx, ty) not in self._placement_cache:
            if sources is None:
                sources = self.mural_sources(alive) >= 0
            walk = ~self.grid.blocked
            walk[ty, tx] = False
            dist = distance_field(walk, sources)
            now = [bool(dist[y, x] < UNREACHED) for x, y in self.spawn_tiles()]
            self._placement_cache[(tx, ty)] = any(
                a and not b for a, b in zip(self._reach, now, strict=True))
        return self._placement_cache[(tx, ty)]

    def drone_dist(self) -> np.ndarray:
        """Each drone's path distance (tiles) to a mural: the "first" targeting order."""
        s = self.swarm
        idx = (s.y // TILE) * self.grid.width + s.x // TILE
        d = self.dist.ravel()[idx]
        if not (d >= UNREACHED).any():
            return d
        return np.where(d >= UNREACHED, self.breaker_fields()[0].ravel()[idx], d)

    def drones_on(self, tx: int, ty: int) -> bool:
        s = self.swarm
        return bool(((s.x // TILE == tx) & (s.y // TILE == ty)).any())

    # -- waves ---------------------------------------------------------------------------
    def pending(self) -> int:
        return sum(len(q) for q in self.queue)

    def cleared(self) -> bool:
        return (self.wave >= self.table.wave_count and not self.pending()
                and len(self.swarm) == 0)

    def waves_cleared(self) -> int:
        if self.pending() or len(self.swarm):
            return max(0, self.wave - 1)
        return self.wave

    def spawn_point_px(self, spawn: int) -> tuple[int, int]:
        _, (cx, cy), _ = self.table.spawns[spawn]
        return round(cx * SUBPX), round(cy * SUBPX)

    # -- state hash ----------------------------------------------------------------------
    def canonical(self) -> dict:
        return {
            "wave": self.wave,
            "next_wave_tick": self.next_wave_tick,
            "queue": [list(map(list, q)) for q in self.queue],
            "cooldowns": self.cooldowns,
            "salvage": self.salvage,
            "release": self.release,
            "barriers": hashlib.sha256(self.barrier_mask.tobytes()).hexdigest(),
            "swarm": self.swarm.digest(),
        }
