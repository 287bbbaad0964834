"""No observer effect: asking the simulation anything between ticks (what the build
preview, the HUD and the timer do every frame) never changes a run. Every golden replay
and a random command stream on every campaign level are simulated twice, once with
every public query called at random between ticks, and must hash the same throughout."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.level import load_level
from game.sim import Simulation
from game.sim import components as c
from game.sim.civic import Civic, District
from game.sim.commands import (
    Build,
    CallWave,
    Cast,
    Interact,
    Move,
    Paint,
    Rally,
    SetEmitterMode,
    UpgradeEmitter,
)
from game.sim.swarm.components import Barrier, Emitter
from game.speedrun.campaign import campaign_levels, level_id
from game.speedrun.replay import EXTENSION
from game.speedrun.verify import read_replay

GOLDEN = Path(__file__).resolve().parent / "replays"
COMPONENTS = (c.Player, c.Position, c.WastePile, c.Structure, c.Reactor, c.Mural, c.Depot,
              c.Collector, Barrier, Emitter, District, Civic)
KINDS = ("node", "barrier", "emitter", "workshop", "nothing")
COMPARE_EVERY = 60
ASK_CHANCE = 0.2  # per gap between ticks (two gaps a tick: before and after quiet's step)


def ask_anything(sim: Simulation, rng: random.Random) -> None:
    """One to three public queries, chosen at random, with random arguments (on the
    confrontation that includes tiles where a build would cut the drones' path)."""
    w, h = sim.level.width, sim.level.height
    plots = plots_of(sim)
    for _ in range(rng.randint(1, 3)):
        what = rng.randrange(9)
        if what == 0:
            for _ in range(rng.randint(1, 6)):
                tx, ty = rng.choice(plots) if plots and rng.random() < 0.8 else (
                    rng.randrange(-1, w + 1), rng.randrange(-1, h + 1))
                sim.placement_problem(rng.choice(KINDS), tx, ty)
        elif what == 1:
            sim.missing_for(rng.choice(KINDS[:4]))
        elif what == 2:
            sim.missing_for_cost({"spark": rng.randint(0, 9), "biomass": 1})
        elif what == 3:
            sim.objective_progress()
        elif what == 4:
            sim.state_hash()
        elif what == 5:
            sim.query(*rng.sample(COMPONENTS, rng.randint(1, 2)))
        elif what == 6:
            sim.player()
        elif what == 7:
            (sim.tick, sim.outcome, sim.igt_ticks, sim.seconds())
        else:
            if sim.conf.table.spawns:  # where the preview points on level 4
                sim.placement_problem("barrier", *rng.choice(sim.conf.spawn_tiles()))


def fingerprint(sim: Simulation) -> tuple:
    """The state hash and the derived state the systems read (the drones' flow fields):
    a query may fill a memo of its own, never change these."""
    conf = sim.conf
    fields = tuple(getattr(conf, name).tobytes() for name in ("dist", "dir", "mural_of")
                   if hasattr(conf, name))
    return (sim.state_hash(), conf.field_key, conf.recomputes, fields,
            sim.grid.blocked.tobytes())


def asked_purely(sim: Simulation, rng: random.Random) -> None:
    before = fingerprint(sim)
    ask_anything(sim, rng)
    assert fingerprint(sim) == before, f"a query changed the simulation at tick {sim.tick}"


def plots_of(sim: Simulation) -> list[tuple[int, int]]:
    ys, xs = sim.grid.buildable.nonzero()
    return list(zip(xs.tolist(), ys.tolist(), strict=True))


def twin_run(level, per_tick, seed: int, carry=None, stock: dict | None = None) -> str:
    """Run `per_tick` in a quiet simulation and in one questioned between ticks."""
    quiet, asked = Simulation(level, carry=carry), Simulation(level, carry=carry)
    rng = random.Random(seed)
    try:
        for sim in (quiet, asked):
            sim.state.stock.update(stock or {})
        for tick, commands in enumerate(per_tick, 1):
            if rng.random() < ASK_CHANCE:
                asked_purely(asked, rng)
            quiet.step(commands)
            if rng.random() < ASK_CHANCE:
                asked_purely(asked, rng)
            asked.step(commands)
            if tick % COMPARE_EVERY == 0:
                assert quiet.state_hash() == asked.state_hash(), f"diverged by tick {tick}"
        assert quiet.state_hash() == asked.state_hash()
        return asked.state_hash()
    finally:
        quiet.close()
        asked.close()


@pytest.mark.parametrize("path", sorted(GOLDEN.glob(f"*{EXTENSION}")), ids=lambda p: p.stem)
def test_golden_replays_do_not_see_the_observer(path):
    replay = read_replay(path)
    level = next(load_level(p) for p in campaign_levels() if p.name == replay.header["map"]["name"])
    final = twin_run(level, replay.ticks, seed=len(replay.ticks), carry=replay.header.get("carry"))
    assert final == replay.final["state_sha256"]


def random_stream(level, rng: random.Random, ticks: int) -> list[list]:
    """Button mashing with intent: walking, building on the plots, painting, rallying,
    calling waves early, casting and tuning emitters."""
    w, h = level.width, level.height
    probe = Simulation(level)
    plots = plots_of(probe)
    probe.close()
    out: list[list] = []
    move = Move(0, 0)
    for _ in range(ticks):
        if rng.random() < 0.05:
            move = Move(rng.randint(-1, 1), rng.randint(-1, 1))
        cmds: list = [move]
        roll = rng.random()
        if roll < 0.03 and plots:
            cmds.append(Build(rng.choice(KINDS[:4]), *rng.choice(plots)))
        elif roll < 0.10:
            cmds.append(CallWave())
        elif roll < 0.12:
            cmds.append(Cast(rng.choice(("aegis", "override")), rng.randrange(w * 16),
                             rng.randrange(h * 16)))
        elif roll < 0.14:
            tx, ty = rng.choice(plots) if plots else (0, 0)
            cmds.append(rng.choice((UpgradeEmitter(tx, ty), SetEmitterMode(
                tx, ty, rng.choice(("first", "closest", "strongest"))))))
        elif roll < 0.20:
            cmds.append(rng.choice((Interact(), Paint(), Rally())))
        out.append(cmds)
    return out


@pytest.mark.parametrize("path", campaign_levels(), ids=level_id)
def test_random_streams_do_not_see_the_observer(path):
    level = load_level(path)
    rng = random.Random(level_id(path))
    per_tick = random_stream(level, rng, 1200)
    # a full stockpile so the random builds stand: barriers, emitters, upgrades, casts
    twin_run(level, per_tick, seed=7, stock={"biomass": 400, "pigment": 400, "spark": 400})


# The case that made live runs fail verify: a mural falls at the end of a tick; on the
# next tick an emitter in "first" mode orders drones by their path to a standing mural.
TWO_MURALS = [
    "####################",
    "M..................M",
    "#..................#",
    "#..P......S........#",
    "####################",
]


def _first_mode_after_a_mural_falls(ask: bool) -> list[int]:
    from tests.dronekit import put_drones, put_structure, sim_of

    sim = sim_of(TWO_MURALS, waves=1, first_wave_seconds=999)
    try:
        put_structure(sim, "emitter", 9, 2)
        put_drones(sim, [(7, 1)], hp=10)  # 6 tiles from the west mural
        put_drones(sim, [(12, 1)], hp=10)  # 6 tiles from the east mural (serial breaks ties)
        put_drones(sim, [(6, 2)], hp=10)  # 5 tiles from the west mural: "first" while it stands
        sim.conf.swarm.stun[:] = 10_000  # only targeting is measured
        sim.conf.refresh_fields({m.wall_id for _, m in sim.query(c.Mural)})
        sim.step([SetEmitterMode(9, 2, "first")])
        assert sim.conf.swarm.hp.tolist() == [10, 10, 6], "the west mural's drone first"
        while any(e.reload > 1 for _, e in sim.query(Emitter)):  # fires next tick
            sim.step([])
        for _, mural in sim.query(c.Mural):  # a sprayer's last hit: the west mural falls
            if mural.wall_id == min(m.wall_id for _, m in sim.query(c.Mural)):
                mural.health = 0
        if ask:  # the build preview hovering between ticks, biomass in hand
            sim.state.stock["biomass"] = 10
            assert sim.placement_problem("barrier", 3, 3) is None
            sim.state.stock["biomass"] = 0
        sim.step([])
        return sim.conf.swarm.hp.tolist()
    finally:
        sim.close()


def test_asking_where_to_build_never_picks_the_emitters_target():
    quiet, asked = _first_mode_after_a_mural_falls(False), _first_mode_after_a_mural_falls(True)
    assert quiet == asked
    assert quiet == [10, 6, 6], "with the west mural gone, the east one's drone is first"
