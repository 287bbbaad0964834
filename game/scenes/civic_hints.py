"""Hints for the civic levels (support, co-op), in the place of level 1's tutorial: the
first hint of the level's kind whose condition is not yet met is shown. Text and order
live in text.toml ([[civic_hint]]); conditions read simulation state only. Before the
first node, while the bag cannot pay for one, the gathering hint stands in for it."""

from __future__ import annotations

from game.content.text import text
from game.scenes.gather_hint import GatherHint
from game.sim.civic import Civic, Trainer
from game.sim.components import Mural, Reactor
from game.sim.world import Simulation

CIVIC_KINDS = ("support", "coop")


class CivicHints:
    def __init__(self, kind: str, sim: Simulation) -> None:
        self.steps = [(s["until"], s["text"]) for s in text().get("civic_hint", [])
                      if kind in s.get("levels", CIVIC_KINDS)]
        self.seen: set[str] = set()
        # murals that stand painted from the start (level 5's, a carry-in's) teach
        # nothing: only the player's own brushwork counts as having painted
        self.start_stages = {eid: m.stage for eid, m in sim.query(Mural)}
        self.smear_coming = False  # a smear is announced and Rally is ready
        self.sim = sim  # read only: the opening hint follows Elara between events
        self.gather = GatherHint()  # before the first node, while the bag cannot pay

    def observe(self, sim: Simulation) -> None:
        if sim.query(Reactor):
            self.seen.add("node")
        if sim.state.stock.get("pigment", 0) or sim.state.produced_total.get("pigment", 0):
            self.seen.add("pigment")
        if any(m.stage > self.start_stages.get(eid, 0) or m.paint_progress
               for eid, m in sim.query(Mural)):
            self.seen.add("painting")
        civic = sim.query(Civic)
        if civic and civic[0][1].rally_ready:
            self.seen.add("rallied")
        if civic and not civic[0][1].rally_unlocked:
            self.seen.discard("dax")
        elif civic:
            self.seen.add("dax")
        self.smear_coming = bool(civic) and civic[0][1].rally_unlocked and \
            civic[0][1].next_smear > 0 and sim.state.tick >= civic[0][1].rally_ready
        if sim.query(Trainer):
            self.seen.add("workshop")

    def hint(self) -> str:
        if self.smear_coming and "rallied" not in self.seen:  # the moment Rally is for
            rally = next((line for until, line in self.steps if until == "rallied"), "")
            if rally:
                return rally
        for until, line in self.steps:
            if until == "rallied" and "dax" not in self.seen:
                continue  # Rally makes sense only once Dax is here
            if until not in self.seen:
                if until == "node":  # 'build a node' is news only once the bag pays
                    return self.gather.line(self.sim) or line
                return line
        return ""


def hints_for(sim: Simulation):
    """The hints for this level: civic ones for support/co-op levels, else level 1's."""
    from game.scenes.tutorial import Tutorial

    kind = sim.level.objective.kind
    if kind == "deliver":  # level 2: depots and the clock
        from game.scenes.deliver_hints import DeliveryHints

        return DeliveryHints()
    return CivicHints(kind, sim) if kind in CIVIC_KINDS else Tutorial()
