"""Particles and floating labels for murals, Rally and artisans (called by Effects)."""

from __future__ import annotations

from game.render import palette
from game.sim import events as ev
from game.sim.civic import Artisan
from game.sim.components import MURAL_STAGES, Mural, Position
from game.sim.constants import SUBPX

PAINT = (palette.PALETTE["bloom_2"], palette.PALETTE["teal_3"], palette.PALETTE["amber_2"])


def civic_effect(fx, e: ev.Event, sim) -> None:
    """`fx` is the scene's Effects (burst, label)."""
    if e.kind == ev.PAINT_STARTED:
        at = _pos(sim, Mural, e.data.get("entity"))
        if at:
            fx.label(at[0], at[1] - 30, f"-{e.data['cost']} pigment",
                     palette.RES_COLORS["pigment"])
    elif e.kind == ev.MURAL_PAINTED:
        at = _pos(sim, Mural, e.data.get("entity"))
        if at:
            for colour in PAINT[: e.data["stage"]]:
                fx.burst(at[0], at[1] - 6, colour, 12, speed=1.6, life_ms=750)
            fx.label(at[0], at[1] - 34, f"{MURAL_STAGES[e.data['stage']]}!", PAINT[0])
    elif e.kind == ev.RALLIED:
        me = sim.player()[1]
        x, y = me.x / SUBPX, me.y / SUBPX
        fx.burst(x, y - 12, palette.PALETTE["bloom_3"], 20, speed=1.8)
        fx.label(x, y - 34, f"Rally! +{e.data['boost'] // 1000}% {e.data['name']}",
                 palette.PALETTE["bloom_3"])
    elif e.kind in (ev.ARTISAN_COLLECTED, ev.ARTISAN_DELIVERED, ev.ARTISAN_TRAINED):
        at = _pos(sim, Artisan, e.data.get("artisan"))
        if at:
            colour = palette.RES_COLORS.get(e.data.get("kind", ""), palette.UI_GOOD)
            fx.burst(at[0], at[1] - 8, colour, 5 if e.kind != ev.ARTISAN_TRAINED else 16)


def _pos(sim, component: type, entity: object) -> tuple[float, float] | None:
    for eid, (_, pos) in sim.query(component, Position):
        if eid == entity:
            return pos.x / SUBPX, pos.y / SUBPX
    return None
