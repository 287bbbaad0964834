"""Autopilot: plays a "produce" level by simple rules and records its commands.

Used by tests (a level is winnable), by tools that make screenshots and replays, and by
benchmarks. It only ever acts through commands, exactly like a player.
"""

from __future__ import annotations

from collections.abc import Callable

from game.sim.commands import Build, Command, Drop, Interact, Move
from game.sim.components import Player, Position, Reactor, Structure, WastePile
from game.sim.constants import TILE
from game.sim.pathing import Field
from game.sim.state import PLAYING
from game.sim.world import Simulation

STUCK_TICKS = 40


def bfs_path(sim: Simulation, start: tuple[int, int], goals: set[tuple[int, int]],
             avoid: frozenset[tuple[int, int]] | set[tuple[int, int]] = frozenset()):
    """Shortest 4-connected tile path (start included) from start to any walkable goal
    tile that never steps on a tile in `avoid`, or None. The game's one search."""
    if start in goals:
        return [start]
    walk = ~sim.grid.blocked
    for x, y in avoid:
        if sim.grid.in_bounds(x, y):
            walk[y, x] = False
    sources = [(x, y, 0) for x, y in sorted(goals)
               if sim.grid.in_bounds(x, y) and walk[y, x]]
    found = Field(walk, sources).path_from(*start) if sources else None
    return [start, *found[1]] if found else None


class Autopilot:
    def __init__(self, sim: Simulation, nodes_wanted: int = 2) -> None:
        self.sim = sim
        self.nodes_wanted = nodes_wanted
        self.path: list[tuple[int, int]] = []
        self.goal: tuple[str, object] | None = None
        self.last_pos: tuple[int, int] | None = None
        self.still = 0
        objective = sim.level.objective
        self.feed = [k for k, r in sim.rules.produces.items() if r == objective.target]

    # -- perception ------------------------------------------------------------------
    def _me(self) -> tuple[Player, Position]:
        return self.sim.player()

    def _tile(self, pos: Position) -> tuple[int, int]:
        return pos.x // TILE, pos.y // TILE

    def _nodes(self):
        return self.sim.query(Structure, Reactor, Position)

    # -- decisions -------------------------------------------------------------------
    def unjam(self) -> list[Command]:
        """A full bag with no node to empty it into and short of what a node costs: put
        down one unit of a kind the node does not need (the way out a player has)."""
        player, _ = self._me()
        if sum(player.carry.values()) < self.sim.rules.player_capacity or self._nodes():
            return []
        missing = self.sim.missing_for("node")
        spare = sorted((k for k in player.carry if k not in missing),
                       key=lambda k: (-player.carry[k], k))
        return [Drop(spare[0])] if missing and spare else []

    def decide(self) -> list[Command]:
        sim = self.sim
        unjam = self.unjam()
        if unjam:
            return unjam
        player, pos = self._me()
        carried = sum(player.carry.values())
        nodes = self._nodes()
        first = self._nodes_first(pos, carried, nodes)
        if first is not None:
            return first
        feed_carried = sum(player.carry.get(k, 0) for k in self.feed)
        piles_left = any(p.amount > 0 and p.kind in self.feed
                         for _, (p, _) in sim.query(WastePile, Position))
        if nodes and player.carry and (carried >= sim.rules.player_capacity or
                                       (feed_carried and not piles_left)):
            return self._deliver(pos, nodes)
        if piles_left and carried < sim.rules.player_capacity:
            return self._go_to_piles(set(self.feed), pos)
        if nodes and player.carry:
            return self._deliver(pos, nodes)
        return []

    def _nodes_first(self, pos: Position, carried: int, nodes: list,
                     fetch_if: Callable[[set[str]], object] = bool) -> list[Command] | None:
        """While nodes are wanted: build one where the bag holds its cost, else fetch
        what it misses (when `fetch_if(those kinds)` holds). None: nothing to do for
        nodes now."""
        sim = self.sim
        if len(nodes) < self.nodes_wanted and not sim.missing_for("node"):
            spot = self._free_plot(pos)
            if spot is not None:
                self.path = []
                return [Build("node", *spot)]
        if len(nodes) < self.nodes_wanted:
            missing = set(sim.missing_for("node"))
            if missing and carried < sim.rules.player_capacity and fetch_if(missing):
                return self._go_to_piles(missing, pos)
        return None

    def _free_plot(self, pos: Position) -> tuple[int, int] | None:
        ys, xs = (self.sim.grid.buildable & ~self.sim.grid.occupied).nonzero()
        me = self._tile(pos)
        best = None
        for x, y in sorted(zip(xs.tolist(), ys.tolist(), strict=True),
                           key=lambda t: (abs(t[0] - me[0]) + abs(t[1] - me[1]), t[1], t[0])):
            if self.sim.placement_problem("node", x, y) is None:
                best = (x, y)
                break
        return best

    def _go_to_piles(self, kinds: set[str], pos: Position) -> list[Command]:
        goals = {self._tile(p) for _, (pile, p) in self.sim.query(WastePile, Position)
                 if pile.amount > 0 and pile.kind in kinds}
        return self._walk(pos, goals, ("piles", frozenset(kinds)))

    def _deliver(self, pos: Position, nodes) -> list[Command]:
        for _, (_, _, npos) in nodes:
            dx, dy = pos.x - npos.x, pos.y - npos.y
            reach = self.sim.rules.player_reach_px * 16
            if dx * dx + dy * dy <= reach * reach:
                return [Interact()]
        goals = set()
        for _, (structure, reactor, _) in nodes:
            if len(reactor.queue) >= self.sim.rules.structures[structure.kind].queue_capacity:
                continue
            x, y = structure.tx, structure.ty
            goals |= {(x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)}
        return self._walk(pos, goals, ("deliver", None))

    # -- walking ---------------------------------------------------------------------
    def _walk(self, pos: Position, goals: set, goal_key) -> list[Command]:
        here = (pos.x, pos.y)
        self.still = self.still + 1 if here == self.last_pos else 0
        self.last_pos = here
        if goal_key != self.goal or not self.path or self.still > STUCK_TICKS:
            self.goal = goal_key
            self.still = 0
            self.path = bfs_path(self.sim, self._tile(pos), goals) or []
        return step_along(self.path, pos, self.sim.rules.player_speed)


def step_along(path: list[tuple[int, int]], pos: Position, speed: int) -> list[Command]:
    """The Move toward the centre of the next tile of `path`, dropping tiles reached."""
    while path:
        tx, ty = path[0]
        cx, cy = tx * TILE + TILE // 2, ty * TILE + TILE // 2
        dx = 0 if abs(cx - pos.x) < speed else (1 if cx > pos.x else -1)
        dy = 0 if abs(cy - pos.y) < speed else (1 if cy > pos.y else -1)
        if dx or dy:
            return [Move(dx, dy)]
        path.pop(0)
    return []


def play_to_win(sim: Simulation, max_ticks: int = 60 * 60 * 10,
                nodes_wanted: int = 2) -> list[list[Command]]:
    """Run the autopilot until the level is decided; returns the per-tick commands."""
    pilot = pilot_for(sim, nodes_wanted)
    log: list[list[Command]] = []
    while sim.outcome == PLAYING and sim.tick < max_ticks:
        commands = pilot.decide()
        sim.step(commands)
        log.append(commands)
    return log


def pilot_for(sim: Simulation, nodes_wanted: int = 2) -> Autopilot:
    """The autopilot that knows the level's objective kind (the base one: `produce`)."""
    if sim.level.objective.kind in ("support", "coop"):
        from game.dev.bot_civic import CoopPilot, MuralPilot

        return (MuralPilot if sim.level.objective.kind == "support" else CoopPilot)(sim)
    if sim.level.objective.kind == "survive":
        from game.dev.bot_confront import ConfrontPilot

        return ConfrontPilot(sim, nodes_wanted)
    if sim.level.objective.kind == "deliver":
        from game.dev.bot_deliver import DeliveryPilot

        return DeliveryPilot(sim, max(3, nodes_wanted))
    return Autopilot(sim, nodes_wanted)
