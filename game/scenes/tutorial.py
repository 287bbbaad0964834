"""Level 1's contextual hints: the first hint whose condition is not yet met is shown.

Conditions read simulation state only; hints never change the simulation.
"""

from __future__ import annotations

from game.content.text import text
from game.sim.components import Player, Reactor
from game.sim.world import Simulation


class Tutorial:
    def __init__(self) -> None:
        self.steps = [(s["until"], s["text"]) for s in text().get("tutorial", [])]
        self.seen: set[str] = set()

    def observe(self, sim: Simulation) -> None:
        player = sim.query(Player)[0][1]
        if player.carry:
            self.seen.add("carrying")
        reactors = sim.query(Reactor)
        if reactors:
            self.seen.add("built")
        if len(reactors) >= 2:  # the last hint asks for a second node: done, so quiet
            self.seen.add("two_nodes")
        if any(r.queue or r.produced for _, r in reactors):
            self.seen.add("deposited")
        if any(sim.state.produced_total.values()):
            self.seen.add("produced")

    def hint(self) -> str:
        for until, line in self.steps:
            if until not in self.seen:
                return line
        return ""
