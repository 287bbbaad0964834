"""Derived state, refreshed at one fixed point of the tick: right after this tick's
builds, before anything reads it (emitters' "first" order, the swarm's moves).

Queries between ticks (the build preview, the HUD) only read; so which drone an
emitter zaps never depends on whether the UI asked a question.
"""

from __future__ import annotations

import esper

from game.sim.state import TickContext
from game.sim.swarm.defences import alive_walls


class FieldSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        conf = ctx.conf
        if conf is not None and conf.active:
            conf.refresh_fields(alive_walls())
