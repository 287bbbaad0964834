"""Ghosts: the PB (or any replay of this map) re-simulated beside the live run, one tick
for each tick of play, so the runner races a translucent Elara.

The ghost is a Simulation of its own (its own esper world), fed the replay's commands
from the replay's own start (seed and carry-in from its header). It only ever reads the
live run's tick count, and it hands the esper world back to the live run after each
step, so a ghost can never change the run it races (tests/test_ghost.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import esper

from game.sim.constants import SUBPX
from game.sim.state import PLAYING
from game.speedrun.maphash import MapHashError, map_digest
from game.speedrun.replay import ReplayError, game_version, rules_sha256
from game.speedrun.verify import read_replay


@dataclass(frozen=True, slots=True)
class GhostPose:
    x: int  # pixels
    y: int
    facing: int
    moving: bool
    done: bool  # its run has ended: it stands where it finished


class Ghost:
    def __init__(self, replay, level) -> None:
        from game.sim.world import Simulation

        previous = esper.current_world
        self.ticks = replay.ticks
        self.sim = Simulation(level, replay.header["seed"], carry=replay.header.get("carry"))
        self.label = replay.header.get("player", "")
        esper.switch_world(previous)

    @classmethod
    def load(cls, path: Path, level) -> tuple[Ghost | None, str]:
        """A ghost from a replay file, or (None, why not): it must be a replay of this
        very map (by content hash) made by this game version and balance."""
        try:
            replay = read_replay(Path(path))
        except ReplayError as exc:
            return None, f"{Path(path).name}: {exc.message}"
        header = replay.header
        if header["game_version"] != game_version() or header["rules_sha256"] != rules_sha256():
            return None, f"{Path(path).name}: recorded with another game version or rules"
        try:
            same_map = map_digest(level.path).sha256 == header["map"]["sha256"]
        except MapHashError:
            same_map = False
        if not same_map:
            return None, f"{Path(path).name}: a replay of another map"
        return cls(replay, level), ""

    def step(self) -> None:
        """One tick, alongside the live run's tick."""
        if self.sim.outcome != PLAYING or self.sim.tick >= len(self.ticks):
            return
        previous = esper.current_world
        try:
            self.sim.step(self.ticks[self.sim.tick])
        except Exception:  # noqa: BLE001 - a ghost that cannot go on just stops
            self.ticks = self.ticks[:self.sim.tick]
        finally:
            esper.switch_world(previous)

    def pose(self) -> GhostPose:
        from game.sim.components import Player, Position

        previous = esper.current_world
        try:
            player, pos = self.sim.query(Player, Position)[0][1]
        finally:
            esper.switch_world(previous)
        done = self.sim.outcome != PLAYING or self.sim.tick >= len(self.ticks)
        return GhostPose(pos.x // SUBPX, pos.y // SUBPX, player.facing,
                         player.moving and not done, done)

    def close(self) -> None:
        previous = esper.current_world
        self.sim.close()
        if previous != self.sim.world:
            esper.switch_world(previous)
