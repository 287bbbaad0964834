"""The tile grid the rules see: static walls from the map plus structures built since."""

from __future__ import annotations

import numpy as np

from game.level.data import LevelData
from game.sim.constants import TILE


class Grid:
    def __init__(self, level: LevelData) -> None:
        self.width = level.width
        self.height = level.height
        self.static_solid = level.solid.copy()
        self.buildable = level.buildable.copy()
        self.blocked = level.solid.copy()  # static solid | structures
        self.occupied = np.zeros((level.height, level.width), dtype=bool)

    def in_bounds(self, tx: int, ty: int) -> bool:
        return 0 <= tx < self.width and 0 <= ty < self.height

    def is_blocked(self, tx: int, ty: int) -> bool:
        """Out of the map counts as blocked: nobody walks off the edge."""
        if not (0 <= tx < self.width and 0 <= ty < self.height):
            return True
        return bool(self.blocked[ty, tx])

    def place_structure(self, tx: int, ty: int) -> None:
        self.occupied[ty, tx] = True
        self.blocked[ty, tx] = True

    def remove_structure(self, tx: int, ty: int) -> None:
        """A structure is gone (a barrier broken by drones): the tile is open again."""
        self.occupied[ty, tx] = False
        self.blocked[ty, tx] = bool(self.static_solid[ty, tx])


def tile_of(sub: int) -> int:
    return sub // TILE
