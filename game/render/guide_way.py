"""Where the guide's arrow aims: along the walkable way to its target, not through walls.

The shortest walkable path from Elara's tile to the target comes from the game's one
search (`sim/pathing.Field`, over the grid Elara walks: the map's walls and whatever was
built). The arrow aims at the farthest tile of that path (up to LOOKAHEAD) that a
straight line over open tiles reaches, so it leans round a corner ahead of time instead
of snapping between the path's first steps; and straight at the target when a straight
line gets there, or when no path does. Between equally short ways (either side of a
building) it keeps the one it showed, and an aim stays while nearly as far along, so
the arrow does not flicker at a tile edge.

Cost: the field is searched again only when the target's tile or the walls change, the
aim only when Elara enters another tile; other frames compare a few values."""

from __future__ import annotations

import numpy as np

from game.sim.constants import SUBPX, TILE_PX
from game.sim.pathing import NEIGHBOURS, Field
from game.sim.world import Simulation

LOOKAHEAD = 64  # path tiles the arrow may aim along (a walk across most of a map)
STICKY_TILES = 2  # the last aim stays while at most this much behind a fresh one
SAMPLE_PX = 2  # spacing of the checks along a straight line (an eighth of a tile)


def _centre(tile: tuple[int, int]) -> tuple[int, int]:
    return tile[0] * TILE_PX + TILE_PX // 2, tile[1] * TILE_PX + TILE_PX // 2


def _toward(field: Field, tile: tuple[int, int],
            point: tuple[int, int]) -> tuple[int, int] | None:
    """The neighbour one step closer to the goal; of two, the one nearer `point` in a
    straight line. (The search's own order, N E S W, makes L-shaped paths across open
    ground; these hug the straight line, so a straight walk sees far along them.)"""
    here = field.at(*tile)[0]
    if here <= 0:
        return None
    best: tuple[int, int, int] | None = None
    for dx, dy in NEIGHBOURS:
        x, y = tile[0] + dx, tile[1] + dy
        if field.at(x, y)[0] == here - 1:
            cx, cy = _centre((x, y))
            far = (cx - point[0]) ** 2 + (cy - point[1]) ** 2
            if best is None or far < best[0]:
                best = (far, x, y)
    return (best[1], best[2]) if best else None


class Way:
    """The aim of the arrow toward one target at a time (world pixels)."""

    def __init__(self, sim: Simulation) -> None:
        self.sim = sim
        self._field_key: tuple[tuple[tuple[int, int], ...], bytes] | None = None
        self._field: Field | None = None
        self.searches = 0  # how often the field was searched (tests count it)
        self._aim_key: tuple[tuple[int, int], tuple[int, int], int] | None = None
        self._aim: tuple[int, int] | None = None
        self._aim_tile: tuple[int, int] | None = None

    def aim(self, target: tuple[int, int],
            goals: tuple[tuple[int, int], ...] = ()) -> tuple[int, int]:
        """The point to aim the arrow at, for a target at `target` (world pixels): the
        target itself, or a tile centre on the walkable way there. `goals`: the tiles to
        reach (a mural's foot); by default the target's own tile."""
        grid = self.sim.grid
        goals = goals or ((target[0] // TILE_PX, target[1] // TILE_PX),)
        goals = tuple(g for g in goals if grid.in_bounds(*g))
        walls = grid.blocked.tobytes()
        if self._field_key != (goals, walls):
            self._field_key = (goals, walls)
            self._field = Field(~grid.blocked, [(x, y, 0) for x, y in goals]) \
                if goals else None
            self.searches += 1
            self._aim_tile = None  # an aim toward another target means nothing here
        pos = self.sim.player()[1]
        me = (pos.x // SUBPX // TILE_PX, pos.y // SUBPX // TILE_PX)
        key = (me, target, self.searches)
        if key != self._aim_key:
            self._aim_key = key
            self._aim, self._aim_tile = self._work_out(me, goals, target)
        return self._aim if self._aim is not None else target

    def _work_out(self, me: tuple[int, int], goals: tuple[tuple[int, int], ...],
                  target: tuple[int, int]
                  ) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """(point, path tile) to aim at from tile `me`; (None, None): at the target."""
        field = self._field
        start = _centre(me)
        if field is None or me in goals or self._clear(start, target, goals):
            return None, None
        last = self._aim_tile
        # between two equally short ways (round either side of a building), the one the
        # arrow showed last: the tie is broken toward its aim until the path passes it
        toward = _centre(last) if last is not None else target
        path: list[tuple[int, int]] = []
        nxt = _toward(field, me, toward) or field.step_from(*me)  # off the field: nearest
        while nxt is not None and len(path) < LOOKAHEAD:
            path.append(nxt)
            toward = target if nxt == last else toward
            nxt = _toward(field, nxt, toward)
        if not path:  # no walkable way: straight at it, as before
            return None, None
        best = path[0]
        for tile in path:
            if not self._clear(start, _centre(tile), goals):
                break
            best = tile
            if tile in goals:
                if tile == (target[0] // TILE_PX, target[1] // TILE_PX):
                    return None, None  # all the way to the target in a straight walk
                break
        if last is not None and last != me and self._clear(start, _centre(last), goals):
            here, to_last, to_best = (field.at(*t)[0] for t in (me, last, best))
            if 0 <= to_last < here and to_last <= to_best + STICKY_TILES:
                best = last
        return _centre(best), best

    def _clear(self, a: tuple[int, int], b: tuple[int, int],
               goals: tuple[tuple[int, int], ...]) -> bool:
        """The straight line from `a` to `b` (pixels) crosses open tiles only (a goal
        tile may be blocked: a node stands on its own tile). A line, not Elara's whole
        body: walking it, the sim's sliding collision carries her past a corner it
        grazes, and a body-wide test made the aim hop at every lamp post and rock."""
        grid = self.sim.grid
        n = max(abs(b[0] - a[0]), abs(b[1] - a[1])) // SAMPLE_PX + 1
        f = np.linspace(0.0, 1.0, n + 1)
        tx = (a[0] + (b[0] - a[0]) * f).astype(np.int64) // TILE_PX
        ty = (a[1] + (b[1] - a[1]) * f).astype(np.int64) // TILE_PX
        inside = (tx >= 0) & (tx < grid.width) & (ty >= 0) & (ty < grid.height)
        if not inside.all():
            return False
        hit = grid.blocked[ty, tx]
        for gx, gy in goals:
            hit &= (tx != gx) | (ty != gy)
        return not hit.any()
