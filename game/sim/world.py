"""Simulation: a pure function of (level, seed, commands per tick).

One esper world per simulation. Every public method switches esper to this world first,
so several simulations can live in one process (tests, benchmarks, restart).
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable

import esper

from game.content.balance import DEFAULT_BALANCE, Balance
from game.level.data import LevelData
from game.sim import components as c
from game.sim.carry import clean_carry
from game.sim.civic_setup import apply_campaign_carry, spawn_civic
from game.sim.commands import Command
from game.sim.constants import SUBPX, TICK_RATE
from game.sim.events import Event
from game.sim.grid import Grid
from game.sim.objectives import Progress, judge
from game.sim.query import ordered
from game.sim.rng import Pcg32
from game.sim.state import PLAYING, TickContext, WorldState
from game.sim.state_hash import state_hash
from game.sim.story_setup import spawn_story
from game.sim.swarm.state import Confrontation
from game.sim.systems import SYSTEM_ORDER
from game.sim.systems.build import missing_for, placement_problem

_world_ids = itertools.count(1)


class Simulation:
    def __init__(self, level: LevelData, seed: int | None = None, carry: dict | None = None,
                 balance: Balance = DEFAULT_BALANCE):
        self.level = level
        self.balance = balance  # every balance table; its digest goes into replays
        self.rules = rules = balance.rules
        self.seed = level.seed if seed is None else seed
        self.rng = Pcg32(self.seed)
        self.grid = Grid(level)
        # drone swarm and waves (maybe none)
        self.conf = Confrontation(level, self.grid, balance.confront)
        self.state = WorldState(
            stock={r: 0 for r in rules.resources},
            produced_total={r: 0 for r in rules.resources},
        )
        self.world = f"sim-{next(_world_ids)}"
        self._closed = False
        esper.switch_world(self.world)
        # esper runs processors highest priority first: the first of SYSTEM_ORDER highest
        for priority, system in enumerate(reversed(SYSTEM_ORDER)):
            esper.add_processor(system(), priority)
        self._spawn_from_level()
        # campaign carry-in (game/campaign/carry.py): what earlier levels hand this one,
        # applied before the first tick; replays record it so verify starts the same way
        self.carry = clean_carry(carry)
        if self.carry:
            apply_campaign_carry(self.carry)

    # -- setup -----------------------------------------------------------------------
    def _spawn_from_level(self) -> None:
        spawns = self.level.objects_of("PlayerSpawn")
        sx, sy = spawns[0].center
        esper.create_entity(c.Player(), c.Position(round(sx * SUBPX), round(sy * SUBPX)))
        for obj in sorted(self.level.objects_of("Waste"), key=lambda o: o.id):
            x, y = obj.center
            pile = c.WastePile(obj.properties["kind"], obj.properties["amount"], obj.id)
            esper.create_entity(pile, c.Position(round(x * SUBPX), round(y * SUBPX)))
        for obj in sorted(self.level.objects_of("MuralWall"), key=lambda o: o.id):
            x, y = obj.center
            props = obj.properties
            stage = c.MURAL_STAGES.index(props.get("stage", "blank"))
            health = int(props.get("health", 100))
            mural = c.Mural(obj.id, stage, health, health, int(props.get("radius", 6)),
                            bool(props.get("great", False)))
            esper.create_entity(mural, c.Position(round(x * SUBPX), round(y * SUBPX)))
        spawn_civic(self.level)  # districts and the smear/Rally clock, when the map has them
        spawn_story(self.level, self.grid, self.balance)  # depots, collectors, trigger areas

    # -- stepping --------------------------------------------------------------------
    def step(self, commands: Iterable[Command] = ()) -> list[Event]:
        """Advance one tick. After the outcome is decided the world is frozen."""
        if self.state.outcome != PLAYING:
            return []
        esper.switch_world(self.world)
        self.state.tick += 1
        ctx = self._context(list(commands), [])
        esper.process(ctx)  # clears dead entities, then SYSTEM_ORDER (by priority)
        return ctx.events

    def run(self, per_tick: Iterable[Iterable[Command]]) -> list[Event]:
        events: list[Event] = []
        for commands in per_tick:
            events.extend(self.step(commands))
        return events

    def _context(self, commands: list[Command], events: list[Event]) -> TickContext:
        return TickContext(
            self.state, self.level, self.rules, self.grid, self.rng, commands, events,
            self.conf, self.balance,
        )

    # -- read-only views for presentation and tests ----------------------------------
    @property
    def tick(self) -> int:
        return self.state.tick

    @property
    def outcome(self) -> str:
        return self.state.outcome

    @property
    def loss_reason(self) -> str:
        """One word saying why the level was lost ("" unless lost)."""
        return self.state.reason

    @property
    def igt_ticks(self) -> int:
        """In-game time: ticks simulated up to and including the deciding tick."""
        return self.state.end_tick if self.state.end_tick is not None else self.state.tick

    def query(self, *component_types: type) -> list:
        esper.switch_world(self.world)
        return ordered(*component_types)

    def player(self) -> tuple[c.Player, c.Position]:
        esper.switch_world(self.world)
        return ordered(c.Player, c.Position)[0][1]

    def placement_problem(self, kind: str, tx: int, ty: int) -> str | None:
        esper.switch_world(self.world)
        return placement_problem(self._context([], []), kind, tx, ty)

    def missing_for(self, kind: str) -> dict[str, int]:
        esper.switch_world(self.world)
        return missing_for(self._context([], []), self.rules.cost_of(kind))

    def missing_for_cost(self, cost: dict[str, int]) -> dict[str, int]:
        """What is lacking to pay any cost (abilities, upgrades), like `missing_for`."""
        esper.switch_world(self.world)
        return missing_for(self._context([], []), cost)

    def objective_progress(self) -> Progress:
        esper.switch_world(self.world)
        return judge(self._context([], []))

    def state_hash(self) -> str:
        esper.switch_world(self.world)
        return state_hash(self)

    def seconds(self) -> float:
        return self.igt_ticks / TICK_RATE

    def close(self) -> None:
        """Free this simulation's esper world."""
        if self._closed:
            return
        self._closed = True
        if esper.current_world == self.world:
            esper.switch_world("default")
        esper.delete_world(self.world)

    def __del__(self) -> None:
        with contextlib.suppress(Exception):  # at shutdown esper may be gone already
            self.close()
