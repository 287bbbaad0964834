"""Campaign carry-in: what a won level hands to the next one.

A level's end state is summed up in a small, plain dict (JSON-safe, integers only) that
the profile stores under the next level's id. It is presentation-side data until a
level's setup reads it: `Simulation(level, seed, carry=...)` applies it before the first
tick, and a replay records it in its header so `verify` rebuilds the exact same start.
See docs/ARCHITECTURE.md, "Campaign carry-in".
"""

from __future__ import annotations

from game.sim.components import Mural
from game.sim.world import Simulation

KEYS = ("stock", "murals", "volunteers")


def carry_out(sim: Simulation) -> dict:
    """The carry-in a won level gives the next: leftover stockpile, how many murals were
    painted (by stage), and volunteers earned (artisans, when the level had them)."""
    if sim.outcome != "won":
        return {}
    murals = [m.stage for _, m in sim.query(Mural) if m.stage > 0]
    try:
        from game.sim.civic import Artisan  # levels 3 and 5

        volunteers = len(sim.query(Artisan))
    except ImportError:
        volunteers = 0
    stock = {k: int(v) for k, v in sorted(sim.state.stock.items()) if v > 0}
    return {"stock": stock, "murals": sorted(murals, reverse=True), "volunteers": volunteers}


def clean(carry: object) -> dict:
    """A carry-in from a file, reduced to known keys and sane integers ({} if broken)."""
    if not isinstance(carry, dict):
        return {}
    out: dict = {}
    stock = carry.get("stock", {})
    if isinstance(stock, dict):
        out["stock"] = {str(k): v for k, v in sorted(stock.items())
                        if type(v) is int and 0 <= v <= 10_000}
    murals = carry.get("murals", [])
    if isinstance(murals, list):
        out["murals"] = [m for m in murals if type(m) is int and 0 <= m <= 3][:64]
    vol = carry.get("volunteers", 0)
    out["volunteers"] = vol if type(vol) is int and 0 <= vol <= 100 else 0
    return out
