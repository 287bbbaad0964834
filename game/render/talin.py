"""Talin Mercer in person: in the confrontation (a wave level with a great mural), and
come alone to the co-op for its closing scene (level 5).

He stands beside his corporate van a few steps in from the gate of his first wave and
watches the square. When a wave starts he gives the order (a raised tablet, a line);
when the last drone of a wave is down he paces by the van. Once the level is won he has
come down to the square: he stands a few steps from Elara, facing her, for the closing
scene, where he speaks his last lines on screen.

Presentation only, from the simulation's tick, events and outcome (the same run gives
the same Talin); the sim never sees him, so he blocks no one.
"""

from __future__ import annotations

import numpy as np
import pygame

from game.campaign.catalog import entry_for_path
from game.content.text import t
from game.render import palette
from game.render.bubble import bubble
from game.render.images import sheet
from game.render.walkers import DOWN, LEFT, RIGHT, centre, facing, search
from game.sim.constants import SUBPX, TILE_PX
from game.sim.state import WON
from game.sim.swarm import events as sev
from game.sim.world import Simulation

ORDER_TICKS = 200  # he gives the order this long after a wave starts
PACE_TICKS = 240  # he paces this long after a wave is cleared
FADE_MS = 700  # he comes into the closing scene
ORDERS = ("talin_order_1", "talin_order_2", "talin_order_3")
CLEARED = ("talin_cleared_1", "talin_cleared_2")
COAT = palette.PALETTE["steel_3"]


class TalinView:
    def __init__(self, sim: Simulation) -> None:
        self.sim = sim
        self.active = False
        self.said: pygame.Rect | None = None  # his bubble last frame (tests keep it off Elara)
        self.wave_tick = -10**9
        self.wave = 0
        self.clear_tick = -10**9
        self.cleared = 0
        self.won_ms: int | None = None
        self.closing_only = False  # the co-op: he comes, alone, only for the closing
        if sim.level.objective.kind == "coop" and entry_for_path(sim.level.path) is not None:
            self.walkable = ~sim.grid.static_solid
            pos = sim.player()[1]
            self.post = (pos.x // SUBPX // TILE_PX, pos.y // SUBPX // TILE_PX)
            self.sheet = sheet("talin", 16, 24)
            self.closing_only = self.active = True
            return
        great = [o for o in sim.level.objects_of("MuralWall") if o.properties.get("great")]
        spawns = sorted(sim.level.objects_of("DroneSpawn"),
                        key=lambda o: (int(o.properties.get("first_wave", 1)), o.id))
        if not sim.conf.table.wave_count or not great or not spawns:
            return
        walkable = ~sim.grid.static_solid
        gate = (int(spawns[0].center[0]) // TILE_PX, int(spawns[0].center[1]) // TILE_PX)
        self.post = _post(walkable, gate)
        if self.post is None:
            return
        self.walkable = walkable
        self.mural = great[0].center
        self.look = facing(self.mural[0] - centre(self.post)[0],
                           self.mural[1] - centre(self.post)[1])
        self.van_at = _van_spot(walkable, self.post, gate)
        self.sheet = sheet("talin", 16, 24)
        self.van = _van()
        self.active = True

    def observe(self, events: list) -> None:
        if not self.active or self.closing_only:
            return
        tick = self.sim.tick
        if tick < self.wave_tick:  # the run restarted (the replay viewer seeks back)
            self.wave_tick, self.clear_tick, self.wave, self.cleared = -10**9, -10**9, 0, 0
        for e in events:
            if e.kind == sev.WAVE_STARTED:
                self.wave_tick, self.wave = tick, int(e.data.get("wave", self.wave + 1))
        conf = self.sim.conf
        if self.wave > self.cleared and tick > self.wave_tick and not len(conf.swarm) \
                and not any(conf.queue):
            self.cleared, self.clear_tick = self.wave, tick

    # -- where he is ----------------------------------------------------------------------
    def pose(self, time_ms: int) -> tuple[float, float, int, int, str]:
        """(x, y of his feet, facing, frame, doing): watching, ordering, pacing, closing."""
        tick = self.sim.tick
        if self.sim.outcome == WON:
            if self.won_ms is None:
                self.won_ms = time_ms
            x, y, face = self._closing_spot()
            return x, y, face, 0, "closing"
        self.won_ms = None
        x, y = centre(self.post)
        if 0 <= tick - self.clear_tick < PACE_TICKS and self.clear_tick > self.wave_tick:
            phase = (tick - self.clear_tick) % 120
            step = phase if phase < 60 else 120 - phase  # 0..60..0: a few steps and back
            side = RIGHT if phase < 60 else LEFT
            return x + (step - 30) / 3, float(y), side, 1 + (tick // 9) % 3, "pacing"
        if 0 <= tick - self.wave_tick < ORDER_TICKS:
            return float(x), float(y), self.look, 2, "ordering"
        return float(x), float(y), self.look, 0, "watching"

    def _closing_spot(self) -> tuple[float, float, int]:
        """A few steps from Elara, facing her: the first open tile of a short search."""
        pos = self.sim.player()[1]
        ex, ey = pos.x // SUBPX, pos.y // SUBPX
        tx, ty = ex // TILE_PX, ey // TILE_PX
        dist = search(self.walkable, (tx, ty))
        for dx, dy in ((3, 0), (-3, 0), (2, 1), (-2, 1), (0, 2), (2, 0), (-2, 0), (1, 1)):
            nx, ny = tx + dx, ty + dy
            if 0 <= ny < dist.shape[0] and 0 <= nx < dist.shape[1] and 0 < dist[ny, nx] <= 6:
                x, y = centre((nx, ny))
                return float(x), float(y), facing(ex - x, ey - y)
        x, y = centre(self.post)
        return float(x), float(y), DOWN

    # -- drawing --------------------------------------------------------------------------
    def sprites(self, offset: tuple[int, int], time_ms: int):
        if not self.active or (self.closing_only and self.sim.outcome != WON):
            return [], []
        ox, oy = offset
        x, y, face, frame, doing = self.pose(time_ms)
        img = self.sheet[face][frame]
        if doing == "closing":
            alpha = min(255, (time_ms - (self.won_ms or time_ms)) * 255 // FADE_MS)
            img = img.copy()
            img.set_alpha(max(40, alpha))
        bottom = int(y) + 4
        out = [(bottom, img, (int(x) - 8 - ox, bottom - 24 - oy))]
        lights = []
        if doing != "closing":
            vx, vy = centre(self.van_at)
            out.append((vy + 6, self.van, (vx - 16 - ox, vy - 14 - oy)))
            if doing == "ordering" and (time_ms // 250) % 2:
                lights.append((int(x) - ox, bottom - 14 - oy, 10, (60, 12, 16)))  # tablet
        return out, lights

    def overlay(self, target: pygame.Surface, offset: tuple[int, int], time_ms: int,
                keep_clear: pygame.Rect | None = None) -> None:
        """His words at the start of a wave and after it is cleared (the bubble clear of
        `keep_clear`, Elara)."""
        self.said = None
        if not self.active or self.closing_only or self.sim.outcome != "playing":
            return
        x, y, _, _, doing = self.pose(time_ms)
        if doing == "ordering":
            text = t("story_view", ORDERS[(self.wave - 1) % len(ORDERS)])
        elif doing == "pacing":
            text = t("story_view", CLEARED[(self.cleared - 1) % len(CLEARED)])
        else:
            return
        sx, sy = int(x) - offset[0], int(y) - 22 - offset[1]
        vw, vh = target.get_size()
        if 0 <= sx < vw and 0 <= sy < vh or doing == "ordering":
            self.said = bubble(target, f"Talin: {text}", sx, sy, COAT, keep_clear)


def _post(walkable: np.ndarray, gate: tuple[int, int]) -> tuple[int, int] | None:
    """A street-side tile 4-7 steps in from the gate (beside a wall, so he watches from
    the kerb, not the middle of the road)."""
    dist = search(walkable, gate)
    h, w = walkable.shape
    best = None
    for ty, tx in zip(*np.nonzero((dist >= 4) & (dist <= 7)), strict=True):
        tx, ty = int(tx), int(ty)
        beside_wall = any(not (0 <= tx + dx < w and 0 <= ty + dy < h) or
                          not walkable[ty + dy, tx + dx]
                          for dx, dy in ((0, -1), (1, 0), (0, 1), (-1, 0)))
        if beside_wall:
            key = (int(dist[ty, tx]), ty, tx)
            if best is None or key < best[0]:
                best = (key, (tx, ty))
    return best[1] if best else None


def _van_spot(walkable: np.ndarray, post: tuple[int, int], gate: tuple[int, int]
              ) -> tuple[int, int]:
    """The van parks one tile from him on the gate's side."""
    dx, dy = np.sign(gate[0] - post[0]), np.sign(gate[1] - post[1])
    if dx and dy:
        dy = 0
    return int(post[0] + dx), int(post[1] + dy)


def _van() -> pygame.Surface:
    """Mercer's enforcement van from the side (32x20): cold white body, steel windows, a
    red stripe and the company's red diamond."""
    p = palette.PALETTE
    van = pygame.Surface((32, 20), pygame.SRCALPHA)
    pygame.draw.rect(van, p["ink"], (1, 3, 30, 14), border_radius=3)
    pygame.draw.rect(van, p["steel_3"], (2, 4, 28, 12), border_radius=2)
    van.fill(p["steel_2"], (2, 12, 28, 4))  # lower body in shade
    van.fill(p["steel_1"], (20, 5, 8, 5))  # cab window
    van.fill(p["steel_0"], (4, 5, 13, 4))  # dark side windows
    van.fill(p["alarm_1"], (2, 10, 28, 2))  # the stripe
    for i, (x, y) in enumerate(((10, 8), (9, 9), (11, 9), (10, 10))):
        van.set_at((x, y), p["alarm_1"] if i else p["stone_4"])
    for wx in (7, 24):  # wheels
        pygame.draw.circle(van, p["ink"], (wx, 16), 3)
        van.set_at((wx, 16), p["steel_1"])
    van.fill(p["amber_3"], (29, 11, 1, 2))  # headlight
    return van

