"""Flow fields: one multi-source search (game/sim/pathing.py) over walkable tiles from
every mural, then one step direction per tile. Recomputed only when the map changes,
never per drone.

Integer distances and the game's one neighbour order (N, E, S, W; the first minimum
wins), so the field is identical on every machine.
"""

from __future__ import annotations

import numpy as np

from game.sim.pathing import UNREACHED

# Direction codes: 0 stay, 1 north, 2 east, 3 south, 4 west.
DIR_DX = np.array([0, 0, 1, 0, -1], dtype=np.int32)
DIR_DY = np.array([0, -1, 0, 1, 0], dtype=np.int32)


def step_field(dist: np.ndarray) -> np.ndarray:
    """Per tile, the direction code toward the neighbour with the smallest distance
    (0 where no neighbour is closer). Blocked tiles get a way out too, so a drone caught
    under a new structure walks off it. Ties go to the first in N, E, S, W order."""
    h, w = dist.shape
    pad = np.full((h + 2, w + 2), UNREACHED, dtype=np.int32)
    pad[1:-1, 1:-1] = dist
    best = pad[:-2, 1:-1]  # north
    code = np.ones((h, w), dtype=np.int8)
    for k, near in ((2, pad[1:-1, 2:]), (3, pad[2:, 1:-1]), (4, pad[1:-1, :-2])):
        better = near < best
        best = np.where(better, near, best)
        code[better] = k
    code[best >= dist] = 0
    return code
