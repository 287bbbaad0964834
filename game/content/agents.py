"""Balance of Talin's corporate collectors: the [collectors] table of rules.toml, typed.
Integers only, like every rule the simulation reads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CollectorRules:
    speed: int  # sub-pixels per tick
    capacity: int  # units hauled per trip
    take_ticks: int  # ticks per unit taken from a pile
    unload_ticks: int  # ticks spent at the van
    stagger_ticks: int  # between departures from one van


def parse_collectors(raw: dict) -> CollectorRules:
    table = raw.get("collectors", {})
    values = {}
    for key, default in (("speed", 14), ("capacity", 3), ("take_ticks", 50),
                         ("unload_ticks", 60), ("stagger_ticks", 150)):
        value = table.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(f"rules: [collectors] {key} must be a non-negative integer")
        values[key] = value
    values["speed"] = max(1, values["speed"])
    values["capacity"] = max(1, values["capacity"])
    values["take_ticks"] = max(1, values["take_ticks"])
    return CollectorRules(**values)
