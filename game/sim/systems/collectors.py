"""Talin's corporate collectors: they leave their van (a CollectorSpawn), walk the tile
grid to the nearest waste pile, take it a unit at a time and haul it back.

Deterministic by construction: integer positions that move from tile centre to tile
centre, the game's breadth-first distance fields (game/sim/pathing.py: nearest pile by
steps, then lowest entity id), collectors processed in entity-id order, after Elara's
pickup (on the same tick, Elara gets there first).
"""

from __future__ import annotations

import esper

from game.content.agents import CollectorRules
from game.level.data import LevelData
from game.sim import events as ev
from game.sim.components import Collector, Position, WastePile
from game.sim.constants import FACING, TICK_RATE, TILE, TILE_PX
from game.sim.pathing import Field
from game.sim.query import ordered
from game.sim.state import TickContext


def spawn_collectors(level: LevelData, rules: CollectorRules) -> None:
    for obj in sorted(level.objects_of("CollectorSpawn"), key=lambda o: o.id):
        x, y = obj.center
        tx, ty = int(x // TILE_PX), int(y // TILE_PX)
        delay = int(obj.properties.get("delay_seconds", 0)) * TICK_RATE
        for i in range(int(obj.properties.get("count", 1))):
            esper.create_entity(
                Collector(tx, ty, "wait", delay + i * rules.stagger_ticks + 1),
                Position(tx * TILE + TILE // 2, ty * TILE + TILE // 2))


class CollectorSystem(esper.Processor):
    def __init__(self) -> None:
        # Fields are a pure function of (blocked grid, sources), so one built on an
        # earlier tick serves as long as neither changed: most ticks build none.
        self._fields: dict[object, tuple[bytes, tuple, Field]] = {}

    def _field(self, ctx: TickContext, key: object, sources: list[tuple[int, int, int]]
               ) -> Field:
        blocked, now = ctx.grid.blocked.tobytes(), tuple(sources)
        cached = self._fields.get(key)
        if cached is not None and cached[0] == blocked and cached[1] == now:
            return cached[2]
        if cached is not None and cached[0] == blocked and set(now) < set(cached[1]):
            # piles only ran out: search again only where they were the nearest
            gone = {lab for _, _, lab in set(cached[1]) - set(now)}
            field = cached[2].without(gone, sources)
        else:
            field = Field(~ctx.grid.blocked, sources)
        self._fields[key] = (blocked, now, field)
        return field

    def _pile_field(self, ctx: TickContext) -> Field:
        sources = [(p.x // TILE, p.y // TILE, eid)
                   for eid, (pile, p) in ordered(WastePile, Position) if pile.amount > 0]
        return self._field(ctx, "piles", sources)

    def process(self, ctx: TickContext) -> None:
        collectors = ordered(Collector, Position)
        if not collectors:
            return
        piles = dict(ordered(WastePile))
        for eid, (col, pos) in collectors:
            if col.state == "wait":
                col.timer -= 1
                if col.timer <= 0:
                    col.state = "seek"
                continue
            if col.state == "take":
                self._take(ctx, eid, col, piles)
                continue
            if col.step_tx < 0:
                self._decide(ctx, eid, col, pos)
            if col.step_tx >= 0:
                self._walk(col, pos, ctx.collectors.speed)

    def _take(self, ctx: TickContext, eid: int, col: Collector, piles: dict) -> None:
        pile = piles.get(col.target)
        if pile is None or pile.amount <= 0:  # Elara (or another collector) was faster
            col.state = "home" if col.carry >= ctx.collectors.capacity else "seek"
            col.target = 0
            return
        col.timer -= 1
        if col.timer > 0:
            return
        pile.amount -= 1
        col.carry += 1
        ctx.emit(ev.COLLECTOR_TOOK, collector=eid, pile=col.target, kind=pile.kind)
        if pile.amount == 0:
            ctx.emit(ev.PILE_EMPTIED, pile=col.target, kind=pile.kind, by="collector")
            esper.delete_entity(col.target)
        if col.carry >= ctx.collectors.capacity:
            col.state, col.target = "home", 0
        elif pile.amount == 0:
            col.state, col.target = "seek", 0
        else:
            col.timer = ctx.collectors.take_ticks

    def _decide(self, ctx: TickContext, eid: int, col: Collector, pos: Position) -> None:
        tx, ty = pos.x // TILE, pos.y // TILE
        nxt = None
        if col.state == "seek":
            field = self._pile_field(ctx)
            dist, label = field.at(tx, ty)
            if dist == 0:
                col.state, col.target, col.timer = "take", label, ctx.collectors.take_ticks
                return
            nxt = field.step_from(tx, ty)
            if nxt is None:  # nothing left to take (or no way to it): back to the van
                col.state = "home"
        if col.state == "home":
            if (tx, ty) == (col.home_tx, col.home_ty):
                if col.carry:
                    col.hauled += col.carry
                    ctx.emit(ev.COLLECTOR_UNLOADED, collector=eid, amount=col.carry)
                col.carry = 0
                col.state, col.timer = "wait", ctx.collectors.unload_ticks
                return
            home = (col.home_tx, col.home_ty)
            field = self._field(ctx, home, [(*home, 0)])
            nxt = field.step_from(tx, ty)
        if nxt is not None:
            col.step_tx, col.step_ty = nxt
            col.facing = FACING[(nxt[0] - tx, nxt[1] - ty)]

    def _walk(self, col: Collector, pos: Position, speed: int) -> None:
        cx = col.step_tx * TILE + TILE // 2
        cy = col.step_ty * TILE + TILE // 2
        pos.x += max(-speed, min(speed, cx - pos.x))
        pos.y += max(-speed, min(speed, cy - pos.y))
        if (pos.x, pos.y) == (cx, cy):
            col.step_tx = col.step_ty = -1

