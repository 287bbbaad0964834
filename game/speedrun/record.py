"""Recording a replay while a level is played: commands per tick + periodic state hashes."""

from __future__ import annotations

import time
from pathlib import Path

from game.sim.commands import Command
from game.sim.constants import TICK_RATE
from game.sim.world import Simulation
from game.speedrun.maphash import MapDigest, MapHashError, level_digest, map_digest
from game.speedrun.replay import (
    CATEGORIES,
    CHECKPOINT_INTERVAL,
    Replay,
    game_version,
    rules_sha256,
)

CARRYING = ("campaign", "story")  # the only categories a run may start with carry-in


def carry_problem(category: str, carry: object) -> str:
    """Why a run of `category` may not start with `carry` ("" when it may)."""
    if carry and category not in CARRYING:
        return (f"{category} runs never carry, but this one starts with carry-in "
                f"({describe_carry(carry)})")
    return ""


def describe_carry(carry: object) -> str:
    if not isinstance(carry, dict):
        return "not a table"
    parts = []
    if isinstance(carry.get("volunteers"), int):
        parts.append(f"{carry['volunteers']} volunteers")
    if isinstance(carry.get("murals"), list):
        parts.append(f"{len(carry['murals'])} murals")
    if isinstance(carry.get("stock"), dict):
        parts += [f"{v} {k}" for k, v in sorted(carry["stock"].items())]
    return ", ".join(parts) or "unknown keys"


class Recorder:
    """Feed it every simulated tick's commands; it builds the Replay when asked."""

    def __init__(self, level_path: Path, digest: MapDigest | None = None,
                 interval: int = CHECKPOINT_INTERVAL) -> None:
        self.level_path = Path(level_path)
        if digest is None:
            try:
                digest = map_digest(self.level_path)
            except MapHashError:  # the file changed or vanished after loading: the
                digest = MapDigest("unavailable", ())  # replay then cannot verify
        self.digest = digest
        self.interval = interval
        self.ticks: list[list[Command]] = []
        self.checkpoints: list[str] = []

    def record(self, sim: Simulation, commands: list[Command]) -> None:
        """Call right after `sim.step(commands)` for a tick that really ran."""
        self.ticks.append(list(commands))
        if sim.tick % self.interval == 0:
            self.checkpoints.append(sim.state_hash())

    def replay(self, sim: Simulation, category: str, player: str, rta_ms: int = 0,
               extra: dict | None = None) -> Replay:
        if category not in CATEGORIES:
            raise ValueError(f"unknown category {category!r}")
        if carry_problem(category, sim.carry):  # the format never holds such a run
            raise ValueError(carry_problem(category, sim.carry))
        header = {
            "game": "Reclaim 2147",
            "game_version": game_version(),
            "rules_sha256": rules_sha256(sim.balance),
            "balance": sim.balance.table_digests(),  # lets verify name a changed table
            "map": {"name": self.level_path.name, "title": sim.level.title,
                    "sha256": self.digest.sha256,
                    "files": [list(f) for f in self.digest.files]},
            "seed": sim.seed,
            "official_seed": sim.seed == sim.level.seed,
            "tick_rate": TICK_RATE,
            "category": category,
            "practice": category == "practice",
            "player": player,
            "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "rta_ms": int(rta_ms),
            "checkpoint_interval": self.interval,
            "final": {"outcome": sim.outcome, "igt_ticks": sim.igt_ticks, "tick": sim.tick,
                      "state_sha256": sim.state_hash()},
        }
        if sim.carry:  # campaign carry-in: verify must start the level the same way
            header["carry"] = sim.carry
        header.update(extra or {})
        return Replay(header, list(self.ticks), list(self.checkpoints))


def record_run(level_path: Path, level, per_tick: list[list[Command]], category: str,
               player: str, seed: int | None = None, carry: dict | None = None,
               balance=None) -> Replay:
    """Re-play a command log into a fresh simulation and return its Replay (tools, tests)."""
    from game.content.balance import DEFAULT_BALANCE

    sim = Simulation(level, seed, carry=carry, balance=balance or DEFAULT_BALANCE)
    try:
        rec = Recorder(level_path, level_digest(level))
        for commands in per_tick:
            if sim.outcome != "playing":
                break
            sim.step(commands)
            rec.record(sim, commands)
        return rec.replay(sim, category, player)
    finally:
        sim.close()
