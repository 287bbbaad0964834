"""What Elara's E and F would act on right now: the node, depot or mural wall in reach,
found with the simulation's own reach rules and outlined in the world so the player
sees it before pressing."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.render import palette
from game.sim.components import Depot, Mural, Position, Reactor, Structure
from game.sim.constants import SUBPX, TILE_PX
from game.sim.systems.depots import DEPOT_REACH_BONUS_PX
from game.sim.systems.painting import PAINT_REACH_PX
from game.sim.systems.reach import distance_sq, within_reach
from game.sim.world import Simulation


@dataclass(frozen=True)
class Target:
    what: str  # "node", "depot" or "mural"
    rect: pygame.Rect  # map pixels


def interact_target(sim: Simulation) -> Target | None:
    """The node (nearest, like the deposit rule) or depot that E reaches."""
    _, me = sim.player()
    reach = sim.rules.player_reach_px
    nodes = [(distance_sq(me, p), eid, s) for eid, (s, _, p)
             in sim.query(Structure, Reactor, Position) if within_reach(me, p, reach)]
    if nodes:
        s = min(nodes, key=lambda t: (t[0], t[1]))[2]
        return Target("node", _tile_rect(s.tx, s.ty))
    depots = [(distance_sq(me, p), eid, d) for eid, (d, p) in sim.query(Depot, Position)
              if within_reach(me, p, reach + DEPOT_REACH_BONUS_PX)]
    if depots:
        d = min(depots, key=lambda t: (t[0], t[1]))[2]
        return Target("depot", _tile_rect(d.tx, d.ty))
    return None


def paint_target(sim: Simulation) -> Target | None:
    """The mural wall F paints (nearest in reach, like the paint rule)."""
    _, me = sim.player()
    found = [(distance_sq(me, p), eid, p) for eid, (m, p) in sim.query(Mural, Position)
             if m.health > 0 and within_reach(me, p, PAINT_REACH_PX)]
    if not found:
        return None
    p = min(found, key=lambda t: (t[0], t[1]))[2]
    cx, cy = p.x // SUBPX, p.y // SUBPX
    return Target("mural", pygame.Rect(cx - TILE_PX, cy - TILE_PX // 2, TILE_PX * 2, TILE_PX))


def _tile_rect(tx: int, ty: int) -> pygame.Rect:
    return pygame.Rect(tx * TILE_PX, ty * TILE_PX, TILE_PX, TILE_PX)


def draw_reach(target: pygame.Surface, sim: Simulation, offset: tuple[int, int],
               time_ms: int) -> None:
    """A pulsing corner outline around each thing in reach (E amber, F teal)."""
    pulse = 1 if (time_ms // 300) % 2 else 0
    for found, color in ((interact_target(sim), palette.UI_ACCENT),
                         (paint_target(sim), palette.UI_GOOD)):
        if found is None:
            continue
        r = found.rect.move(-offset[0], -offset[1]).inflate(4 + 2 * pulse, 4 + 2 * pulse)
        _corners(target, r, color)


def _corners(target: pygame.Surface, r: pygame.Rect, color) -> None:
    n = 4
    for (x, y), (dx, dy) in (((r.left, r.top), (1, 1)), ((r.right - 1, r.top), (-1, 1)),
                             ((r.left, r.bottom - 1), (1, -1)),
                             ((r.right - 1, r.bottom - 1), (-1, -1))):
        pygame.draw.line(target, palette.UI_SHADOW, (x + dx, y + dy), (x + dx * n, y + dy), 1)
        pygame.draw.line(target, color, (x, y), (x + dx * n, y), 1)
        pygame.draw.line(target, color, (x, y), (x, y + dy * n), 1)
