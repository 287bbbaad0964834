"""Feedback for the confrontation's events: zap beams, bursts where drones fall, a short
camera shake and red flash when a mural is hit (the shake can be turned off in the
settings). Presentation only: its randomness never touches the simulation. Timers
count milliseconds, so every display rate sees the same."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pygame

from game.render.effects import Effects
from game.sim.swarm import events as sev

ZAP_MS = 100
SHAKE_MS = 167
FLASH_MS = 133
ZAP_COLOR = (150, 240, 255)
DOWN_COLOR = (235, 240, 245)
HIT_COLOR = (255, 80, 70)
AEGIS_COLOR = (110, 230, 255)
TURN_COLOR = (60, 200, 210)


@dataclass(slots=True)
class Zap:
    a: tuple[int, int]
    b: tuple[int, int]
    life: float = ZAP_MS


class SwarmFx:
    def __init__(self, effects: Effects, shake: bool = True) -> None:
        self.effects = effects
        self.shake_enabled = shake
        self.zaps: list[Zap] = []
        self.shake = 0.0  # ms left
        self.flash = 0.0
        self._rng = random.Random(11)

    def on_events(self, events) -> None:
        for e in events:
            d = e.data
            if e.kind == sev.ZAP:
                self.zaps.append(Zap((d["x0"], d["y0"]), (d["x1"], d["y1"])))
            elif e.kind == sev.DRONES_DOWN:
                for x, y in d["at"][:24]:
                    self.effects.burst(x, y - 10, DOWN_COLOR, n=5, speed=1.0, life_ms=300)
            elif e.kind == sev.MURAL_HIT:
                self.shake = max(self.shake, SHAKE_MS / 2)
                self.flash = max(self.flash, FLASH_MS / 2)
                self.effects.burst(d["x"], d["y"] - 12, HIT_COLOR, n=3, speed=0.8,
                                   life_ms=267)
            elif e.kind in (sev.MURAL_DESTROYED, sev.BARRIER_DESTROYED):
                self.shake = SHAKE_MS
                self.flash = FLASH_MS
                x, y = (d["x"], d["y"]) if "x" in d else (d["tx"] * 16 + 8, d["ty"] * 16 + 8)
                self.effects.burst(x, y - 8, HIT_COLOR, n=24, speed=1.8, life_ms=667)
            elif e.kind == sev.AEGIS_ABSORBED:
                self.effects.burst(d["x"], d["y"] - 14, AEGIS_COLOR, n=2, speed=0.8,
                                   life_ms=233)
            elif e.kind == sev.ABILITY_USED:
                color = AEGIS_COLOR if d["ability"] == "aegis" else TURN_COLOR
                self.effects.burst(d["x"], d["y"], color, n=30, speed=2.2, life_ms=600)

    def update(self, dt_ms: float = 1000 / 60) -> None:
        for z in self.zaps:
            z.life -= dt_ms
        self.zaps = [z for z in self.zaps if z.life > 0]
        self.shake = max(0.0, self.shake - dt_ms)
        self.flash = max(0.0, self.flash - dt_ms)

    def shaken(self, offset: tuple[int, int]) -> tuple[int, int]:
        if not self.shake or not self.shake_enabled:
            return offset
        amp = 1 + int(self.shake // 67)
        return (offset[0] + self._rng.randint(-amp, amp), offset[1] + self._rng.randint(-amp, amp))

    def draw(self, target: pygame.Surface, offset: tuple[int, int]) -> None:
        ox, oy = offset
        for z in self.zaps:
            a = (z.a[0] - ox, z.a[1] - oy)
            b = (z.b[0] - ox, z.b[1] - oy - 10)
            pygame.draw.line(target, ZAP_COLOR, a, b, 2 if z.life > ZAP_MS / 2 else 1)
            pygame.draw.circle(target, (255, 255, 255), b, 3 if z.life > ZAP_MS / 2 else 2)
        if self.flash and self.shake_enabled:
            veil = pygame.Surface(target.get_size())
            veil.fill((int(40 * self.flash / FLASH_MS), 0, 0))
            target.blit(veil, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
