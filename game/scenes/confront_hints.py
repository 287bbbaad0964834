"""The hints of the wave levels (level 4), in the order of text.toml's
[[confront_hint]]: the first whose condition is not met yet is shown. Conditions read
simulation state only.

The opening one is true to what a first-timer sees: the bag starts empty, so while it
cannot pay for a node the hint says what a node takes and which way the nearest pile of
a missing kind lies on screen (or, with the bag full of other waste, what to drop); only
then does it say to build."""

from __future__ import annotations

import math

from game.content.text import keys, text
from game.sim.components import Position, Reactor, WastePile
from game.sim.constants import SUBPX, TILE_PX
from game.sim.swarm.components import Emitter
from game.sim.world import Simulation

STICKY_TILES = 3  # the named pile stays unless another is this much nearer
# screen directions by eighths of a turn, from the right, clockwise (y grows downward)
WHERE = ("right", "down_right", "down", "down_left", "left", "up_left", "up", "up_right")


def cost_words(cost: dict[str, int]) -> str:
    """{'alloy': 2, 'polymer': 1} → '2 alloy and 1 polymer'."""
    parts = [f"{n} {kind}" for kind, n in sorted(cost.items())]
    return " and ".join([", ".join(parts[:-1]), parts[-1]]) if len(parts) > 1 else \
        "".join(parts)


def where(dx: float, dy: float) -> str:
    """Which way (dx, dy) points on screen, in words from text.toml's [where]."""
    eighth = round(math.atan2(dy, dx) / (math.pi / 4)) % 8
    return text()["where"][WHERE[eighth]]


class ConfrontHints:
    def __init__(self) -> None:
        self.seen: set[str] = set()  # conditions met so far (they stay met)
        self._pile: tuple[int, int] | None = None  # the pile the opening hint names

    def hint(self, sim: Simulation, chosen: str) -> str:
        """The hint to show now; `chosen`: the waste kind the drop key drops."""
        seen = self.seen
        if sim.query(Reactor):
            seen.add("node")
        if sim.state.produced_total.get("spark", 0):
            seen.add("spark")
        emitters = sim.query(Emitter)
        if emitters:
            seen.add("emitter")
        if any(em.level for _, em in emitters):
            seen.add("upgrade")
        if sim.conf.wave:
            seen.add("wave")
        for kind in ("aegis", "override"):
            if sim.conf.cooldowns[kind]:
                seen.add(kind)
        for step in text().get("confront_hint", []):
            if step["until"] == "node_paid":
                line = self._gather(sim, step, chosen)
                if line:
                    return line
            elif step["until"] not in seen:
                return keys(step["text"])
        return ""

    def _gather(self, sim: Simulation, step: dict, chosen: str) -> str:
        """The opening hint while no node stands and the bag cannot pay for one; ''
        once it can (or a node stands)."""
        missing = sim.missing_for("node")
        if "node" in self.seen or not missing:
            self._pile = None
            return ""
        cost = cost_words(sim.rules.cost_of("node"))
        player, pos = sim.player()
        if sum(player.carry.values()) >= sim.rules.player_capacity:
            need = sim.rules.cost_of("node")  # what the bag holds beyond it can go
            spares = sorted(k for k, n in player.carry.items() if n > need.get(k, 0))
            spare = chosen if chosen in spares else (spares or [chosen])[0]
            return keys(step["full"]).format(cost=cost, missing=cost_words(missing),
                                             spare=spare)
        me = (pos.x // SUBPX, pos.y // SUBPX)
        piles = {(p.x // SUBPX, p.y // SUBPX): w.kind for _, (w, p)
                 in sim.query(WastePile, Position)
                 if w.kind in missing and w.amount > 0 and not w.held}
        if not piles:
            self._pile = None
            return keys(step["text"]).format(cost=cost)

        def far(spot: tuple[int, int]) -> float:
            return math.hypot(spot[0] - me[0], spot[1] - me[1])

        best = min(piles, key=lambda s: (far(s), s))
        if self._pile in piles and far(self._pile) <= far(best) + STICKY_TILES * TILE_PX:
            best = self._pile
        self._pile = best
        return keys(step["near"]).format(cost=cost, kind=piles[best],
                                         where=where(best[0] - me[0], best[1] - me[1]))
