"""World-level simulation state and the per-tick context handed to every system."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.content.agents import CollectorRules
from game.content.balance import Balance
from game.content.civic import CivicRules
from game.content.rules import Rules
from game.level.data import LevelData
from game.sim.commands import Command
from game.sim.events import Event
from game.sim.grid import Grid
from game.sim.rng import Pcg32

PLAYING = "playing"
WON = "won"
LOST = "lost"


@dataclass(slots=True)
class WorldState:
    tick: int = 0
    stock: dict[str, int] = field(default_factory=dict)
    produced_total: dict[str, int] = field(default_factory=dict)
    outcome: str = PLAYING
    end_tick: int | None = None
    reason: str = ""  # why a lost level was lost, one word (objectives' judges name it)


@dataclass(slots=True)
class TickContext:
    state: WorldState
    level: LevelData
    rules: Rules
    grid: Grid
    rng: Pcg32
    commands: list[Command]
    events: list[Event]
    conf: Any = None  # game.sim.swarm.state.Confrontation: drones, waves, Kora's cooldowns
    balance: Balance | None = None  # every table; `rules` is balance.rules

    @property
    def civic(self) -> CivicRules:
        return self.balance.civic

    @property
    def collectors(self) -> CollectorRules:
        return self.balance.collectors

    def emit(self, event_kind: str, /, **data: object) -> None:
        self.events.append(Event(event_kind, self.state.tick, data))
