"""Short-lived eye candy driven by simulation events: particles and floating labels.

Presentation only: its randomness is its own and never touches the simulation. Lives
count milliseconds and speeds are per 1/60 s, scaled by the frame's length, so a 240 Hz
display shows the same effect as a 60 Hz one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import pygame

from game.render import palette
from game.render.civic_effects import civic_effect
from game.render.font import BitmapFont
from game.sim import events as ev
from game.sim.constants import SUBPX, TILE_PX

FRAME_MS = 1000 / 60
FADE_MS = 133  # the last moments of a particle: one pixel


@dataclass(slots=True)
class Particle:
    x: float
    y: float
    vx: float
    vy: float
    life: float  # ms left
    color: tuple[int, int, int]


@dataclass(slots=True)
class FloatLabel:
    x: float
    y: float
    text: str
    color: tuple[int, int, int]
    life: float = 1000.0  # ms left


class Effects:
    def __init__(self, font: BitmapFont) -> None:
        self.font = font
        self.particles: list[Particle] = []
        self.labels: list[FloatLabel] = []
        self._rng = random.Random(7)

    def burst(self, x: float, y: float, color: tuple[int, int, int], n: int = 10,
              speed: float = 1.2, life_ms: int = 500) -> None:
        for _ in range(n):
            self.particles.append(Particle(
                x, y, self._rng.uniform(-speed, speed), self._rng.uniform(-speed * 1.5, 0.2),
                self._rng.randint(life_ms // 2, life_ms), color))

    def label(self, x: float, y: float, text: str, color: tuple[int, int, int]) -> None:
        self.labels.append(FloatLabel(x, y, text, color))

    def on_events(self, events: list[ev.Event], sim) -> None:
        player = sim.player()[1]
        px, py = player.x / SUBPX, player.y / SUBPX
        for e in events:
            if e.kind == ev.WASTE_COLLECTED:
                color = palette.RES_COLORS[e.data["kind"]]
                self.burst(px, py - 8, color, 8)
                self.label(px, py - 26, f"+{e.data['amount']} {e.data['kind']}", color)
            elif e.kind == ev.BUILT:
                cx = e.data["tx"] * TILE_PX + TILE_PX / 2
                cy = e.data["ty"] * TILE_PX + TILE_PX / 2
                self.burst(cx, cy, palette.UI_GOOD, 24, speed=1.8, life_ms=667)
            elif e.kind == ev.DEPOSITED:
                total = sum(e.data["waste"].values())
                self.burst(px, py - 10, palette.UI_GOOD, 6 + total)
                self.label(px, py - 26, f"-{total} into node", palette.UI_GOOD)
            elif e.kind in (ev.PRODUCED, ev.BLOOM):
                node = e.data["node"]
                pos = _node_pos(sim, node)
                if pos is None:
                    continue
                color = palette.RES_COLORS[e.data["resource"]]
                if e.kind == ev.BLOOM:
                    self.burst(pos[0], pos[1] - 14, palette.UI_ACCENT, 16, speed=1.6)
                    self.label(pos[0], pos[1] - 40, "bloom!", palette.UI_ACCENT)
                else:
                    self.burst(pos[0], pos[1] - 14, color, 8)
                    self.label(pos[0], pos[1] - 30, f"+{e.data['amount']} {e.data['resource']}",
                               color)
            else:
                civic_effect(self, e, sim)  # murals, Rally, artisans

    def update(self, dt_ms: float = FRAME_MS) -> None:
        f = dt_ms / FRAME_MS  # speeds are per 1/60 s
        for p in self.particles:
            p.x += p.vx * f
            p.y += p.vy * f + 0.025 * f * f  # falling, exactly at any frame length
            p.vy += 0.05 * f
            p.life -= dt_ms
        self.particles = [p for p in self.particles if p.life > 0]
        for lab in self.labels:
            lab.y -= 0.35 * f
            lab.life -= dt_ms
        self.labels = [lab for lab in self.labels if lab.life > 0]

    def draw(self, target: pygame.Surface, offset: tuple[int, int]) -> None:
        ox, oy = offset
        for p in self.particles:
            size = 1 if p.life < FADE_MS else 2
            target.fill(p.color, (round(p.x - ox), round(p.y - oy), size, size))
        for lab in self.labels:
            self.font.draw(target, lab.text, (round(lab.x - ox), round(lab.y - oy)), lab.color,
                           shadow=(0, 0, 0), align="center")


def _node_pos(sim, entity: int) -> tuple[float, float] | None:
    from game.sim.components import Position, Structure

    for eid, (_, pos) in sim.query(Structure, Position):
        if eid == entity:
            return pos.x / SUBPX, pos.y / SUBPX
    return None
