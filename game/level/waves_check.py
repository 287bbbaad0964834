"""`check` rules for a map's drone waves: every wave brings drones, every WaveGroup is
used, a `survive` map has waves. Counts use the simulation's own wave formula."""

from __future__ import annotations

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
    sizes = {w: sum(b.count for b in table.batches(w)) for w in range(1, waves + 1)}
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
    for obj, group in zip(sorted(by_cls.get("WaveGroup", []), key=lambda o: o.id),
                          table.groups, strict=True):
        if not any(table.batches_of(group, w) for w in range(1, waves + 1)):
            rules.warn(f"this WaveGroup sends no drones in waves 1–{waves}", obj.label(),
                       "lower first_wave, or use a DroneSpawn whose first_wave comes "
                       "before the last wave")
