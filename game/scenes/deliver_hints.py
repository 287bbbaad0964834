"""Hints for delivery levels (level 2): the first whose condition is not yet met is
shown. Text and order live in text.toml ([[deliver_hint]]); conditions read simulation
state only, so hints never change the simulation. How to hand goods to a depot is shown
only while the stores hold something a depot takes: before the first yield there is
nothing to hand over."""

from __future__ import annotations

from game.campaign.cues import depot_goods
from game.content.text import text
from game.sim.components import Depot, Reactor
from game.sim.world import Simulation


class DeliveryHints:
    def __init__(self) -> None:
        self.steps = [(s["until"], s["text"]) for s in text().get("deliver_hint", [])]
        self.seen: set[str] = set()
        self.goods = False  # the stores hold something a depot still wants

    def observe(self, sim: Simulation) -> None:
        nodes = sim.query(Reactor)
        if len(nodes) >= 2:
            self.seen.add("nodes")
        if any(r.queue or r.produced for _, r in nodes):
            self.seen.add("fed")
        if any(d.delivered for _, d in sim.query(Depot)):
            self.seen.add("delivered")
        self.goods = depot_goods(sim)

    def hint(self) -> str:
        return next((line for until, line in self.steps if until not in self.seen and
                     (until != "delivered" or self.goods)), "")
