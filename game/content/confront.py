"""Load the confrontation's balance (drones.toml) into typed, validated values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

DRONES_PATH = Path(__file__).with_name("drones.toml")
# Drone type order is the `kind` code in the swarm arrays and the sprite column.
DRONE_TYPES = ("scout", "sprayer", "heavy", "jammer")


@dataclass(frozen=True, slots=True)
class DroneType:
    name: str
    role: str
    hp: int
    speed: int
    mural_damage: int
    barrier_damage: int
    hit_ticks: int
    breaker: bool
    jam_tiles: int


@dataclass(frozen=True, slots=True)
class EmitterLevel:
    range_px: int
    damage: int
    reload: int
    stun: int
    splash_px: int = 0  # drones this close to the one zapped are struck too


@dataclass(frozen=True, slots=True)
class Ability:
    kind: str
    name: str
    cost: tuple[tuple[str, int], ...]
    cooldown: int
    duration: int
    radius_px: int = 0
    turned_damage: int = 0


@dataclass(frozen=True, slots=True)
class ConfrontRules:
    drones: tuple[DroneType, ...]  # indexed by kind code
    spawn_interval: int
    swarm_release: int  # one more drone per release for every this many waiting
    salvage_drones: int  # drones downed per spark of salvage
    early_bonus_resource: str
    early_bonus_ticks_per_unit: int
    max_wave_drones: int
    max_alive: int
    barrier_hp: int
    emitter_modes: tuple[str, ...]
    emitter_levels: tuple[EmitterLevel, ...]
    upgrade_cost: tuple[tuple[str, int], ...]
    abilities: Mapping[str, Ability]
    sell_percent: int = 50  # share of what a defence cost that selling it gives back

    def kind_code(self, name: str) -> int:
        return DRONE_TYPES.index(name)


def _pos(table: dict, key: str, where: str, default: int | None = None) -> int:
    value = table.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{DRONES_PATH.name}: [{where}] {key} must be a non-negative integer")
    return value


def _cost(raw: dict) -> tuple[tuple[str, int], ...]:
    return tuple(sorted((str(k), int(v)) for k, v in raw.items()))


def parse_confront(raw: dict) -> ConfrontRules:
    drones = []
    for name in DRONE_TYPES:
        d = raw["drones"][name]
        where = f"drones.{name}"
        drones.append(DroneType(
            name, str(d.get("role", "")), max(1, _pos(d, "hp", where)),
            _pos(d, "speed", where), _pos(d, "mural_damage", where),
            _pos(d, "barrier_damage", where), max(1, _pos(d, "hit_ticks", where)),
            bool(d.get("breaker", False)), _pos(d, "jam_tiles", where, 0)))
    waves, emitter = raw["waves"], raw["emitter"]
    levels = tuple(EmitterLevel(_pos(lv, "range", "emitter"), _pos(lv, "damage", "emitter"),
                                max(1, _pos(lv, "reload", "emitter")),
                                _pos(lv, "stun", "emitter"), _pos(lv, "splash", "emitter", 0))
                   for lv in emitter["levels"])
    abilities = {}
    for kind, a in raw["abilities"].items():
        where = f"abilities.{kind}"
        abilities[kind] = Ability(
            kind, str(a["name"]), _cost(a["cost"]), _pos(a, "cooldown", where),
            _pos(a, "duration", where), _pos(a, "radius", where, 0),
            _pos(a, "turned_damage", where, 0))
    return ConfrontRules(
        drones=tuple(drones),
        spawn_interval=max(1, _pos(waves, "spawn_interval", "waves")),
        swarm_release=max(1, _pos(waves, "swarm_release", "waves", 1000)),
        salvage_drones=max(1, _pos(waves, "salvage_drones", "waves", 1000000)),
        early_bonus_resource=str(waves["early_bonus_resource"]),
        early_bonus_ticks_per_unit=max(1, _pos(waves, "early_bonus_ticks_per_unit", "waves")),
        max_wave_drones=max(1, _pos(waves, "max_wave_drones", "waves")),
        max_alive=max(1, _pos(waves, "max_alive", "waves")),
        barrier_hp=max(1, _pos(raw["barrier"], "hp", "barrier")),
        emitter_modes=tuple(emitter["modes"]),
        emitter_levels=levels,
        upgrade_cost=_cost(emitter["upgrade_cost"]),
        abilities=MappingProxyType(abilities),
        sell_percent=min(100, _pos(raw.get("sell", {}), "refund_percent", "sell", 50)),
    )
