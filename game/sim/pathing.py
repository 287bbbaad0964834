"""Walking agents on the tile grid: breadth-first distance fields, exact and ordered.

A field is computed from one or more source tiles; each walkable tile gets its distance
to the nearest source and which source that is. Sources are seeded in the order given
(callers sort them by entity id) and neighbours are visited in a fixed order, so ties
always break the same way on every run. An agent at a tile steps to the neighbour with
the smallest distance (ties: the fixed order again).
"""

from __future__ import annotations

from collections import deque

from game.sim.grid import Grid

# N, W, E, S: the fixed neighbour order that breaks ties
NEIGHBOURS = ((0, -1), (-1, 0), (1, 0), (0, 1))
UNREACHED = -1


class Field:
    """Distances (in tiles) to the nearest source, and the label of that source."""

    __slots__ = ("width", "height", "dist", "label")

    def __init__(self, grid: Grid, sources: list[tuple[int, int, int]]) -> None:
        """`sources`: (tx, ty, label), in tie-breaking order. Sources on blocked tiles
        still count (a pile may lie beside a wall), but the field spreads only over
        walkable tiles."""
        w, h = grid.width, grid.height
        self.width, self.height = w, h
        self.dist = [UNREACHED] * (w * h)
        self.label = [0] * (w * h)
        blocked = grid.blocked.ravel().tolist()
        queue: deque[int] = deque()
        for tx, ty, label in sources:
            if not grid.in_bounds(tx, ty):
                continue
            i = ty * w + tx
            if self.dist[i] == UNREACHED:
                self.dist[i] = 0
                self.label[i] = label
                queue.append(i)
        while queue:
            i = queue.popleft()
            x, y = i % w, i // w
            d, lab = self.dist[i] + 1, self.label[i]
            for dx, dy in NEIGHBOURS:
                nx, ny = x + dx, y + dy
                if 0 <= nx < w and 0 <= ny < h:
                    j = ny * w + nx
                    if self.dist[j] == UNREACHED and not blocked[j]:
                        self.dist[j] = d
                        self.label[j] = lab
                        queue.append(j)

    def at(self, tx: int, ty: int) -> tuple[int, int]:
        """(distance, source label) of a tile; distance -1 if unreachable."""
        if not (0 <= tx < self.width and 0 <= ty < self.height):
            return UNREACHED, 0
        i = ty * self.width + tx
        return self.dist[i], self.label[i]

    def step_from(self, tx: int, ty: int) -> tuple[int, int] | None:
        """The neighbour one tile closer to the nearest source, or None (there already,
        or no way)."""
        here, _ = self.at(tx, ty)
        if here == 0:
            return None
        best = None
        for dx, dy in NEIGHBOURS:
            d, _ = self.at(tx + dx, ty + dy)
            if d != UNREACHED and (here == UNREACHED or d < here) and \
                    (best is None or d < best[0]):
                best = (d, tx + dx, ty + dy)
        return (best[1], best[2]) if best else None
