"""The core tables of rules.toml (Elara, structures, what waste becomes), typed and
validated. Read with the rest of the balance by game/content/balance.py."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

RULES_PATH = Path(__file__).with_name("rules.toml")


@dataclass(frozen=True, slots=True)
class StructureRules:
    kind: str
    name: str
    cost: tuple[tuple[str, int], ...]
    process_ticks: int
    queue_capacity: int
    bloom_chance: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Rules:
    waste_kinds: tuple[str, ...]
    resources: tuple[str, ...]
    produces: Mapping[str, str]
    player_speed: int
    player_capacity: int
    player_reach_px: int
    hitbox_px: tuple[int, int]
    structures: Mapping[str, StructureRules]

    def cost_of(self, kind: str) -> dict[str, int]:
        return dict(self.structures[kind].cost)


def _int(table: dict, key: str, where: str) -> int:
    value = table.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{RULES_PATH.name}: [{where}] {key} must be a non-negative integer")
    return value


def parse_rules(raw: dict) -> Rules:
    waste = tuple(raw["waste_kinds"])
    resources = tuple(raw["resources"])
    produces = dict(raw["produces"])
    for kind in waste:
        if produces.get(kind) not in resources:
            raise ValueError(f"rules: waste kind {kind!r} must produce one of {resources}")
    player = raw["player"]
    structures = {}
    for kind, table in raw["structures"].items():
        cost = tuple(sorted((str(k), int(v)) for k, v in table["cost"].items()))
        for res, _ in cost:
            if res not in waste and res not in resources:
                raise ValueError(f"rules: [structures.{kind}] cost names unknown {res!r}")
        bloom = table.get("bloom_chance", [0, 1])
        structures[kind] = StructureRules(
            kind=kind,
            name=str(table["name"]),
            cost=cost,
            process_ticks=max(1, _int(table, "process_ticks", f"structures.{kind}")),
            queue_capacity=_int(table, "queue_capacity", f"structures.{kind}"),
            bloom_chance=(int(bloom[0]), max(1, int(bloom[1]))),
        )
    hitbox = player["hitbox"]
    return Rules(
        waste_kinds=waste,
        resources=resources,
        produces=MappingProxyType(produces),
        player_speed=_int(player, "speed", "player"),
        player_capacity=_int(player, "capacity", "player"),
        player_reach_px=_int(player, "reach", "player"),
        hitbox_px=(int(hitbox[0]), int(hitbox[1])),
        structures=MappingProxyType(structures),
    )
