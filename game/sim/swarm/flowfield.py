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
    (UNREACHED where no path)."""
    return distance_fields([walkable], sources)[0]


def distance_fields(walkables: list[np.ndarray], sources: np.ndarray) -> list[np.ndarray]:
    """One BFS per walkable mask, all in a single frontier loop: the masks are stacked
    as layers of one padded flat array (padding keeps them apart), so the per-step cost
    of numpy calls is paid once. Each step touches only the frontier, so the cost
    follows the area, not width × steps."""
    h, w = sources.shape
    ph, pw = h + 2, w + 2
    layers = len(walkables)
    free = np.zeros((layers * ph, pw), dtype=bool)
    src = np.zeros_like(free)
    for k, walk in enumerate(walkables):
        free[k * ph + 1:k * ph + 1 + h, 1:-1] = walk
        src[k * ph + 1:k * ph + 1 + h, 1:-1] = sources & walk
    free = free.ravel()
    dist = np.full(free.shape, UNREACHED, dtype=np.int32)
    frontier = np.flatnonzero(src.ravel())
    free[frontier] = False
    dist[frontier] = 0
    offsets = np.array([-pw, 1, pw, -1], dtype=np.intp)
    slot = np.zeros(free.shape, dtype=np.intp)
    order = np.arange(4 * free.size // 2 + 4, dtype=np.intp)
    step = 0
    while frontier.size:
        step += 1
        cand = (frontier[:, None] + offsets).ravel()
        cand = cand[free[cand]]
        if not cand.size:
            break
        # Drop duplicates without sorting: one write per tile survives, whichever it is;
        # the set of tiles (all that matters for distances) is the same every time.
        ids = order[:cand.size]
        slot[cand] = ids
        frontier = cand[slot[cand] == ids]
        free[frontier] = False
        dist[frontier] = step
    grid = dist.reshape(layers * ph, pw)
    return [grid[k * ph + 1:k * ph + 1 + h, 1:-1].copy() for k in range(layers)]


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
