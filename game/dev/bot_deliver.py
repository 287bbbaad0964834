"""Autopilot for `deliver` levels (level 2, Shortages): build a few nodes, feed them
what the depots still want, carry the stockpile to the depots before the clock runs
out. Like the base autopilot it only ever acts through commands."""

from __future__ import annotations

from game.dev.bot import STUCK_TICKS, Autopilot, bfs_path, step_along
from game.sim.commands import Command, Interact
from game.sim.components import Depot, Position, Reactor, Structure, WastePile
from game.sim.constants import TILE
from game.sim.systems.depots import DEPOT_REACH_BONUS_PX
from game.sim.systems.pickup import within_pickup

DELIVER_BATCH = 4  # go to a depot once this much (or all it still wants) is in stock


class DeliveryPilot(Autopilot):
    def __init__(self, sim, nodes_wanted: int = 3) -> None:
        super().__init__(sim, nodes_wanted)
        self.makes = {r: k for k, r in sim.rules.produces.items()}  # resource -> waste kind
        self.avoid: set[tuple[int, int]] = set()

    # -- what the depots still want ------------------------------------------------------
    def _depots(self):
        return [(eid, d, p) for eid, (d, p) in self.sim.query(Depot, Position)
                if d.delivered < d.demand]

    def _wanted(self) -> dict[str, int]:
        """Resources still owed to the depots, minus what is in stock or on its way."""
        owed: dict[str, int] = {}
        for _, d, _ in self._depots():
            owed[d.accepts] = owed.get(d.accepts, 0) + d.demand - d.delivered
        player = self._me()[0]
        queued: dict[str, int] = {}
        for _, (_, reactor) in self.sim.query(Structure, Reactor):
            for kind in reactor.queue:
                queued[kind] = queued.get(kind, 0) + 1
        out = {}
        for res, n in owed.items():
            kind = self.makes[res]
            n -= self.sim.state.stock.get(res, 0) + queued.get(kind, 0) + \
                player.carry.get(kind, 0)
            if n > 0:
                out[kind] = n
        return out

    def _deliverable(self):
        """Depots the stockpile can serve now, best batch first."""
        out = []
        for eid, d, p in self._depots():
            have = self.sim.state.stock.get(d.accepts, 0)
            if have >= min(DELIVER_BATCH, d.demand - d.delivered):
                out.append((eid, d, p))
        return out

    # -- decisions -----------------------------------------------------------------------
    def decide(self) -> list[Command]:
        sim = self.sim
        unjam = self.unjam()
        if unjam:
            return unjam
        player, pos = self._me()
        carried = sum(player.carry.values())
        cap = sim.rules.player_capacity
        nodes = self._nodes()
        first = self._nodes_first(pos, carried, nodes, self._piles_of)  # piles must be left
        if first is not None:
            return first
        wanted = self._wanted()
        feed = set(wanted) & self._piles_of(set(wanted))
        feed_carried = sum(player.carry.get(k, 0) for k in self.makes.values())
        ready = self._deliverable()
        if ready and (not feed_carried or carried >= cap or not feed):
            return self._to_depot(pos, ready)
        if feed and carried < cap:
            return self._go_to_piles(feed, pos)
        if nodes and feed_carried:
            return self._deliver(pos, nodes)
        if ready:
            return self._to_depot(pos, ready)
        if any(d.accepts and sim.state.stock.get(d.accepts, 0) for _, d, _ in self._depots()):
            return self._to_depot(pos, [t for t in self._depots()
                                        if sim.state.stock.get(t[1].accepts, 0)])
        return []

    def _piles_of(self, kinds: set[str]) -> set[str]:
        return {p.kind for _, (p, _) in self.sim.query(WastePile, Position)
                if p.amount > 0 and p.kind in kinds}

    def _to_depot(self, pos: Position, depots) -> list[Command]:
        reach = (self.sim.rules.player_reach_px + DEPOT_REACH_BONUS_PX) * 16
        for _, _, dpos in depots:
            dx, dy = pos.x - dpos.x, pos.y - dpos.y
            if dx * dx + dy * dy <= reach * reach:
                return [Interact()]
        goals = set()
        for _, _, dpos in depots:
            x, y = dpos.x // TILE, dpos.y // TILE
            goals |= {(x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)}
        return self._walk(pos, goals, ("depot", frozenset(goals)))

    # -- walking around piles it does not want -------------------------------------------
    def _go_to_piles(self, kinds: set[str], pos: Position) -> list[Command]:
        self.avoid = self._pickup_tiles(lambda pile: pile.kind not in kinds)
        return super()._go_to_piles(kinds, pos)

    def _walk(self, pos: Position, goals: set, goal_key) -> list[Command]:
        if goal_key[0] != "piles":
            self.avoid = self._pickup_tiles(lambda pile: True)
        here = (pos.x, pos.y)
        self.still = self.still + 1 if here == self.last_pos else 0
        self.last_pos = here
        if goal_key != self.goal or not self.path or self.still > STUCK_TICKS:
            self.goal, self.still = goal_key, 0
            start = self._tile(pos)
            self.path = bfs_path(self.sim, start, goals, self.avoid - goals - {start}) \
                or bfs_path(self.sim, start, goals) or []
        return step_along(self.path, pos, self.sim.rules.player_speed)

    def _pickup_tiles(self, unwanted) -> set[tuple[int, int]]:
        """Tiles from whose middle a walk would pick up an unwanted pile: its own, and
        the one below it (her body covers it from there)."""
        out = set()
        for _, (pile, p) in self.sim.query(WastePile, Position):
            if pile.amount <= 0 or not unwanted(pile):
                continue
            tx, ty = p.x // TILE, p.y // TILE
            for dx, dy in ((0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)):
                x, y = tx + dx, ty + dy
                if within_pickup(Position(x * TILE + TILE // 2, y * TILE + TILE // 2), p):
                    out.add((x, y))
        return out
