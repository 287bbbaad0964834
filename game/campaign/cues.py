"""Conditions a story scene can wait for or depend on, by name (a dialogue table's `cue`
and `needs`): each reads the simulation and never changes it.

A scene with a `cue` plays when its condition first holds, wherever Elara is, so a
lesson comes when the player needs it rather than when she happens to cross a trigger
area; a scene with `needs` plays only while its condition holds (else its `otherwise`
scene, or nothing), so nobody explains what the player has already done.
"""

from __future__ import annotations

from collections.abc import Callable

from game.sim.components import Depot, Mural
from game.sim.world import Simulation


def depot_goods(sim: Simulation) -> bool:
    """The Guild's stores hold something a depot still wants (the first yield is in)."""
    stock = sim.state.stock
    return any(stock.get(d.accepts, 0) > 0 and d.delivered < d.demand
               for _, d in sim.query(Depot))


def nothing_delivered(sim: Simulation) -> bool:
    return not any(d.delivered for _, d in sim.query(Depot))


def sketched(sim: Simulation) -> bool:
    """At least one mural has its first stage painted."""
    return any(m.stage > 0 for _, m in sim.query(Mural))


CONDITIONS: dict[str, Callable[[Simulation], bool]] = {
    "depot_goods": depot_goods,
    "nothing_delivered": nothing_delivered,
    "sketched": sketched,
}


def holds(name: str, sim: Simulation) -> bool:
    """Does the named condition hold now? An empty name always holds."""
    check = CONDITIONS.get(name)
    return check is None or check(sim)
