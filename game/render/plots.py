"""Free build plots, marked so they read as places to build at a glance.

A plot tile glows faintly like the city's decorative lamps and fountains, so the glow
alone does not say "build here". Every free plot (buildable, nothing built on it) gets
pulsing amber corner brackets and a small "+" in its centre, drawn after the light so the
lighting never washes them out. Decorative glow tiles get nothing. Read-only: the marks
come from the sim's grid and change when something is built or sold.
"""

from __future__ import annotations

import numpy as np
import pygame

from game.render import palette
from game.sim.constants import TILE_PX
from game.sim.world import Simulation

# amber, the build colour: the city's decorative light is cyan and magenta
BRACKET = palette.PALETTE["amber_3"]
PLUS = palette.PALETTE["amber_2"]
INK = palette.PALETTE["ink"]
PULSE_MS = 1400
ARM = 4  # bracket arm length, px


def free_plots(sim: Simulation) -> np.ndarray:
    """(ty, tx) boolean grid of the tiles a structure could stand on now."""
    grid = sim.grid
    return grid.buildable & ~grid.static_solid & ~grid.occupied


class PlotMarks:
    def __init__(self, sim: Simulation) -> None:
        self.sim = sim
        self._frames = [_mark(inset) for inset in (1, 2)]

    def draw(self, target: pygame.Surface, offset: tuple[int, int], time_ms: int) -> None:
        ox, oy = offset
        vw, vh = target.get_size()
        free = free_plots(self.sim)
        x0, y0 = max(0, ox // TILE_PX), max(0, oy // TILE_PX)
        x1, y1 = (ox + vw) // TILE_PX + 1, (oy + vh) // TILE_PX + 1
        ys, xs = np.nonzero(free[y0:y1, x0:x1])
        if not len(xs):
            return
        img = self._frames[(time_ms // (PULSE_MS // 2)) % 2]
        target.fblits([(img, ((x + x0) * TILE_PX - ox, (y + y0) * TILE_PX - oy))
                       for y, x in zip(ys.tolist(), xs.tolist(), strict=True)])


def _mark(inset: int) -> pygame.Surface:
    """Corner brackets `inset` px inside the tile (the pulse) and an inked "+"."""
    surf = pygame.Surface((TILE_PX, TILE_PX), pygame.SRCALPHA)
    lo, hi = inset, TILE_PX - 1 - inset
    for cx, dx in ((lo, 1), (hi, -1)):
        for cy, dy in ((lo, 1), (hi, -1)):
            surf.fill(BRACKET, (min(cx, cx + dx * (ARM - 1)), cy, ARM, 1))
            surf.fill(BRACKET, (cx, min(cy, cy + dy * (ARM - 1)), 1, ARM))
    c = TILE_PX // 2
    surf.fill(INK, (c - 2, c - 4, 3, 7))  # outline first, then the plus over it
    surf.fill(INK, (c - 4, c - 2, 7, 3))
    surf.fill(PLUS, (c - 1, c - 3, 1, 5))
    surf.fill(PLUS, (c - 3, c - 1, 5, 1))
    return surf
