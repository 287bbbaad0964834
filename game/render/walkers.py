"""Shared by the story's walkers on the map (Dax, Talin, a rally's crowd): routes over
walkable tiles and positions along them by distance. Presentation only: it reads the
level's static walls and is never seen by the simulation."""

from __future__ import annotations

from collections import deque

import numpy as np

from game.sim.constants import TILE_PX

Tile = tuple[int, int]
STEPS = ((0, -1), (1, 0), (0, 1), (-1, 0))  # the game's neighbour order: N, E, S, W
DOWN, LEFT, RIGHT, UP = 0, 1, 2, 3  # rows of a walking sheet


def search(walkable: np.ndarray, start: Tile) -> np.ndarray:
    """Steps from `start` to every tile (-1: unreachable), breadth first."""
    h, w = walkable.shape
    dist = np.full((h, w), -1, dtype=np.int32)
    sx, sy = start
    if not (0 <= sx < w and 0 <= sy < h and walkable[sy, sx]):
        return dist
    dist[sy, sx] = 0
    todo = deque([start])
    while todo:
        x, y = todo.popleft()
        for dx, dy in STEPS:
            nx, ny = x + dx, y + dy
            if 0 <= nx < w and 0 <= ny < h and walkable[ny, nx] and dist[ny, nx] < 0:
                dist[ny, nx] = dist[y, x] + 1
                todo.append((nx, ny))
    return dist


def path_to(dist: np.ndarray, goal: Tile) -> list[Tile]:
    """Tiles from the search's start to `goal` (empty when unreachable), walking back
    down the distances in N, E, S, W order."""
    gx, gy = goal
    h, w = dist.shape
    if not (0 <= gx < w and 0 <= gy < h) or dist[gy, gx] < 0:
        return []
    out = [goal]
    x, y = goal
    while dist[y, x] > 0:
        for dx, dy in STEPS:
            nx, ny = x + dx, y + dy
            if 0 <= nx < w and 0 <= ny < h and dist[ny, nx] == dist[y, x] - 1:
                x, y = nx, ny
                break
        out.append((x, y))
    return out[::-1]


def nearest(dist: np.ndarray, to: tuple[float, float], among: np.ndarray | None = None
            ) -> Tile | None:
    """The reachable tile (of `among`, if given) closest to pixel point `to`."""
    ok = dist >= 0 if among is None else (dist >= 0) & among
    ys, xs = np.nonzero(ok)
    if not len(xs):
        return None
    cx, cy = (xs * TILE_PX + TILE_PX // 2), (ys * TILE_PX + TILE_PX // 2)
    i = int(np.argmin((cx - to[0]) ** 2 + (cy - to[1]) ** 2))
    return int(xs[i]), int(ys[i])


def centre(tile: Tile) -> tuple[int, int]:
    return tile[0] * TILE_PX + TILE_PX // 2, tile[1] * TILE_PX + TILE_PX // 2


class Route:
    """A walk through tile centres; `at(d)` is the point `d` pixels along it."""

    def __init__(self, tiles: list[Tile], loop: bool = False) -> None:
        points = [centre(t) for t in tiles]
        if loop and points and points[-1] != points[0]:
            points.append(points[0])
        self.points = points or [(0, 0)]
        self.length = TILE_PX * max(0, len(self.points) - 1)
        self.loop = loop

    def at(self, d: float) -> tuple[float, float, int]:
        """(x, y, facing) at distance d (clamped, or wrapped on a loop)."""
        if self.length <= 0:
            x, y = self.points[0]
            return float(x), float(y), DOWN
        d = d % self.length if self.loop else max(0.0, min(d, self.length - 1e-6))
        i = int(d // TILE_PX)
        f = (d - i * TILE_PX) / TILE_PX
        (x0, y0), (x1, y1) = self.points[i], self.points[i + 1]
        return x0 + (x1 - x0) * f, y0 + (y1 - y0) * f, facing(x1 - x0, y1 - y0)


def facing(dx: float, dy: float) -> int:
    if abs(dx) > abs(dy):
        return RIGHT if dx > 0 else LEFT
    return DOWN if dy >= 0 else UP


def aside(x: float, y: float, ex: float, ey: float, room: int = 12) -> float:
    """How far to shift a walker sideways so it never stands on Elara's spot."""
    if abs(x - ex) < room and abs(y - ey) < room:
        return (room - abs(x - ex)) * (1 if x >= ex else -1)
    return 0.0
