"""Entities of the campaign's level objects: Guild depots, corporate collectors and
trigger areas (one call from Simulation setup, after the map's other objects)."""

from __future__ import annotations

from game.content.balance import Balance
from game.level.data import LevelData
from game.sim.grid import Grid
from game.sim.systems.collectors import spawn_collectors
from game.sim.systems.depots import spawn_depots
from game.sim.systems.triggers import spawn_triggers


def spawn_story(level: LevelData, grid: Grid, balance: Balance) -> None:
    spawn_depots(level, grid)
    spawn_collectors(level, balance.collectors)
    spawn_triggers(level)
