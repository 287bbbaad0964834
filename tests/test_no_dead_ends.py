"""No level has a state from which its goal is out of reach while it still runs: after
any random stretch of play (wandering, filling the bag with the wrong waste, building,
dropping, depositing), the win-seeking autopilot still wins — or the level has already
ended and says why."""

from __future__ import annotations

import random

import pytest

from game.dev.bot import pilot_for
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.sim import Simulation
from game.sim.commands import Build, Drop, Interact, Move
from game.sim.state import LOST, PLAYING, WON

LEVELS = sorted(p.name for p in CAMPAIGN_DIR.glob("*.tmx"))
KINDS = ("organic", "polymer", "alloy")
BUILDS = {"produce": ["node"], "deliver": ["node"], "support": ["node"],
          "coop": ["node", "workshop"], "survive": ["node", "barrier", "emitter"]}


def random_play(sim: Simulation, rnd: random.Random, ticks: int) -> None:
    """Held moves in random directions, and now and then an interact, a drop or a build
    on a plot near Elara: what a lost first-timer might do."""
    plots = list(zip(*[a.tolist() for a in sim.grid.buildable.nonzero()[::-1]], strict=True))
    kinds = BUILDS[sim.level.objective.kind]
    move = Move(0, 0)
    for _ in range(ticks):
        if sim.outcome != PLAYING:
            return
        if rnd.random() < 0.03:
            move = Move(rnd.choice((-1, 0, 1)), rnd.choice((-1, 0, 1)))
        cmds: list = [move]
        roll = rnd.random()
        if roll < 0.02:
            cmds.append(Interact(rnd.choice(("",) + KINDS)))
        elif roll < 0.03:
            cmds.append(Drop(rnd.choice(KINDS)))
        elif roll < 0.04 and plots:
            pos = sim.player()[1]
            me = (pos.x // 256, pos.y // 256)
            near = sorted(plots, key=lambda t: abs(t[0] - me[0]) + abs(t[1] - me[1]))[:6]
            cmds.append(Build(rnd.choice(kinds), *rnd.choice(near)))
        sim.step(cmds)


@pytest.mark.parametrize("name", LEVELS)
@pytest.mark.parametrize("seed", [1, 2])
def test_random_play_then_the_autopilot_still_wins(name, seed):
    level = load_level(CAMPAIGN_DIR / name)
    sim = Simulation(level)
    rnd = random.Random(f"{name}/{seed}")
    random_play(sim, rnd, 1800)
    pilot = pilot_for(sim)
    limit = sim.tick + 60 * 60 * 12
    while sim.outcome == PLAYING and sim.tick < limit:
        sim.step(pilot.decide())
    if sim.outcome == LOST:
        assert sim.loss_reason, "a lost level must say why"
    else:
        assert sim.outcome == WON, f"{name}: stuck at tick {sim.tick} " \
            f"(carry {sim.player()[0].carry}, stock {sim.state.stock})"
