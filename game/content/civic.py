"""Balance of murals, support, smears, Rally and artisans: the [murals], [support],
[rally] and [artisans] tables of rules.toml, typed. Integers only (support is fixed
point, 1000 = 1 %), so no float ever decides an outcome."""

from __future__ import annotations

from dataclasses import dataclass

PERCENT = 1000  # support units per percent
FULL = 100 * PERCENT


@dataclass(frozen=True, slots=True)
class CivicRules:
    paint_cost: tuple[int, ...]  # pigment to start stage 1, 2, 3
    paint_ticks: tuple[int, ...]
    influence: tuple[int, ...]  # by stage 0..3
    rise: int
    smear_drain: int
    smear_ticks: int
    smear_warning: int
    rally_cooldown: int
    rally_boost: int
    train_ticks: int
    per_workshop: int
    artisan_speed: int
    artisan_capacity: int
    volunteers_per_rally: int
    artisan_takes: tuple[str, ...]  # waste kinds artisans and volunteers pick up


def parse_civic(raw: dict) -> CivicRules:
    m, s, r, a = raw["murals"], raw["support"], raw["rally"], raw["artisans"]
    cost, ticks, infl = (tuple(int(v) for v in m[k]) for k in
                         ("paint_cost", "paint_ticks", "influence"))
    if len(cost) != 3 or len(ticks) != 3 or len(infl) != 4:
        raise ValueError("rules: [murals] needs 3 paint costs and times, 4 influences")
    if min(ticks) < 1 or min(cost + infl) < 0:
        raise ValueError("rules: [murals] values must be positive")
    return CivicRules(
        cost, ticks, infl, int(s["rise"]), int(s["smear_drain"]), int(s["smear_ticks"]),
        int(s["smear_warning"]), int(r["cooldown"]), int(r["boost"]),
        max(1, int(a["train_ticks"])), int(a["per_workshop"]), max(1, int(a["speed"])),
        max(1, int(a["capacity"])), int(a["volunteers_per_rally"]),
        tuple(str(k) for k in a["takes"]))
