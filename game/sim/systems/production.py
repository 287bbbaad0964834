"""Nodes turn queued waste into stockpiled resources, one unit per `process_ticks`."""

from __future__ import annotations

import esper

from game.sim import events as ev
from game.sim.components import Reactor, Structure
from game.sim.query import ordered
from game.sim.state import TickContext


class ProductionSystem(esper.Processor):
    def process(self, ctx: TickContext) -> None:
        for eid, (structure, reactor) in ordered(Structure, Reactor):
            if not reactor.queue:
                reactor.progress = 0
                continue
            spec = ctx.rules.structures[structure.kind]
            reactor.progress += 1
            # a map may slow its nodes (level 2: the Guild's starved cultures)
            ticks = int(ctx.level.properties.get("node_process_ticks", 0) or 0) or \
                spec.process_ticks
            if reactor.progress < ticks:
                continue
            reactor.progress = 0
            waste = reactor.queue.pop(0)
            resource = ctx.rules.produces[waste]
            amount = 1
            if ctx.rng.chance(*spec.bloom_chance):
                amount += 1
                ctx.emit(ev.BLOOM, node=eid, resource=resource)
            reactor.produced += amount
            ctx.state.stock[resource] = ctx.state.stock.get(resource, 0) + amount
            total = ctx.state.produced_total.get(resource, 0) + amount
            ctx.state.produced_total[resource] = total
            ctx.emit(ev.PRODUCED, node=eid, resource=resource, amount=amount)
