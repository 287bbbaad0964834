"""Draws the confrontation: barriers and emitters (depth-sorted with the world), the
drone swarm straight from its arrays (culled to the view, one fblits call), and overlays:
mural health and Aegis, barrier health, emitter range and jamming."""

from __future__ import annotations

import math

import numpy as np
import pygame

from game.render import palette
from game.render.crowd import Crowd
from game.render.images import sheet
from game.sim.components import Mural, Position, Structure
from game.sim.constants import SUBPX, TILE_PX
from game.sim.swarm.components import Barrier, Emitter
from game.sim.world import Simulation

Sprite = tuple[int, pygame.Surface, tuple[int, int]]
Light = tuple[int, int, int, tuple[int, int, int]]
BARRIER_COLUMN, EMITTER_COLUMN = 2, 3
TURNED_TINT = (60, 200, 210)  # Kora's cyan: these drones fight for her now
STUNNED_TINT = (120, 120, 150)
EMITTER_GLOW = (20, 80, 90)
AEGIS = (110, 230, 255)
HOVER_MS = 90  # frame time of the two hover rows
JAM_RING = (200, 60, 70)
ARMOURED_HP = 10  # drones with at least this many hit points show a health bar when hit
# Presentation only: each drone circles its simulated point (radius 3 px, own phase), so
# a crowd on one tile reads as many drones, not one.
ORBIT = np.array([(round(3 * math.cos(i * math.pi / 8)), round(2 * math.sin(i * math.pi / 8)))
                  for i in range(16)], dtype=np.int32)
ORBIT_MS = 70


def _tinted(img: pygame.Surface, color: tuple[int, int, int]) -> pygame.Surface:
    out = img.copy()
    out.fill((*color, 255), special_flags=pygame.BLEND_RGBA_MULT)
    return out


KEY = (255, 0, 255)


def _split(img: pygame.Surface) -> tuple[pygame.Surface, pygame.Surface]:
    """(body, shadow) of a sprite whose pixels are clear, one shade of shadow, or solid:
    colour-keyed, run-length encoded copies blit several times faster than per-pixel
    alpha, which is what lets ten thousand drones draw within a frame."""
    alpha = pygame.surfarray.array_alpha(img)
    rgb = pygame.surfarray.array3d(img)
    shade = int(alpha[(alpha > 0) & (alpha < 255)].max(initial=0))
    out = []
    for mask, surface_alpha in ((alpha == 255, 255), ((alpha > 0) & (alpha < 255), shade)):
        part = pygame.Surface(img.get_size())
        pixels = np.where(mask[..., None], rgb, np.array(KEY))
        pygame.surfarray.blit_array(part, pixels)
        part.set_colorkey(KEY, pygame.RLEACCEL)
        if surface_alpha < 255:
            part.set_alpha(surface_alpha, pygame.RLEACCEL)
        out.append(part.convert() if pygame.display.get_surface() else part)
        if pygame.display.get_surface():
            out[-1].set_colorkey(KEY, pygame.RLEACCEL)
            if surface_alpha < 255:
                out[-1].set_alpha(surface_alpha, pygame.RLEACCEL)
    return out[0], out[1]


class DroneView:
    def __init__(self, sim: Simulation) -> None:
        self.sim = sim
        rows = sheet("drones", 16, 16)
        # frames[state][hover][kind]: state 0 hostile, 1 turned, 2 stunned
        self.frames = [
            [list(row) for row in rows],
            [[_tinted(img, TURNED_TINT) for img in row] for row in rows],
            [[_tinted(img, STUNNED_TINT) for img in row] for row in rows],
        ]
        # the same frames flat, split for fast blits: index (state * 2 + hover) * kinds + kind
        self.kinds = len(rows[0])
        split = [_split(img) for state in self.frames for row in state for img in row]
        self.bodies = [b for b, _ in split]
        self.shadows = [sh for _, sh in split]
        self.structures = sheet("structures", 16, 24)
        self.crowd = Crowd(sim)  # the gathering before the great mural

    # -- world sprites -----------------------------------------------------------------
    def sprites(self, offset: tuple[int, int], time_ms: int) -> tuple[list[Sprite], list[Light]]:
        ox, oy = offset
        sprites: list[Sprite] = []
        lights: list[Light] = []
        sprites += self.crowd.sprites(offset, time_ms)  # they cheer, and make room
        for _, (st, _b) in self.sim.query(Structure, Barrier):
            x, y = st.tx * TILE_PX, st.ty * TILE_PX
            sprites.append((y + TILE_PX, self.structures[0][BARRIER_COLUMN], (x - ox, y - 8 - oy)))
        for _, (st, em) in self.sim.query(Structure, Emitter):
            x, y = st.tx * TILE_PX, st.ty * TILE_PX
            live = not em.jammed
            sprites.append((y + TILE_PX, self.structures[1 if live else 0][EMITTER_COLUMN],
                            (x - ox, y - 8 - oy)))
            if live:
                lights.append((x + 8 - ox, y - 2 - oy, 14 + em.level * 4, EMITTER_GLOW))
        return sprites, lights

    # -- the swarm ---------------------------------------------------------------------
    def draw_swarm(self, target: pygame.Surface, offset: tuple[int, int], time_ms: int) -> int:
        """Blit every drone inside the view; returns how many were drawn."""
        s = self.sim.conf.swarm
        if not len(s):
            return 0
        ox, oy = offset
        w, h = target.get_size()
        orbit = ORBIT[(s.serial * 5 + time_ms // ORBIT_MS) % len(ORBIT)]
        x = s.x // SUBPX - 8 - ox + orbit[:, 0]
        y = s.y // SUBPX - 12 - oy + orbit[:, 1]  # they hover: the sprite's shadow is the ground
        inside = np.flatnonzero((x > -16) & (x < w) & (y > -16) & (y < h))
        if not inside.size:
            return 0
        state = np.where(s.turned[inside] > 0, 1, np.where(s.stun[inside] > 0, 2, 0))
        hover = (time_ms // HOVER_MS + s.serial[inside]) & 1
        code = ((state * 2 + hover) * self.kinds + s.kind[inside]).tolist()
        xs, ys = x[inside].tolist(), y[inside].tolist()
        # all shadows, then all bodies: a shadow lies on the ground, under every drone.
        # Iterators, not lists: no 10,000 tuples kept alive per frame.
        target.fblits(zip(map(self.shadows.__getitem__, code), zip(xs, ys, strict=True),
                          strict=True))
        target.fblits(zip(map(self.bodies.__getitem__, code), zip(xs, ys, strict=True),
                          strict=True))
        self._swarm_marks(target, inside, x, y, time_ms)
        return len(code)

    def _swarm_marks(self, target: pygame.Surface, inside: np.ndarray, x: np.ndarray,
                     y: np.ndarray, time_ms: int) -> None:
        """What makes roles readable: a pulsing red ring shows the reach of a jammer that
        is silencing an emitter, and armoured drones that have been hit show health."""
        s, rules = self.sim.conf.swarm, self.sim.conf.rules
        jammer = rules.kind_code("jammer")
        reach = rules.drones[jammer].jam_tiles * TILE_PX
        ring = reach - (time_ms // 60) % 6
        jammed = [(st.tx * TILE_PX + 8, st.ty * TILE_PX + 8)
                  for _, (st, em) in self.sim.query(Structure, Emitter) if em.jammed]
        jammers = inside[(s.kind[inside] == jammer) & (s.turned[inside] == 0)]
        if jammed and jammers.size:  # the jammers within reach of a silenced emitter
            px, py = s.x[jammers] // SUBPX, s.y[jammers] // SUBPX
            near = np.zeros(jammers.size, bool)
            for ex, ey in jammed:
                near |= (px - ex) ** 2 + (py - ey) ** 2 <= reach * reach
            for i in jammers[near].tolist():
                pygame.draw.circle(target, JAM_RING, (int(x[i]) + 8, int(y[i]) + 12), ring, 1)
        hurt = inside[(s.max_hp[inside] >= ARMOURED_HP) & (s.hp[inside] < s.max_hp[inside])]
        for i in hurt.tolist():
            _health(target, int(x[i]) + 2, int(y[i]) - 3, 12, s.hp[i] / s.max_hp[i])

    # -- overlays (after lighting, so they read) ----------------------------------------
    def overlay(self, target: pygame.Surface, offset: tuple[int, int], time_ms: int,
                hover_tile: tuple[int, int] | None = None,
                selected: tuple[int, int] | None = None) -> None:
        ox, oy = offset
        if self.sim.conf.table.wave_count:
            for _, (mural, pos) in self.sim.query(Mural, Position):
                self._mural(target, mural, pos.x // SUBPX - ox, pos.y // SUBPX - oy, time_ms)
        for _, (st, b) in self.sim.query(Structure, Barrier):
            if (st.tx, st.ty) == selected:
                pygame.draw.rect(target, palette.UI_ACCENT, (st.tx * TILE_PX - ox - 1,
                                                             st.ty * TILE_PX - oy - 9, 18, 26), 1)
            if b.hp < b.max_hp:
                _health(target, st.tx * TILE_PX - ox + 1, st.ty * TILE_PX - oy - 11, 14,
                        b.hp / b.max_hp)
        rules = self.sim.conf.rules
        for _, (st, em) in self.sim.query(Structure, Emitter):
            cx, cy = st.tx * TILE_PX + 8 - ox, st.ty * TILE_PX + 8 - oy
            if (st.tx, st.ty) in (hover_tile, selected):  # its reach
                r = rules.emitter_levels[em.level].range_px
                pygame.draw.circle(target, palette.UI_ACCENT, (cx, cy), r, 1)
                if (st.tx, st.ty) == selected:
                    pygame.draw.rect(target, palette.UI_ACCENT, (cx - 9, cy - 17, 18, 26), 1)
            for i in range(em.level):  # upgrade pips
                target.fill(palette.UI_ACCENT, (cx - 5 + 4 * i, cy + 5, 2, 2))
            if em.jammed and (time_ms // 150) % 2:
                pygame.draw.line(target, palette.UI_BAD, (cx - 4, cy - 20), (cx + 4, cy - 12), 2)
                pygame.draw.line(target, palette.UI_BAD, (cx + 4, cy - 20), (cx - 4, cy - 12), 2)

    def _mural(self, target: pygame.Surface, mural: Mural, cx: int, cy: int,
               time_ms: int) -> None:
        if mural.health <= 0:
            return
        width = 40 if mural.great else 26  # under the wall's foot: the top is HUD land
        _health(target, cx - width // 2, cy + 10, width,
                mural.health / max(1, mural.max_health))
        if mural.shield_ticks > 0:
            r = 22 + (time_ms // 80) % 3
            pygame.draw.circle(target, AEGIS, (cx, cy - 10), r, 1)
            pygame.draw.circle(target, AEGIS, (cx, cy - 10), r + 2, 1)


def _health(target: pygame.Surface, x: int, y: int, width: int, fraction: float) -> None:
    fraction = max(0.0, min(1.0, fraction))
    color = palette.UI_GOOD if fraction > 0.5 else (
        palette.UI_ACCENT if fraction > 0.25 else palette.UI_BAD)
    target.fill((12, 14, 20), (x - 1, y - 1, width + 2, 5))
    target.fill(color, (x, y, max(1, round(width * fraction)), 3))


_DAMAGE: dict[int, pygame.Surface] = {}
DAMAGE_STEPS = 4


def damage_overlay(health: int, max_health: int) -> pygame.Surface | None:
    """Paint-over and cracks (column 3 of mural.png) over a hurt mural, stronger in 4 steps
    as health falls; a fallen mural is also greyed out."""
    if health >= max_health:
        return None
    step = DAMAGE_STEPS - (DAMAGE_STEPS * max(0, health) + max_health - 1) // max_health
    step = max(1, step)
    if step not in _DAMAGE:
        frame = sheet("mural", 32, 32)[0][3].copy()
        frame.set_alpha(90 + 165 * step // DAMAGE_STEPS)
        if step == DAMAGE_STEPS:  # destroyed: a grey wash under the cracks
            out = pygame.Surface((32, 32), pygame.SRCALPHA)
            out.fill((40, 40, 46, 170))
            out.blit(frame, (0, 0))
            frame = out
        _DAMAGE[step] = frame
    return _DAMAGE[step]
