"""Trigger areas: when Elara's feet enter one, the simulation emits a `trigger` event
naming its dialogue. What the dialogue shows is presentation only; the sim records just
that the trigger fired (hashed with the rest of the state, so replays agree on it)."""

from __future__ import annotations

import esper

from game.level.data import LevelData
from game.sim import events as ev
from game.sim.components import Player, Position, TriggerArea
from game.sim.constants import SUBPX
from game.sim.query import ordered
from game.sim.state import TickContext


def spawn_triggers(level: LevelData) -> None:
    for obj in sorted(level.objects_of("Trigger"), key=lambda o: o.id):
        area = TriggerArea(
            obj.id, str(obj.properties.get("dialogue", "")),
            bool(obj.properties.get("once", True)),
            round(obj.x * SUBPX), round(obj.y * SUBPX),
            round((obj.x + obj.width) * SUBPX), round((obj.y + obj.height) * SUBPX))
        esper.create_entity(area)


class TriggerSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        areas = ordered(TriggerArea)
        if not areas:
            return
        feet = [pos for _, (_, pos) in ordered(Player, Position)]
        for eid, area in areas:
            inside = any(area.x0 <= p.x < area.x1 and area.y0 <= p.y < area.y1 for p in feet)
            if inside and not area.inside and not (area.once and area.fired):
                area.fired += 1
                ctx.emit(ev.TRIGGER, trigger=eid, object=area.object_id,
                         dialogue=area.dialogue)
            area.inside = inside
