"""Helpers for speedrun tests: small winnable maps and an autopilot at the controls of
a real PlayScene (its commands replace the keyboard, everything else is the game)."""

from __future__ import annotations

from pathlib import Path

from mapkit import write_map

from game.dev.bot import Autopilot
from game.sim.state import PLAYING

# Two small levels the autopilot wins in a few hundred ticks.
LEVEL_A = ["..........",
           ".@apo.....",
           "....P.....",
           "......o...",
           ".........."]
LEVEL_B = ["............",
           ".@..a.p.....",
           "..........P.",
           "....o...o...",
           "............"]
AMOUNTS = {"organic": 5, "alloy": 2, "polymer": 1}


def two_levels(folder: Path) -> list[Path]:
    a = write_map(folder, LEVEL_A, AMOUNTS, objective_amount=5, seed=11, name="a_first.tmx")
    b = write_map(folder, LEVEL_B, AMOUNTS, objective_amount=4, seed=12, name="b_second.tmx")
    return [a, b]


def autopilot(play) -> None:
    """Let the autopilot hold the controls of `play` (a PlayScene) from now on."""
    pilot = Autopilot(play.sim, nodes_wanted=1)

    def commands():
        if pilot.sim is not play.sim:  # restarted: follow the new simulation
            pilot.__init__(play.sim, nodes_wanted=1)
        return pilot.decide()

    play.input.commands = commands


def play_out(app, play, max_ticks: int = 20_000) -> None:
    """Run whole frames of one tick until the level is decided (bounded)."""
    for _ in range(max_ticks):
        if play.sim.outcome != PLAYING:
            return
        app.frame(fixed_ticks=1)
    raise AssertionError("level not decided")


def to_results(app, frames: int = 200):
    """Frames without ticks until the results screen is on top; returns it."""
    from game.scenes.results import ResultsScene

    for _ in range(frames):
        if isinstance(app.scene, ResultsScene):
            return app.scene
        app.frame(fixed_ticks=0)
    raise AssertionError("no results screen")
