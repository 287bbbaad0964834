"""Dax Rhodes on the map, in the levels where he brings Rally (the sim's `Civic` with
smears: levels 3 and 5).

He changes nothing in the rules (Rally's target is the sim's choice), so he is
presentation only, a function of the simulation's tick and its events: hidden until
`dax_joined`, then he walks in from the nearest map edge and makes the rounds of the
districts' gathering spots (each district's middle). When Rally
lands (`rallied`), he hurries to the rallied district's spot, a crowd gathers at him
and he speaks; then he walks his rounds on from there. The same ticks and events give
the same walk, so replays, the replay viewer and the state hash never see him, and
Elara is never blocked: he steps aside when she comes close.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
import pygame

from game.content.text import t
from game.render import palette
from game.render.bubble import bubble
from game.render.crowd import citizen
from game.render.images import sheet
from game.render.walkers import DOWN, Route, aside, centre, nearest, path_to, search
from game.sim import events as ev
from game.sim.civic import Civic
from game.sim.constants import SUBPX, TILE_PX
from game.sim.support import build_layout
from game.sim.world import Simulation

WALK = 0.6  # px per tick on his rounds
DASH = 2.5  # px per tick when a Rally calls him
DASH_MAX = 100  # ticks: a far Rally speeds him up rather than keeping the crowd waiting
STAND = 330  # ticks he stands and speaks at a rally
GATHER = 8  # citizens who come to a rally
LIGHT = (36, 12, 40)  # his own soft glow (at his feet: his face stays readable)
RING_TICKS = 45
OPEN = 22  # walkable tiles of the 5x5 around a gathering spot
SCARF = palette.PALETTE["bloom_3"]


@dataclass(slots=True)
class Rallying:
    start: int  # tick Rally landed
    district: int
    dash: Route  # from where he was to the district's spot
    dash_ticks: int
    count: int  # rallies so far (picks his line)


class DaxView:
    def __init__(self, sim: Simulation) -> None:
        self.sim = sim
        self.active = False
        self.join_tick: int | None = None
        self.rally: Rallying | None = None
        self.rallies = 0
        self.last_tick = sim.tick
        civic = sim.query(Civic)
        if not civic or not civic[0][1].smear_first:
            return  # no smears, no Rally: Dax has no part in this level
        self.walkable = ~sim.grid.static_solid
        pos = sim.player()[1]
        self.home = (pos.x // SUBPX // TILE_PX, pos.y // SUBPX // TILE_PX)
        reach = search(self.walkable, self.home)
        self.spots = self._spots(reach)
        self.searches = {s: search(self.walkable, s) for s in set(self.spots)}
        legs = []
        for a, b in zip(self.spots, self.spots[1:] + self.spots[:1], strict=True):
            legs += path_to(self.searches[a], b)[:-1] if a != b else [a]
        self.rounds = Route(legs, loop=True)
        # where each spot first lies on the rounds, to walk on from it after a rally
        self.offsets = [legs.index(s) * TILE_PX if s in legs else 0 for s in self.spots]
        edge = np.zeros_like(self.walkable)
        edge[0, :] = edge[-1, :] = edge[:, 0] = edge[:, -1] = True
        first = self.searches[self.spots[0]]
        gate = nearest(first, centre(self.spots[0]), edge & (first >= 0)) or self.spots[0]
        self.arrival = Route(path_to(first, gate)[::-1])
        self.sheet = sheet("dax", 16, 24)
        self.people = self._people()
        self.crowd_routes: list[Route] = []
        self.active = True

    def _spots(self, reach: np.ndarray) -> list[tuple[int, int]]:
        """Each district's gathering spot: the reachable open tile of the district (room
        for a crowd around it) nearest its middle."""
        layout = build_layout(self.sim.level)
        self.names = layout.names
        room = _room(self.walkable)
        spots = []
        for i in range(len(layout.names)):
            inside = layout.index == i
            ys, xs = np.nonzero(inside)
            if not len(xs):
                spots.append(self.home)
                continue
            middle = (float(xs.mean()) * TILE_PX + 8, float(ys.mean()) * TILE_PX + 8)
            spot = nearest(reach, middle, inside & (room >= OPEN)) or \
                nearest(reach, middle, inside) or nearest(reach, middle)
            spots.append(spot or self.home)
        return spots

    def _people(self) -> list[pygame.Surface]:
        rng = random.Random(2147)
        base = sheet("artisan", 16, 24)[0][0]  # facing the viewer: they face Dax
        return [citizen(base, rng) for _ in range(GATHER)]

    # -- events ---------------------------------------------------------------------------
    def observe(self, events: list[ev.Event]) -> None:
        """This tick's events (called right after the step that made them)."""
        if not self.active:
            return
        tick = self.sim.tick
        if tick < self.last_tick:  # the run restarted (the replay viewer seeks back)
            self.join_tick, self.rally, self.rallies = None, None, 0
        self.last_tick = tick
        for e in events:
            if e.kind == ev.DAX_JOINED:
                self.join_tick = tick
            elif e.kind == ev.RALLIED:
                self._rallied(tick, int(e.data.get("district", 0)))

    def _rallied(self, tick: int, district: int) -> None:
        x, y, _, _ = self.pose(tick)
        here = (int(x) // TILE_PX, int(y) // TILE_PX)
        spot = self.spots[district % len(self.spots)]
        dash = Route(path_to(self.searches[spot], here)[::-1] or [spot])
        ticks = min(DASH_MAX, int(dash.length / DASH) + 1)
        self.rallies += 1
        self.rally = Rallying(tick, district % len(self.spots), dash, ticks, self.rallies)
        self.crowd_routes = _crowd_routes(self.searches[spot], len(self.people), district)

    # -- where he is ----------------------------------------------------------------------
    def joined(self) -> bool:
        civic = self.sim.query(Civic)
        return self.active and bool(civic) and civic[0][1].rally_unlocked

    def pose(self, tick: int) -> tuple[float, float, int, str]:
        """(x, y of his feet, facing, doing) at `tick`; doing: arriving, rounds, dashing,
        rallying."""
        r = self.rally
        if r is not None and tick >= r.start:
            dt = tick - r.start
            if dt < r.dash_ticks:
                x, y, face = r.dash.at(r.dash.length * dt / r.dash_ticks)
                return x, y, face, "dashing"
            if dt < r.dash_ticks + STAND:
                x, y = centre(self.spots[r.district])
                return float(x), float(y), DOWN, "rallying"
            d = self.offsets[r.district] + (dt - r.dash_ticks - STAND) * WALK
            return (*self.rounds.at(d), "rounds")
        dt = tick - (self.join_tick if self.join_tick is not None else 0)
        walk_in = self.arrival.length / WALK if self.join_tick is not None else 0
        if dt < walk_in:
            return (*self.arrival.at(dt * WALK), "arriving")
        return (*self.rounds.at((dt - walk_in) * WALK), "rounds")

    # -- drawing --------------------------------------------------------------------------
    def sprites(self, offset: tuple[int, int], time_ms: int):
        if not self.joined():
            return [], []
        ox, oy = offset
        tick = self.sim.tick
        x, y, face, doing = self.pose(tick)
        me = self.sim.player()[1]
        ex, ey = me.x / SUBPX, me.y / SUBPX
        x += aside(x, y, ex, ey)
        moving = doing in ("arriving", "rounds", "dashing")
        frame = 1 + (time_ms // (90 if doing == "dashing" else 150)) % 3 if moving else 0
        if doing == "rallying" and (time_ms // 300) % 2:
            frame = 2  # a step in place: he is speaking to them
        bottom = int(y) + 4
        sprites = [(bottom, self.sheet[face][frame], (int(x) - 8 - ox, bottom - 24 - oy))]
        lights = [(int(x) - ox, bottom - 4 - oy, 12, LIGHT)]
        if doing == "rallying" and self.rally is not None:
            sprites += self._gathering(tick - self.rally.start - self.rally.dash_ticks,
                                       offset, (ex, ey), time_ms)
            lights.append((int(x) - ox, bottom - oy, 34, LIGHT))
        return sprites, lights

    def _gathering(self, dt: int, offset, elara, time_ms: int):
        """Citizens walking in along the streets to stand around him."""
        ox, oy = offset
        out = []
        for i, (img, route) in enumerate(zip(self.people, self.crowd_routes, strict=False)):
            x, y, _ = route.at(route.length * min(1.0, (dt + 60) / 140))
            x += aside(x, y, *elara) + (i % 3 - 1) * 3
            hop = 1 if dt > 80 and (time_ms // 200 + i * 3) % 5 == 0 else 0
            bottom = int(y) + 3
            out.append((bottom, img, (int(x) - 8 - ox, bottom - 24 - hop - oy)))
        return out

    def overlay(self, target: pygame.Surface, offset: tuple[int, int],
                keep_clear: pygame.Rect | None = None) -> None:
        """His words: on arrival, and while the rally lasts (the bubble clear of
        `keep_clear`, Elara)."""
        if not self.joined():
            return
        x, y, _, doing = self.pose(self.sim.tick)
        if doing == "rallying" and self.rally is not None:
            since = self.sim.tick - self.rally.start - self.rally.dash_ticks
            if since < RING_TICKS:  # the rally goes out from him: a ring in his colour
                radius = 6 + since * 60 // RING_TICKS
                pygame.draw.ellipse(target, SCARF, (int(x) - radius - offset[0],
                                                    int(y) - radius * 2 // 3 - offset[1],
                                                    radius * 2, radius * 4 // 3), 1)
            name = self.names[self.rally.district] if self.rally.district < len(self.names) \
                else ""
            lines = ("dax_rally_1", "dax_rally_2", "dax_rally_3")
            text = t("story_view", lines[(self.rally.count - 1) % len(lines)], name=name)
        elif doing == "arriving" or (self.join_tick is not None and
                                     self.sim.tick - self.join_tick < 240):
            text = t("story_view", "dax_arrives")
        else:
            return
        bubble(target, text, int(x) - offset[0], int(y) - 22 - offset[1], SCARF, keep_clear)


def _room(walkable: np.ndarray) -> np.ndarray:
    """Walkable tiles in the 5x5 around each tile."""
    h, w = walkable.shape
    pad = np.pad(walkable.astype(np.int16), 2)
    return sum(pad[dy:dy + h, dx:dx + w] for dy in range(5) for dx in range(5))


def _crowd_routes(dist: np.ndarray, n: int, seed: int) -> list[Route]:
    """Routes for `n` citizens from tiles 5-8 steps out to the tiles beside and behind
    the spot (distance 1-2): he faces us with his crowd at his back. Fixed by the
    district, not by chance."""
    rng = random.Random(seed)
    sy = int(np.nonzero(dist == 0)[0][0]) if (dist == 0).any() else 0
    rows = np.arange(dist.shape[0])[:, None] <= sy  # beside and behind him, never in front
    open_north = np.zeros(dist.shape, dtype=bool)
    open_north[1:] = dist[:-1] >= 0  # not against a wall, where they would hide a mural
    near = [(int(x), int(y)) for y, x in zip(
        *np.nonzero((dist >= 1) & (dist <= 2) & rows & open_north), strict=True)]
    far = [(int(x), int(y)) for y, x in zip(*np.nonzero((dist >= 5) & (dist <= 8)),
                                             strict=True)]
    if not near or not far:
        return []
    rng.shuffle(near)
    rng.shuffle(far)
    routes = []
    for i in range(n):
        slot, start = near[i % len(near)], far[i % len(far)]
        # walk from `start` toward the spot, and stop at the slot beside it
        inward = path_to(dist, start)[::-1]  # start ... spot
        routes.append(Route(inward[:-1] + [slot] if len(inward) > 1 else [slot]))
    return routes
