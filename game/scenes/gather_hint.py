"""The opening hint of a level whose first step is a node while the bag cannot pay for
one (levels 3, 4 and 5 start with an empty bag): it says what a node takes and which
way the nearest pile of a missing kind lies on screen, or, with the bag full of other
waste, what to drop. Text in text.toml's [node_gather] and [where]; state is read only."""

from __future__ import annotations

import math

from game.content.text import keys, text
from game.sim.components import Position, WastePile
from game.sim.constants import SUBPX, TILE_PX
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


class GatherHint:
    def __init__(self) -> None:
        self._pile: tuple[int, int] | None = None  # the pile the hint names

    def line(self, sim: Simulation, chosen: str | None = None) -> str:
        """The hint while the bag cannot pay for a node; '' once it can. `chosen`: the
        kind the drop key drops (None: the first spare kind is named)."""
        missing = sim.missing_for("node")
        if not missing:
            self._pile = None
            return ""
        words = text()["node_gather"]
        cost = cost_words(sim.rules.cost_of("node"))
        player, pos = sim.player()
        if sum(player.carry.values()) >= sim.rules.player_capacity:
            need = sim.rules.cost_of("node")  # what the bag holds beyond it can go
            spares = sorted(k for k, n in player.carry.items() if n > need.get(k, 0))
            spare = chosen if chosen in spares else (spares or [chosen or ""])[0]
            return keys(words["full"]).format(cost=cost, missing=cost_words(missing),
                                              spare=spare)
        me = (pos.x // SUBPX, pos.y // SUBPX)
        piles = {(p.x // SUBPX, p.y // SUBPX): w.kind for _, (w, p)
                 in sim.query(WastePile, Position)
                 if w.kind in missing and w.amount > 0 and not w.held}
        if not piles:
            self._pile = None
            return keys(words["text"]).format(cost=cost)

        def far(spot: tuple[int, int]) -> float:
            return math.hypot(spot[0] - me[0], spot[1] - me[1])

        best = min(piles, key=lambda s: (far(s), s))
        if self._pile in piles and far(self._pile) <= far(best) + STICKY_TILES * TILE_PX:
            best = self._pile
        self._pile = best
        return keys(words["near"]).format(cost=cost, kind=piles[best],
                                          where=where(best[0] - me[0], best[1] - me[1]))
