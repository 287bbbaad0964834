"""An autopilot that only follows the guide's arrow (game/render/guide.py), the way a
first-timer on levels 3 and 5 would: it pauses a moment at every new step (reading the
arrow), walks the way the arrow points (in eight directions, as on a keyboard; round
walls only because the arrow leads round them), and does what the label says (build,
paint the ringed mural, put waste in, pick up). It rallies when the HUD says a smear is
coming and Rally is ready. Used to check that the guide alone wins those levels in
reasonable time."""

from __future__ import annotations

import math

from game.dev.bot import Autopilot
from game.render.guide import Step, goal_tiles, next_step
from game.render.guide_way import Way
from game.sim.civic import Civic
from game.sim.commands import Build, Command, Drop, Interact, Move, Paint, Rally
from game.sim.components import Mural, Position
from game.sim.constants import SUBPX, TILE_PX
from game.sim.systems.painting import mural_in_reach
from game.sim.world import Simulation

READ_TICKS = 45  # a first-timer's pause at each new arrow (0.75 s)


class GuideFollower(Autopilot):
    """`steer`: walk only the way the arrow points (its aim, in eight directions, as a
    keyboard does), straight to the ringed target once there is no arrow; otherwise walk
    the shortest path to the target the arrow names."""

    def __init__(self, sim: Simulation, read_ticks: int = READ_TICKS,
                 steer: bool = True) -> None:
        super().__init__(sim)
        self.read_ticks = read_ticks
        self.steer = steer
        self.way = Way(sim)
        self.step: Step | None = None
        self.reading = 0
        self.steps = 0  # how many different arrows it followed

    def decide(self) -> list[Command]:
        civic = self.sim.query(Civic)
        if civic:
            c = civic[0][1]
            if c.rally_unlocked and c.smear_target >= 0 and self.sim.tick >= c.rally_ready:
                return [Rally()]
        step = next_step(self.sim, self.step)
        if step != self.step:
            if step is None or self.step is None or step.what != self.step.what:
                self.reading = self.read_ticks
                self.steps += 1
            self.step = step
        if step is None:
            return []
        if self.reading:
            self.reading -= 1
            return []
        return self._act(step)

    def _act(self, step: Step) -> list[Command]:
        _, pos = self._me()
        tx, ty = step.x // TILE_PX, step.y // TILE_PX
        if step.what == "drop":
            return [Drop(step.label.rsplit(" ", 1)[-1])]
        if step.what.startswith("plot_"):
            return [Build(step.what[5:], tx, ty)]
        if step.what == "mural":
            hit = mural_in_reach(pos)
            if hit is not None and any(m is hit[1] and (p.x // SUBPX, p.y // SUBPX - 8)
                                       == (step.x, step.y)
                                       for _, (m, p) in self.sim.query(Mural, Position)):
                return [Paint()]  # the mural the arrow rings, not another one passed by
            foot = (step.y + 8) // TILE_PX
            goals = {(tx - 1, foot + 1), (tx, foot + 1), (tx - 1, foot), (tx, foot)}
            goals = {g for g in goals if not self.sim.grid.is_blocked(*g)}
            return self._walk(pos, goals, ("mural", (tx, ty)))
        if step.what == "node":
            dx, dy = pos.x - step.x * SUBPX, pos.y - step.y * SUBPX
            reach = self.sim.rules.player_reach_px * SUBPX
            if dx * dx + dy * dy <= reach * reach:
                carry = self._me()[0].carry
                keep = self.sim.rules.cost_of("node")
                kinds = sorted(k for k, n in carry.items() if n > keep.get(k, 0)) or \
                    sorted(carry)
                return [Interact(kinds[0])] if kinds else []
            goals = {(tx + 1, ty), (tx - 1, ty), (tx, ty + 1), (tx, ty - 1)}
            return self._walk(pos, goals, ("node", (tx, ty)))
        return self._walk(pos, {(tx, ty)}, ("pile", (tx, ty)))

    def _walk(self, pos, goals, goal_key) -> list[Command]:
        if not self.steer or self.step is None:
            return super()._walk(pos, goals, goal_key)
        step = self.step
        return [steer_to(pos, self.way.aim((step.x, step.y), goal_tiles(self.sim, step)))]


def steer_to(pos, aim: tuple[int, int]) -> Move:
    """The eight-way Move nearest to the direction from Elara to `aim` (world pixels)."""
    ang = math.atan2(aim[1] * SUBPX - pos.y, aim[0] * SUBPX - pos.x)
    cos, sin = math.cos(ang), math.sin(ang)
    dx = (cos > 0.38) - (cos < -0.38)  # sin(22.5°): the nearest of eight directions
    dy = (sin > 0.38) - (sin < -0.38)
    return Move(dx, dy)
