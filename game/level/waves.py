"""The wave table: which drones each wave brings, from the map's WaveGroup objects.

Counts are exact integer/Fraction arithmetic (the `scaling` property is read as the
decimal it was typed as, so 0.1 is exactly 1/10). For a group and wave w (1-based):

    active  when first_wave <= w, (last_wave == 0 or w <= last_wave),
            and (w - first_wave) % spacing == 0
    n       = (w - first_wave) // spacing          # how many times it came before
    count   = min(max, count + floor(n * scaling))  # per spawn point it uses
    hp      = drone hp + shields + n * shield_scaling

A group with no `spawn` uses every DroneSpawn whose own first_wave has come.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from game.content.confront import DRONE_TYPES, ConfrontRules
from game.level.data import LevelData, LevelObject


@dataclass(frozen=True, slots=True)
class Group:
    kind: int  # index into DRONE_TYPES
    spawn_id: int  # Tiled id of its DroneSpawn, 0: every spawn
    first: int
    last: int
    spacing: int
    count: int
    scaling: Fraction
    max: int
    shields: int
    shield_scaling: int

    def count_in(self, wave: int) -> int:
        if wave < self.first or (self.last and wave > self.last):
            return 0
        if (wave - self.first) % self.spacing:
            return 0
        n = (wave - self.first) // self.spacing
        return min(self.max, self.count + math.floor(n * self.scaling))

    def hp_bonus(self, wave: int) -> int:
        return self.shields + (wave - self.first) // self.spacing * self.shield_scaling


@dataclass(frozen=True, slots=True)
class Batch:
    """`count` drones of one kind from one spawn point in one wave."""

    kind: int
    spawn: int  # index into WaveTable.spawns
    count: int
    hp: int


def exact(value: object) -> Fraction:
    """A property number as the exact decimal the map maker typed."""
    return Fraction(repr(float(value))) if isinstance(value, float) else Fraction(int(value))


class WaveTable:
    def __init__(self, level: LevelData, rules: ConfrontRules) -> None:
        self._setup(level.objects_of("DroneSpawn"), level.objects_of("WaveGroup"),
                    level.properties, rules)

    @classmethod
    def from_objects(cls, spawns: list[LevelObject], groups: list[LevelObject],
                     props: dict, rules: ConfrontRules) -> WaveTable:
        table = cls.__new__(cls)
        table._setup(spawns, groups, props, rules)
        return table

    def _setup(self, spawns: list[LevelObject], groups: list[LevelObject], props: dict,
               rules: ConfrontRules) -> None:
        self.rules = rules
        self.wave_count = int(props.get("wave_count", 0) or 0)
        self.first_delay = int(props.get("first_wave_seconds", 60)) * 60
        self.interval = max(1, int(props.get("wave_interval_seconds", 45))) * 60
        self.spawns = [(o.id, o.center, int(o.properties.get("first_wave", 1)))
                       for o in sorted(spawns, key=lambda o: o.id)]
        self.groups = [self._group(o.properties) for o in sorted(groups, key=lambda o: o.id)]

    @staticmethod
    def _group(p: dict) -> Group:
        return Group(DRONE_TYPES.index(p.get("drone", "scout")), int(p.get("spawn", 0) or 0),
                     int(p.get("first_wave", 1)), int(p.get("last_wave", 0)),
                     max(1, int(p.get("spacing", 1))), int(p.get("count", 3)),
                     exact(p.get("scaling", 0.5)), int(p.get("max", 100)),
                     int(p.get("shields", 0)), int(p.get("shield_scaling", 0)))

    def batches(self, wave: int) -> list[Batch]:
        """Every batch of `wave`, in group order then spawn order."""
        return [b for g in self.groups for b in self.batches_of(g, wave)]

    def batches_of(self, g: Group, wave: int) -> list[Batch]:
        n = g.count_in(wave)
        if not n:
            return []
        hp = self.rules.drones[g.kind].hp + g.hp_bonus(wave)
        return [Batch(g.kind, i, n, hp) for i, (sid, _, first) in enumerate(self.spawns)
                if g.spawn_id == sid or (g.spawn_id == 0 and first <= wave)]

    def makeup(self, wave: int) -> dict[str, int]:
        """Drones per type in `wave` (for the HUD's "next wave" line)."""
        out: dict[str, int] = {}
        for b in self.batches(wave):
            name = DRONE_TYPES[b.kind]
            out[name] = out.get(name, 0) + b.count
        return out
