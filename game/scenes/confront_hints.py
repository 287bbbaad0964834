"""The hints of the wave levels (level 4), in the order of text.toml's
[[confront_hint]]: the first whose condition is not met yet is shown. Conditions read
simulation state only.

The opening one is true to what a first-timer sees: the bag starts empty, so while it
cannot pay for a node the hint says what a node takes and which way the nearest pile of
a missing kind lies on screen (or, with the bag full of other waste, what to drop); only
then does it say to build."""

from __future__ import annotations

from game.content.text import keys, text
from game.scenes.gather_hint import GatherHint, cost_words, where
from game.sim.components import Reactor
from game.sim.swarm.components import Emitter
from game.sim.world import Simulation

__all__ = ["ConfrontHints", "cost_words", "where"]


class ConfrontHints:
    def __init__(self) -> None:
        self.seen: set[str] = set()  # conditions met so far (they stay met)
        self.gather = GatherHint()  # the opening hint, while the bag cannot pay

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
                line = "" if "node" in seen else self.gather.line(sim, chosen)
                if line:
                    return line
            elif step["until"] not in seen:
                return keys(step["text"])
        return ""
