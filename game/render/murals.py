"""Murals by stage, co-op workshops and citizen artisans, for the world view.

A mural is drawn over its wall (32x32, bottom on the wall's foot): a primed outline
while blank, then the sketch, colour and luminescent frames of mural.png, the richer
stages with a growing glow. The drones issue draws damage over it (column 3 of
mural.png) from `Mural.health`; keep that here so all mural drawing stays in one place.
"""

from __future__ import annotations

import pygame

from game.render import palette
from game.render.districts import DistrictOverlay
from game.render.drones import damage_overlay
from game.render.images import sheet
from game.render.revival import Revival
from game.sim.civic import Artisan, District, Trainer
from game.sim.components import Mural, Position, Structure
from game.sim.constants import SUBPX, TILE_PX
from game.sim.world import Simulation

Sprite = tuple[int, pygame.Surface, tuple[int, int]]
Light = tuple[int, int, int, tuple[int, int, int]]
STAGE_FRAME = {1: 0, 2: 1, 3: 2}  # mural stage -> column of mural.png
STAGE_GLOW = {2: (14, (60, 30, 70)), 3: (36, (110, 60, 130))}  # radius, additive colour
WORKSHOP_COLUMN = 1
WORKSHOP_GLOW = (70, 50, 20)
CARRY_DOT = {k: palette.RES_COLORS[k] for k in ("organic", "polymer", "alloy")}


class CivicView:
    def __init__(self, sim: Simulation) -> None:
        self.sim = sim
        self.murals = sheet("mural", 32, 32)[0]
        self.structures = sheet("structures", 16, 24)
        self.artisan = sheet("artisan", 16, 24)
        self._blank = _primed_wall()
        self.districts = DistrictOverlay(sim)
        self.revival = Revival(sim, self.districts.layout)  # colour, blooms, lights

    def ground(self, target: pygame.Surface, offset: tuple[int, int], time_ms: int) -> None:
        """On the tiles, under every sprite: colour by support, district borders, smear
        tints."""
        if self.sim.query(District):
            self.revival.draw_ground(target, offset)
            self.districts.draw(target, offset, time_ms)

    def sprites(self, offset: tuple[int, int], time_ms: int) -> tuple[list[Sprite], list[Light]]:
        ox, oy = offset
        sprites, lights = self.revival.sprites(offset, time_ms)  # planters in bloom
        pulse = (time_ms // 60) % 24
        wobble = (pulse if pulse < 12 else 24 - pulse) // 3
        for _, (mural, pos) in self.sim.query(Mural, Position):
            cx, cy = pos.x // SUBPX, pos.y // SUBPX
            foot = cy + TILE_PX // 2
            at = (cx - 16 - ox, foot - 32 - oy)
            img = self.murals[STAGE_FRAME[mural.stage]] if mural.stage else self._blank
            sprites.append((foot - TILE_PX, img, at))  # on the wall: behind walkers below
            damage = damage_overlay(mural.health, mural.max_health)  # drones' work
            if damage is not None:
                sprites.append((foot - TILE_PX, damage, at))
            if mural.stage in STAGE_GLOW:
                radius, colour = STAGE_GLOW[mural.stage]
                lights.append((cx - ox, cy - 8 - oy, radius + wobble, colour))
        for _, (structure, trainer) in self.sim.query(Structure, Trainer):
            busy = trainer.trained < self.sim.balance.civic.per_workshop
            img = self.structures[1 if busy else 0][WORKSHOP_COLUMN]
            x, y = structure.tx * TILE_PX, structure.ty * TILE_PX
            sprites.append((y + TILE_PX, img, (x - ox, y - 8 - oy)))
            lights.append((x + 8 - ox, y + 4 - oy, 16 if busy else 10, WORKSHOP_GLOW))
        for eid, (artisan, pos) in self.sim.query(Artisan, Position):
            frame = 1 + (time_ms // 140 + eid) % 3 if artisan.moving else 0
            img = self.artisan[artisan.facing][frame]
            x, y = pos.x // SUBPX, pos.y // SUBPX
            bottom = y + 3
            sprites.append((bottom, img, (x - 8 - ox, bottom - 24 - oy)))
            if artisan.carry:
                kind = min(artisan.carry)
                sprites.append((bottom, _dot(CARRY_DOT[kind]), (x - 2 - ox, bottom - 28 - oy)))
        return sprites, lights

    def overlay(self, target: pygame.Surface, offset: tuple[int, int]) -> None:
        """Paint progress over the murals being painted (after lighting, so it reads)."""
        ox, oy = offset
        paint_ticks = self.sim.balance.civic.paint_ticks
        for _, (mural, pos) in self.sim.query(Mural, Position):
            if mural.paint_progress <= 0 or mural.stage >= len(paint_ticks):
                continue
            cx, cy = pos.x // SUBPX - ox, pos.y // SUBPX - oy
            rect = pygame.Rect(cx - 14, cy - 30, 28, 4)
            target.fill(palette.PALETTE["ink"], rect)
            done = mural.paint_progress * (rect.width - 2) // paint_ticks[mural.stage]
            target.fill(palette.PALETTE["bloom_3"], (rect.x + 1, rect.y + 1, done, 2))


def _primed_wall() -> pygame.Surface:
    """A blank mural wall: a pale primed panel in a dashed amber frame with three paint
    dabs, so a wall that can be painted reads as one from across the street."""
    surf = pygame.Surface((32, 32), pygame.SRCALPHA)
    surf.fill((*palette.PALETTE["stone_4"], 120), (2, 17, 28, 13))
    chalk = palette.PALETTE["amber_2"]
    for x in range(2, 30, 4):
        surf.fill(chalk, (x, 17, 2, 1))
        surf.fill(chalk, (x, 29, 2, 1))
    for y in range(17, 30, 4):
        surf.fill(chalk, (2, y, 1, 2))
        surf.fill(chalk, (29, y, 1, 2))
    for i, name in enumerate(("bloom_2", "teal_3", "amber_2")):
        pygame.draw.circle(surf, palette.PALETTE[name], (11 + 5 * i, 23), 2)
    return surf


_DOTS: dict[tuple[int, int, int], pygame.Surface] = {}


def _dot(colour: tuple[int, int, int]) -> pygame.Surface:
    if colour not in _DOTS:
        surf = pygame.Surface((5, 5), pygame.SRCALPHA)
        pygame.draw.circle(surf, palette.PALETTE["ink"], (2, 2), 2)
        pygame.draw.circle(surf, colour, (2, 2), 1)
        _DOTS[colour] = surf
    return _DOTS[colour]
