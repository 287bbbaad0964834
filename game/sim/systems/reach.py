"""Who is within Elara's reach: integer squared distances, ties broken by entity id."""

from __future__ import annotations

from game.sim.components import Position
from game.sim.constants import SUBPX


def within_reach(origin: Position, target: Position, reach_px: int) -> bool:
    dx, dy = origin.x - target.x, origin.y - target.y
    r = reach_px * SUBPX
    return dx * dx + dy * dy <= r * r


def distance_sq(a: Position, b: Position) -> int:
    return (a.x - b.x) ** 2 + (a.y - b.y) ** 2
