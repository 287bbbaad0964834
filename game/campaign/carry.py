"""Campaign carry-in: what a won level hands to the next one.

A level's end state is summed up in a small, plain dict (JSON-safe, integers only) that
the profile stores under the next level's id. It is presentation-side data until a
level's setup reads it: `Simulation(level, seed, carry=...)` applies it before the first
tick, and a replay records it in its header so `verify` rebuilds the exact same start.
See docs/ARCHITECTURE.md, "Campaign carry-in".
"""

from __future__ import annotations

from game.sim.carry import clean_carry
from game.sim.components import Mural
from game.sim.world import Simulation

# What carries: `murals` (stages painted, high first) and `volunteers` become starting
# support, Dax and artisans on civic levels (civic_setup.CarryIn.from_campaign);
# `stock` is recorded for levels that want it (none reads it yet).


def carry_out(sim: Simulation) -> dict:
    """The carry-in a won level gives the next: leftover stockpile, how many murals were
    painted (by stage), and volunteers earned (artisans, when the level had them)."""
    if sim.outcome != "won":
        return {}
    # murals of every earlier level stay on the city's walls (and in its memory)
    murals = list(sim.carry.get("murals", [])) + [m.stage for _, m in sim.query(Mural)
                                                  if m.stage > 0]
    try:
        from game.sim.civic import Artisan  # levels 3 and 5

        volunteers = len(sim.query(Artisan))
    except ImportError:
        volunteers = 0
    stock = {k: int(v) for k, v in sorted(sim.state.stock.items()) if v > 0}
    return clean_carry({"stock": stock, "murals": sorted(murals, reverse=True),
                        "volunteers": volunteers})

