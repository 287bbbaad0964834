"""The one breadth-first search of the game: collectors, artisans, drones and the
autopilots all walk the tile grid through it.

A search spreads from source tiles over 4-connected walkable tiles in numpy frontier
steps (no Python loop per tile, so a 256×256 map costs milliseconds). Each reached tile
gets its distance to the nearest source and, when sources carry labels (entity ids), the
lowest label among the nearest sources. Stepping uses one fixed neighbour order,
N, E, S, W: the first neighbour that is one step closer (to the same source) wins. Every
tie is fixed by these two rules, so runs agree on every machine.
"""

from __future__ import annotations

from itertools import chain

import numpy as np

UNREACHED = np.int32(1 << 30)
NO_LABEL = np.int64(1 << 62)
NEIGHBOURS = ((0, -1), (1, 0), (0, 1), (-1, 0))  # N, E, S, W: the order that breaks ties


def distance_field(walkable: np.ndarray, sources: np.ndarray) -> np.ndarray:
    """Steps from each tile to the nearest source tile over 4-connected walkable tiles
    (UNREACHED where no path). Sources on unwalkable tiles are ignored."""
    return distance_fields([walkable], sources)[0]


def distance_fields(walkables: list[np.ndarray], sources: np.ndarray) -> list[np.ndarray]:
    """One search per walkable mask, all in a single frontier loop: the masks are stacked
    as layers of one padded flat array (padding keeps them apart), so the per-step cost
    of numpy calls is paid once."""
    h, w = sources.shape
    ph = h + 2
    free = np.zeros((len(walkables) * ph, w + 2), dtype=bool)
    src = np.zeros_like(free)
    for k, walk in enumerate(walkables):
        free[k * ph + 1:k * ph + 1 + h, 1:-1] = walk
        src[k * ph + 1:k * ph + 1 + h, 1:-1] = sources & walk
    dist, _ = _search(free, np.flatnonzero(src.ravel()), None)
    grid = dist.reshape(free.shape)
    return [grid[k * ph + 1:k * ph + 1 + h, 1:-1].copy() for k in range(len(walkables))]


_IDS = np.zeros(0, dtype=np.int32)  # claim marks -2, -3, ..., grown on demand
WALL = np.int32(-1)  # during a search: not walkable (claim marks are -2, -3, ...)


def _search(free2d: np.ndarray, seeds: np.ndarray, seed_labels: np.ndarray | None
            ) -> tuple[np.ndarray, np.ndarray | None]:
    """The frontier loop over a padded grid (a border of False around the map). Returns
    flat distance and label arrays. Each step touches only the frontier, so the cost
    follows the area reached, not width × steps.

    One int32 array holds the whole state: WALL, UNREACHED (free), a claim mark, or
    the distance. A step takes the frontier's neighbours that are still free, lets each
    write its own mark and keeps the one whose mark stayed (one per tile: which one does
    not matter, only the set of tiles does). A new tile's label is pulled from its four
    neighbours: only those of the step before carry a label yet (walls, free tiles and
    this step's tiles still hold NO_LABEL), so it is the lowest label among its nearest
    sources."""
    global _IDS
    pw = free2d.shape[1]
    # free -> UNREACHED, wall -> WALL by arithmetic: np.where costs 4x as much here
    dist = free2d.ravel().astype(np.int32)
    dist *= UNREACHED + 1
    dist += WALL
    label = None
    if seed_labels is not None:
        label = np.full(dist.shape, NO_LABEL, dtype=np.int64)
        np.minimum.at(label, seeds, seed_labels)  # two sources on one tile: the lower
    frontier = _distinct(seeds)
    dist[frontier] = 0
    if not 4 * dist.size <= _IDS.size <= 32 * dist.size:  # fits, and no 16 MB left
        _IDS = -np.arange(2, 2 + 4 * dist.size, dtype=np.int32)  # over from a huge map
    offsets = np.array([-pw, 1, pw, -1], dtype=np.intp)[:, None]  # N, E, S, W
    around = offsets + frontier  # (4, n): direction-major, so numpy loops run long
    step = 0
    while True:
        step += 1
        cand = around.ravel()
        # mode="clip": no bounds check (the padding keeps every index inside)
        cand = cand.compress(dist.take(cand, mode="clip") == UNREACHED)
        if not cand.size:
            break
        marks = _IDS[:cand.size]
        dist[cand] = marks
        frontier = cand.compress(dist.take(cand, mode="clip") == marks)
        dist[frontier] = step
        around = offsets + frontier
        if label is not None:
            label[frontier] = label.take(around, mode="clip").min(axis=0)
    # walls back to UNREACHED: as unsigned, WALL is the largest value
    np.minimum(dist.view(np.uint32), np.uint32(UNREACHED), out=dist.view(np.uint32))
    return dist, label


def _distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values (np.unique, without its overhead: for a few hundred
    seeds numpy 2's unique costs more than the rest of a small search)."""
    values = np.sort(values)
    keep = np.empty(values.size, dtype=bool)
    keep[:1] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


class Field:
    """Distances (in tiles) to the nearest of labelled sources, and which source (the
    lowest label among equally near ones)."""

    __slots__ = ("width", "height", "dist", "label", "_free", "_pd", "_pl")

    def __init__(self, walkable: np.ndarray, sources: list[tuple[int, int, int]]) -> None:
        """`sources`: (tx, ty, label). Sources on unwalkable tiles still count (a pile
        may lie on a wall's edge), but the search spreads only over walkable tiles."""
        h, w = walkable.shape
        self.width, self.height = w, h
        free = np.zeros((h + 2, w + 2), dtype=bool)
        free[1:-1, 1:-1] = walkable
        flat = np.fromiter(chain.from_iterable(sources), np.int64, 3 * len(sources))
        xs, ys, labels = flat.reshape(-1, 3).T
        inside = (xs >= 0) & (xs < w) & (ys >= 0) & (ys < h)
        seeds = ((ys[inside] + 1) * (w + 2) + xs[inside] + 1).astype(np.intp)
        dist, label = _search(free, seeds, labels[inside])
        self._keep(free.ravel(), dist, label)

    def _keep(self, free: np.ndarray, dist: np.ndarray, label: np.ndarray) -> None:
        """Padded flat arrays, and the map-shaped views of them that lookups use."""
        shape = (self.height + 2, self.width + 2)
        self._free, self._pd, self._pl = free, dist, label
        self.dist = dist.reshape(shape)[1:-1, 1:-1]
        self.label = label.reshape(shape)[1:-1, 1:-1]

    def without(self, removed: set[int], sources: list[tuple[int, int, int]]) -> Field:
        """This field once the sources labelled `removed` are gone (`sources`: those
        left), equal to a fresh Field of them: only the tiles that led to a removed
        source are searched again, outward from their border in order of distance, with
        the same lowest-label rule. Walls must not have changed."""
        new = Field.__new__(Field)
        new.width, new.height = self.width, self.height
        pw = self.width + 2
        dist, label = self._pd.copy(), self._pl.copy()
        new._keep(self._free, dist, label)
        gone = np.isin(label, np.fromiter(removed, np.int64)) & (dist < UNREACHED)
        if not gone.any():
            return new
        dist[gone], label[gone] = UNREACHED, NO_LABEL
        for x, y, lab in sources:  # a source still standing where a removed one was
            i = (y + 1) * pw + x + 1
            if 0 <= x < self.width and 0 <= y < self.height and gone[i]:
                dist[i], label[i] = 0, min(int(label[i]), lab)
        todo = gone & self._free & (dist == UNREACHED)
        offsets = np.array([-pw, 1, pw, -1], dtype=np.intp)
        rim = (np.flatnonzero(todo)[:, None] + offsets).ravel()
        rim = np.unique(rim[dist[rim] < UNREACHED])  # reached tiles touching the hole
        if not rim.size:
            return new
        rim_dist = dist[rim]
        step, last = int(rim_dist.min()), int(rim_dist.max())
        frontier = rim[rim_dist == step]
        while frontier.size or step < last:
            cand = (frontier[:, None] + offsets).ravel()
            keep = todo[cand]
            cand = cand[keep]
            if cand.size:
                np.minimum.at(label, cand, np.repeat(label[frontier], 4)[keep])
                cand = np.unique(cand)
                todo[cand] = False
                dist[cand] = step + 1
            step += 1
            frontier = np.concatenate([cand, rim[rim_dist == step]])
        return new

    def at(self, tx: int, ty: int) -> tuple[int, int]:
        """(distance, source label) of a tile; distance -1 if unreachable."""
        if not (0 <= tx < self.width and 0 <= ty < self.height):
            return -1, 0
        d = int(self.dist[ty, tx])
        return (-1, 0) if d >= UNREACHED else (d, int(self.label[ty, tx]))

    def step_from(self, tx: int, ty: int) -> tuple[int, int] | None:
        """The first neighbour (N, E, S, W) one step closer to this tile's source, or
        None (there already, or no way). From an unreached tile (say, one a structure was
        just built on), the nearest reached neighbour (ties: lower label, then order)."""
        here, lab = self.at(tx, ty)
        if here == 0:
            return None
        best: tuple[int, int, int, int] | None = None
        for dx, dy in NEIGHBOURS:
            d, nlab = self.at(tx + dx, ty + dy)
            if d < 0:
                continue
            if here > 0:
                if d == here - 1 and nlab == lab:
                    return tx + dx, ty + dy
            elif best is None or (d, nlab) < best[:2]:
                best = (d, nlab, tx + dx, ty + dy)
        return (best[2], best[3]) if best else None

    def path_from(self, tx: int, ty: int) -> tuple[int, list[tuple[int, int]]] | None:
        """(source label, tiles to walk, the start excluded) to the nearest source, or
        None when none can be reached."""
        here, lab = self.at(tx, ty)
        if here == 0:
            return lab, []
        path: list[tuple[int, int]] = []
        nxt = self.step_from(tx, ty)
        while nxt is not None:
            path.append(nxt)
            nxt = self.step_from(*nxt)
        if not path:
            return None
        return self.at(*path[-1])[1], path
