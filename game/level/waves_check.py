"""`check` rules for a map's drone waves: every wave brings drones, every WaveGroup is
used, a `survive` map has waves. Counts use the simulation's own wave formula."""

from __future__ import annotations

import math

import numpy as np

from game.content.balance import DEFAULT_BALANCE
from game.level.data import LevelObject
from game.level.waves import WaveTable


def check_waves(rules, by_cls: dict[str, list[LevelObject]], props: dict) -> None:
    """Adds warnings/errors to `rules` (a game.level.rules.RuleCheck)."""
    waves = int(props.get("wave_count") or 0)
    if props.get("objective") == "survive" and not waves:
        rules.error("the objective is survive but wave_count is 0", "map",
                    "set the map property wave_count (and place WaveGroup objects)")
    if not waves or not by_cls.get("DroneSpawn"):
        return
    table = WaveTable.from_objects(by_cls.get("DroneSpawn", []),
                                   by_cls.get("WaveGroup", []), props,
                                   DEFAULT_BALANCE.confront)
    sizes, used = wave_sizes(table, waves)
    big = [w for w, n in sizes.items() if n > table.rules.max_wave_drones]
    if big:
        rules.error(f"wave {big[0]} brings {sizes[big[0]]} drones; at most "
                    f"{table.rules.max_wave_drones} come in one wave", "map",
                    "lower count, scaling or max of the WaveGroups")
    empty = [w for w, n in sizes.items() if not n]
    if empty:
        shown = ", ".join(map(str, empty[:8])) + (" …" if len(empty) > 8 else "")
        rules.warn(f"wave {shown} brings no drones", "map",
                   "check first_wave, last_wave and spacing of the WaveGroups")
    unused = [obj for obj, ok in zip(sorted(by_cls.get("WaveGroup", []), key=lambda o: o.id),
                                     used, strict=True) if not ok]
    for obj in unused[:8]:
        rules.warn(f"this WaveGroup sends no drones in waves 1–{waves}", obj.label(),
                   "lower first_wave, or use a DroneSpawn whose first_wave comes "
                   "before the last wave")
    if len(unused) > 8:
        rules.warn(f"{len(unused) - 8} more WaveGroups send no drones", "map",
                   "lower their first_wave")


BIG = 1 << 40  # property values past this are clamped: only "too many" matters then


def wave_sizes(table: WaveTable, waves: int) -> tuple[dict[int, int], list[bool]]:
    """Drones in each wave 1..waves and whether each group sends any: the same numbers
    as summing `table.batches(w)`, in O(groups × waves) numpy steps instead of
    O(groups × spawns × waves) Python objects (1,500 groups once took 50 minutes)."""
    w = np.arange(1, waves + 1, dtype=np.int64)
    firsts = np.zeros(waves + 2, dtype=np.int64)
    by_id: dict[int, int] = {}
    for sid, _, first in table.spawns:
        firsts[min(max(first, 0), waves + 1)] += 1
        by_id[sid] = by_id.get(sid, 0) + 1
    eligible = np.cumsum(firsts)[1:waves + 1]  # spawns open in each wave
    sizes = np.zeros(waves, dtype=np.int64)
    used: list[bool] = []
    for g in table.groups:
        spawns = eligible if g.spawn_id == 0 else by_id.get(g.spawn_id, 0)
        first, spacing = _clamp(g.first), _clamp(g.spacing)
        active = (w >= first) & ((w <= g.last) if g.last else True) & \
            ((w - first) % spacing == 0)
        n = (w - first) // spacing
        p, q = g.scaling.numerator, g.scaling.denominator
        if abs(p) < BIG and q < BIG:
            extra = n * p // q
        else:  # a scaling typed with absurd precision: exact, wave by wave
            extra = np.array([math.floor(int(k) * g.scaling) for k in n], dtype=object)
            extra = np.clip(extra, -BIG, BIG).astype(np.int64)
        count = np.where(active, np.minimum(_clamp(g.max), _clamp(g.count) + extra), 0)
        drones = count * spawns
        sizes += drones
        used.append(bool(np.any((count != 0) & (np.asarray(spawns) > 0))))
    return {i + 1: int(n) for i, n in enumerate(sizes)}, used


def _clamp(value: int) -> int:
    return max(-BIG, min(BIG, value))
