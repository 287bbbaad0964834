"""Districts on the ground: a faint dashed border where one district meets another, and
a pulsing tint over a district while a smear is announced (amber) or runs (red), so the
player sees where support is under attack. Baked once per level from the layout."""

from __future__ import annotations

import numpy as np
import pygame

from game.render import palette
from game.sim.civic import Civic, District
from game.sim.constants import TILE_PX
from game.sim.support import SupportLayout, build_layout
from game.sim.world import Simulation

BORDER = (*palette.PALETTE["bloom_3"], 110)
WARN = palette.PALETTE["amber_2"]
SMEAR = palette.PALETTE["alarm_1"]


class DistrictOverlay:
    def __init__(self, sim: Simulation) -> None:
        self.sim = sim
        self.layout: SupportLayout = build_layout(sim.level)
        self.borders = _borders(self.layout.index) if len(self.layout.names) > 1 else None
        self._tints: dict[tuple, pygame.Surface] = {}

    def draw(self, target: pygame.Surface, offset: tuple[int, int], time_ms: int) -> None:
        ox, oy = offset
        if self.borders is not None:
            target.blit(self.borders, (-ox, -oy))
        civic = self.sim.query(Civic)
        warned = civic[0][1].smear_target if civic else -1
        pulse = (time_ms // 25) % 40
        strength = pulse if pulse < 20 else 40 - pulse  # 0..20..0
        view = pygame.Rect(ox, oy, *target.get_size())
        for _, d in self.sim.query(District):
            if d.smear_left > 0:
                colour, alpha = SMEAR, 30 + 2 * strength
            elif d.index == warned:
                colour, alpha = WARN, 10 + strength
            else:
                continue
            tint = self._tint(d.index, colour)
            tint.set_alpha(alpha)
            target.blit(tint, (max(0, -ox), max(0, -oy)), area=view)

    def _tint(self, index: int, colour: tuple[int, int, int]) -> pygame.Surface:
        """The district's tiles in one colour, clear elsewhere (cached)."""
        key = (index, colour)
        if key not in self._tints:
            inside = self.layout.index == index
            h, w = inside.shape
            surf = pygame.Surface((w * TILE_PX, h * TILE_PX), pygame.SRCALPHA)
            for ty, tx in zip(*np.nonzero(inside), strict=True):
                surf.fill((*colour, 255), (tx * TILE_PX, ty * TILE_PX, TILE_PX, TILE_PX))
            self._tints[key] = surf
        return self._tints[key]


def _borders(index: np.ndarray) -> pygame.Surface:
    h, w = index.shape
    surf = pygame.Surface((w * TILE_PX, h * TILE_PX), pygame.SRCALPHA)
    for ty, tx in zip(*np.nonzero(index[:, 1:] != index[:, :-1]), strict=True):
        x = (tx + 1) * TILE_PX
        for y in range(ty * TILE_PX, (ty + 1) * TILE_PX, 4):
            surf.fill(BORDER, (x - 1, y, 2, 2))
    for ty, tx in zip(*np.nonzero(index[1:, :] != index[:-1, :]), strict=True):
        y = (ty + 1) * TILE_PX
        for x in range(tx * TILE_PX, (tx + 1) * TILE_PX, 4):
            surf.fill(BORDER, (x, y - 1, 2, 2))
    return surf
