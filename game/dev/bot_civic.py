"""Autopilots for the civic levels: `support` (paint murals, Rally against smears) and
`coop` (nodes and workshops, then murals). They act only through commands."""

from __future__ import annotations

from game.dev.bot import Autopilot
from game.sim.civic import Civic, District
from game.sim.commands import Build, Command, Paint, Rally
from game.sim.components import Mural, Position, Structure
from game.sim.constants import TILE
from game.sim.support import layout_for
from game.sim.systems.painting import LAST_STAGE, PAINT_REACH_PX
from game.sim.systems.reach import within_reach
from game.sim.world import Simulation


class MuralPilot(Autopilot):
    """Feeds polymer to nodes for pigment, paints the weakest district's murals, and
    rallies as soon as a smear is announced."""

    def __init__(self, sim: Simulation, nodes_wanted: int = 2) -> None:
        super().__init__(sim, nodes_wanted)
        self.feed = ["polymer"]
        self.painting: int | None = None  # wall id being painted

    def decide(self) -> list[Command]:
        rally = self._rally()
        if rally:
            return rally
        paint = self._paint()
        if paint is not None:
            return paint
        return self._economy()

    def _economy(self) -> list[Command]:
        return super().decide()

    # -- Rally -------------------------------------------------------------------------
    def _rally(self) -> list[Command]:
        civic = self.sim.query(Civic)
        if not civic:
            return []
        c = civic[0][1]
        threatened = c.smear_target >= 0 or any(
            d.smear_left > 0 for _, d in self.sim.query(District))
        if c.rally_unlocked and self.sim.tick >= c.rally_ready and threatened:
            return [Rally()]
        return []

    # -- painting ----------------------------------------------------------------------
    def _paint(self) -> list[Command] | None:
        target = self._mural_to_paint()
        if target is None:
            self.painting = None
            return None
        mural, mpos = target
        self.painting = mural.wall_id
        _, pos = self._me()
        if within_reach(pos, mpos, PAINT_REACH_PX - 4):
            return [Paint()]
        mx, my = mpos.x // TILE, mpos.y // TILE
        goals = {(mx - 1, my + 1), (mx, my + 1)}
        goals = {g for g in goals if not self.sim.grid.is_blocked(*g)}
        return self._walk(pos, goals, ("mural", mural.wall_id))

    def _mural_to_paint(self) -> tuple[Mural, Position] | None:
        pigment = self.sim.state.stock.get("pigment", 0)
        murals = self.sim.query(Mural, Position)
        for _, (m, p) in murals:  # finish what was begun
            if m.paint_progress > 0:
                return m, p
        layout = layout_for(self.sim.grid, self.sim.level)
        support = {d.index: d.support for _, d in self.sim.query(District)}
        _, me = self._me()
        best = None
        for _, (m, p) in murals:
            cost = self.sim.balance.civic.paint_cost
            if m.stage >= self.max_stage(m) or cost[m.stage] > pigment:
                continue
            tx, ty = p.x // TILE, p.y // TILE
            district = int(layout.index[ty, tx]) if layout.index[ty, tx] >= 0 else 0
            dist = abs(p.x - me.x) + abs(p.y - me.y)
            key = (m.stage, support.get(district, 0), dist, m.wall_id)
            if best is None or key < best[0]:
                best = (key, m, p)
        return (best[1], best[2]) if best else None

    def max_stage(self, mural: Mural) -> int:
        return LAST_STAGE


class CoopPilot(MuralPilot):
    """Builds the co-op's nodes and workshops first (goals from the map), then paints."""

    def __init__(self, sim: Simulation, nodes_wanted: int = 2) -> None:
        props = sim.level.properties
        super().__init__(sim, max(nodes_wanted, int(props.get("goal_nodes") or 0)))
        self.feed = ["organic", "polymer"]
        self.workshops_wanted = int(props.get("goal_workshops") or 0)

    def _economy(self) -> list[Command]:
        built = [s.kind for _, s in self.sim.query(Structure)]
        if (built.count("node") >= min(2, self.nodes_wanted)
                and built.count("workshop") < self.workshops_wanted
                and not self.sim.missing_for("workshop")):
            spot = self._free_plot_for("workshop")
            if spot is not None:
                return [Build("workshop", *spot)]
        return super()._economy()

    def _free_plot_for(self, kind: str) -> tuple[int, int] | None:
        ys, xs = (self.sim.grid.buildable & ~self.sim.grid.occupied).nonzero()
        _, pos = self._me()
        me = self._tile(pos)
        for x, y in sorted(zip(xs.tolist(), ys.tolist(), strict=True),
                           key=lambda t: (abs(t[0] - me[0]) + abs(t[1] - me[1]), t[1], t[0])):
            if self.sim.placement_problem(kind, x, y) is None:
                return x, y
        return None
