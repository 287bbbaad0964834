"""Flow fields: one multi-source BFS over walkable tiles from every mural, then one
step direction per tile. Recomputed only when the map changes, never per drone.

Integer distances and a fixed neighbour order (N, E, S, W; the first minimum wins), so
the field is identical on every machine.
"""

from __future__ import annotations

import numpy as np

UNREACHED = np.int32(1 << 30)
# Direction codes: 0 stay, 1 north, 2 east, 3 south, 4 west.
DIR_DX = np.array([0, 0, 1, 0, -1], dtype=np.int32)
DIR_DY = np.array([0, -1, 0, 1, 0], dtype=np.int32)


def distance_field(walkable: np.ndarray, sources: np.ndarray) -> np.ndarray:
    """Steps from each tile to the nearest source tile over 4-connected walkable tiles
    (UNREACHED where no path). Frontier BFS on a padded flat array: each step is a few
    numpy operations on the frontier only, so cost follows the area, not width × steps."""
    h, w = walkable.shape
    pw = w + 2
    free = np.zeros((h + 2, pw), dtype=bool)
    free[1:-1, 1:-1] = walkable
    free = free.ravel()
    dist = np.full(free.shape, UNREACHED, dtype=np.int32)
    src = np.zeros((h + 2, pw), dtype=bool)
    src[1:-1, 1:-1] = sources & walkable
    frontier = np.flatnonzero(src.ravel())
    free[frontier] = False
    dist[frontier] = 0
    offsets = np.array([-pw, 1, pw, -1], dtype=np.intp)
    slot = np.zeros(free.shape, dtype=np.intp)
    step = 0
    while frontier.size:
        step += 1
        cand = (frontier[:, None] + offsets).ravel()
        cand = cand[free[cand]]
        if not cand.size:
            break
        # Drop duplicates without sorting: one write per tile survives, whichever it is;
        # the set of tiles (all that matters for distances) is the same every time.
        order = np.arange(cand.size)
        slot[cand] = order
        frontier = cand[slot[cand] == order]
        free[frontier] = False
        dist[frontier] = step
    return dist.reshape(h + 2, pw)[1:-1, 1:-1].copy()


def step_field(dist: np.ndarray) -> np.ndarray:
    """Per tile, the direction code toward the neighbour with the smallest distance
    (0 where no neighbour is closer). Blocked tiles get a way out too, so a drone caught
    under a new structure walks off it."""
    h, w = dist.shape
    pad = np.full((h + 2, w + 2), UNREACHED, dtype=np.int32)
    pad[1:-1, 1:-1] = dist
    around = np.stack([pad[:-2, 1:-1], pad[1:-1, 2:], pad[2:, 1:-1], pad[1:-1, :-2]])
    best = around.argmin(axis=0)  # first minimum in N, E, S, W order
    closer = np.take_along_axis(around, best[None], 0)[0] < dist
    return np.where(closer, best + 1, 0).astype(np.int8)
