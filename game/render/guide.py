"""The guide of the civic levels (support, co-op): an arrow beside Elara toward her next
step in the hauling loop, and a pulsing ring on it when it is in view. The step comes
from the simulation's state only (read, never written): build a node or workshop the
goals still need on the nearest free plot; paint the nearest mural the pigment pays
for; carry what the bag holds to the nearest node; else fetch the nearest pile of the
kind still needed. The arrow points along the walkable way there (`guide_way.Way`), not
through walls. Presentation only: the state hash never depends on it."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.content.text import keys, t
from game.render import palette
from game.render.font import BitmapFont
from game.render.guide_way import Way
from game.sim.components import Mural, Position, Reactor, WastePile
from game.sim.constants import SUBPX, TILE_PX
from game.sim.objectives.coop import coop_goals
from game.sim.systems.painting import LAST_STAGE, PAINT_REACH_PX
from game.sim.world import Simulation

GUIDED = ("support", "coop")  # objective kinds with a hauling loop to guide
RING = 20  # px from Elara's middle to the arrow
NEAR_PX = 20  # closer than this, the target needs no arrow
COLOUR = palette.PALETTE["amber_2"]
SPARE_NODES = 2  # a second node, when the bag can pay for it, doubles the pigment


@dataclass(frozen=True)
class Step:
    what: str  # plot_node, plot_workshop, mural, node, pile, drop
    x: int  # world pixels, the target's middle
    y: int
    label: str


def guided(sim: Simulation) -> bool:
    return sim.level.objective.kind in GUIDED


def _me(sim: Simulation) -> tuple[int, int]:
    pos = sim.player()[1]
    return pos.x // SUBPX, pos.y // SUBPX


TURN_MS = 80  # the drawn arrow's time to turn most of the way to a new direction
STICKY_PX = 48  # the arrow keeps its target unless another is this much nearer


def _nearest(me: tuple[int, int], spots: list[tuple[int, int]],
             prefer: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """The spot nearest to `me`; `prefer` (the last target) while it is nearly as near,
    so the arrow does not flip between two piles as Elara walks."""
    def dist(p):
        return math.hypot(p[0] - me[0], p[1] - me[1])

    best = min(spots, key=lambda p: (dist(p), p), default=None)
    if best is not None and prefer in spots and dist(prefer) <= dist(best) + STICKY_PX:
        return prefer
    return best


def _goal(sim: Simulation, name: str) -> tuple[int, int]:
    """(have, want) of a co-op goal; (0, 0) when the level sets none."""
    if sim.level.objective.kind != "coop":
        return 0, 0
    for goal, have, want in coop_goals(sim._context([], [])):
        if goal == name:
            return have, want
    return 0, 0


def _free_plot(sim: Simulation, kind: str, me: tuple[int, int]) -> tuple[int, int] | None:
    ys, xs = sim.grid.buildable.nonzero()
    spots = sorted(((int(x) * TILE_PX + 8, int(y) * TILE_PX + 8) for x, y in zip(xs, ys,
                                                                                strict=True)),
                   key=lambda p: (p[0] - me[0]) ** 2 + (p[1] - me[1]) ** 2)
    for x, y in spots[:40]:  # the nearest that takes it (cheap: a few checks)
        if sim.placement_problem(kind, x // TILE_PX, y // TILE_PX) is None:
            return x, y
    return None


def next_step(sim: Simulation, last: Step | None = None) -> Step | None:
    """Where Elara should go next, or None (nothing to guide, or the level is over);
    `last`: the step shown before (its target is kept while nearly as near)."""
    prefer = (last.x, last.y) if last is not None else None
    if not guided(sim) or sim.outcome != "playing":
        return None
    me = _me(sim)
    nodes = [(p.x // SUBPX, p.y // SUBPX) for _, (_r, p) in sim.query(Reactor, Position)]
    nodes_have, nodes_want = _goal(sim, "nodes")
    need_node = not nodes or nodes_have < nodes_want
    second = len(nodes) < SPARE_NODES and not sim.missing_for("node")  # paid for: faster
    shop_have, shop_want = _goal(sim, "workshops")
    for kind, needed in (("node", need_node or second), ("workshop", shop_have < shop_want)):
        if needed and not sim.missing_for(kind):
            spot = _free_plot(sim, kind, me)
            if spot is not None:
                return Step(f"plot_{kind}", *spot, t("guide", f"build_{kind}"))
    # the co-op's nodes and workshops first (their waste runs out as artisans haul it),
    # and no painting once the support goal is met
    paint = not need_node and shop_have >= shop_want and _support_short(sim)
    pigment = sim.state.stock.get("pigment", 0)
    cost = sim.balance.civic.paint_cost
    walls = [(p.x // SUBPX, p.y // SUBPX) for _, (m, p) in sim.query(Mural, Position)
             if m.stage < LAST_STAGE and m.health > 0
             and (m.paint_progress or cost[m.stage] <= pigment)] if paint else []
    wall = _nearest(me, walls)
    if wall is not None:
        return Step("mural", wall[0], wall[1] - 8, t("guide", "paint"))
    carry = sim.player()[0].carry
    keep = sim.rules.cost_of("node") if need_node else {}  # for the next node
    wanted = _want_kinds(sim, need_node)
    feed = {k for k, n in carry.items() if n > keep.get(k, 0) and k in wanted}
    full = sum(carry.values()) >= sim.rules.player_capacity
    node = _nearest(me, nodes, prefer)
    if node is not None and (full or (feed and not _piles(sim, wanted))):
        return Step("node", node[0], node[1], t("guide", "feed"))
    if full and node is None:  # nothing to empty the bag into, and short of a node
        spare = max((k for k in carry if k not in wanted), key=lambda k: (carry[k], k),
                    default=None)
        if spare is not None:
            return Step("drop", me[0], me[1] - 10, t("guide", "drop", kind=spare))
    pile = _nearest(me, _piles(sim, wanted), prefer)
    if pile is not None:
        kind = next(w.kind for _, (w, p) in sim.query(WastePile, Position)
                    if (p.x // SUBPX, p.y // SUBPX) == pile and w.kind in wanted)
        return Step("pile", *pile, t("guide", "fetch", kind=kind))
    if node is not None and feed:
        return Step("node", node[0], node[1], t("guide", "feed"))
    return None


def _support_short(sim: Simulation) -> bool:
    """The city's support is still below what the level asks for."""
    if sim.level.objective.kind == "coop":
        have, want = _goal(sim, "support")
        return have < want
    return True  # a support level: painting is the goal


def _want_kinds(sim: Simulation, need_node: bool) -> set[str]:
    """The waste kinds Elara should pick up next."""
    if need_node:
        missing = {k for k in sim.missing_for("node") if k in sim.rules.waste_kinds}
        if missing:
            return missing
    produces = sim.rules.produces  # waste kind -> resource
    shop_have, shop_want = _goal(sim, "workshops")
    if shop_have < shop_want:
        short = sim.missing_for("workshop")
        kinds = {k for k, res in produces.items() if res in short}
        if kinds:
            return kinds
    return {k for k, res in produces.items() if res == "pigment"}


def _piles(sim: Simulation, kinds: set[str]) -> list[tuple[int, int]]:
    return [(p.x // SUBPX, p.y // SUBPX) for _, (w, p) in sim.query(WastePile, Position)
            if w.kind in kinds and w.amount > 0 and not w.held]


def goal_tiles(sim: Simulation, step: Step) -> tuple[tuple[int, int], ...]:
    """Where to walk for a step: for a mural, the open tile within painting reach nearest
    to it (its wall is not walked into; one tile, so the aim does not hop between
    several); else the target's own tile."""
    if step.what != "mural":
        return ()
    x, y = step.x, step.y + 8  # the mural's position (the step rings its middle)
    tx, ty = x // TILE_PX, y // TILE_PX
    spots = [((gx * TILE_PX + 8 - x) ** 2 + (gy * TILE_PX + 8 - y) ** 2, gy, gx)
             for gy in range(ty - 2, ty + 3) for gx in range(tx - 2, tx + 3)
             if not sim.grid.is_blocked(gx, gy)]
    near = min(spots, default=None)
    return ((near[2], near[1]),) if near and near[0] <= PAINT_REACH_PX ** 2 else ()


class Guide:
    """Works out the step once per tick, draws it every frame."""

    def __init__(self, sim: Simulation, font: BitmapFont) -> None:
        self.sim = sim
        self.font = font
        self.active = guided(sim)
        self._tick = -1
        self.step: Step | None = None
        self.way = Way(sim)
        self.aim: tuple[int, int] | None = None  # where the arrow points (world pixels)
        self._shown: tuple[float, int, tuple[int, int]] | None = None  # angle, ms, target

    def update(self) -> None:
        if self.active and self.sim.tick != self._tick:
            self._tick = self.sim.tick
            self.step = step = next_step(self.sim, self.step)
            self.aim = self.point(step)

    def point(self, step: Step | None) -> tuple[int, int] | None:
        """Where the arrow for `step` aims (world pixels), or None (no arrow)."""
        if step is None or step.what == "drop":
            return None
        return self.way.aim((step.x, step.y), goal_tiles(self.sim, step))

    def angle(self) -> float | None:
        """The arrow's direction (radians, screen axes), or None when none is drawn."""
        step = self.step
        if step is None or step.what == "drop":
            return None
        mx, my = _me(self.sim)
        if math.hypot(step.x - mx, step.y - (my - 10)) < NEAR_PX:
            return None
        if self.aim is None or self.aim == (step.x, step.y):  # straight from her middle
            return math.atan2(step.y - (my - 10), step.x - mx)
        return math.atan2(self.aim[1] - my, self.aim[0] - mx)  # a tile on her way

    def _eased(self, ang: float, goal: tuple[int, int], time_ms: int) -> float:
        """The drawn direction turns toward `ang` over about TURN_MS (a corner on the way
        sweeps the arrow round instead of snapping it); a new target snaps it."""
        last = self._shown
        if last is not None and last[2] == goal:
            was, then = last[0], last[1]
            turn = (ang - was + math.pi) % math.tau - math.pi
            ang = was + turn * min(1.0, max(0, time_ms - then) / TURN_MS)
        self._shown = (ang, time_ms, goal)
        return ang

    def draw(self, target: pygame.Surface, offset: tuple[int, int], time_ms: int) -> None:
        step = self.step
        if step is None:
            return
        ox, oy = offset
        mx, my = _me(self.sim)
        ex, ey = mx - ox, my - 10 - oy  # Elara's middle on screen
        tx, ty = step.x - ox, step.y - oy
        pulse = (time_ms // 150) % 4
        if step.what == "drop":  # the step is at her feet: a word over her head
            self.font.draw(target, keys(step.label), (ex, ey - 24), COLOUR,
                           shadow=(0, 0, 0), align="center")
            return
        if target.get_clip().collidepoint(tx, ty):  # in view: ring the target
            pygame.draw.circle(target, COLOUR, (tx, ty), 10 + pulse, 1)
        ang = self.angle()
        if ang is None:
            self._shown = None
            return
        ang = self._eased(ang, (step.x, step.y), time_ms)
        ax, ay = ex + math.cos(ang) * RING, ey + math.sin(ang) * RING
        size = 6 + (pulse == 0)
        tip = (ax + math.cos(ang) * size, ay + math.sin(ang) * size)
        left = (ax + math.cos(ang + 2.4) * size, ay + math.sin(ang + 2.4) * size)
        right = (ax + math.cos(ang - 2.4) * size, ay + math.sin(ang - 2.4) * size)
        pygame.draw.polygon(target, COLOUR, [tip, left, right])
        pygame.draw.polygon(target, palette.UI_SHADOW, [tip, left, right], 1)
        view = target.get_clip()
        half = self.font.size(step.label)[0] // 2 + 2
        lx = min(max(ax + math.cos(ang) * 16, view.left + half), view.right - half)
        ly = ay + math.sin(ang) * 12 - self.font.line_height // 2
        self.font.draw(target, step.label, (int(lx), int(ly)), COLOUR, shadow=(0, 0, 0),
                       align="center")
