"""Drone swarm: flow field, shortest paths, rerouting, refusals, barriers, determinism."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from game.sim import events as ev
from game.sim.commands import Build
from game.sim.pathing import UNREACHED, distance_field
from game.sim.swarm import events as sev
from game.sim.swarm.flowfield import step_field
from tests.dronekit import put_drones, put_structure, sim_of, tile_of

ROOT = Path(__file__).resolve().parent.parent

# Two ways from S to the mural M: the short one along row 1 (a plot on it), the long one
# round the bottom.
TWO_WAYS = [
    "##########",
    "#S..P...M#",
    "#.######.#",
    "#.######.#",
    "#........#",
    "##########",
]


def test_distance_field_matches_a_hand_count():
    walk = np.array([[c != "#" for c in row] for row in TWO_WAYS])
    src = np.zeros_like(walk)
    src[1, 7] = True
    dist = distance_field(walk, src)
    assert dist[1, 1] == 6  # straight along row 1
    assert dist[4, 1] == 6 + 3 - 2 + 2  # down the left side: (4,1) is 3 below (1,1)...
    assert dist[0, 0] == UNREACHED
    step = step_field(dist)
    assert step[1, 1] == 2  # east


def _walk(sim, ticks: int) -> list[tuple[int, int]]:
    seen: list[tuple[int, int]] = []
    for _ in range(ticks):
        sim.step([])
        if not len(sim.conf.swarm):
            break
        tile = tile_of(sim)
        if not seen or seen[-1] != tile:
            seen.append(tile)
    return seen


def test_a_drone_reaches_the_mural_along_the_shortest_open_path():
    sim = sim_of(TWO_WAYS)
    sim.step([])
    put_drones(sim, [(1, 1)])
    seen = _walk(sim, 300)
    assert seen == [(x, 1) for x in range(1, 8)]  # along row 1 only: 6 steps, the minimum
    assert sim.objective_progress().failed is False


def test_a_new_barrier_reroutes_them_and_the_field_is_rebuilt_only_then():
    sim = sim_of(TWO_WAYS, waves=1, first_wave_seconds=999)
    sim.state.stock["biomass"] = 10
    sim.step([])
    assert sim.conf.recomputes == 1
    for _ in range(30):
        sim.step([])
    assert sim.conf.recomputes == 1  # nothing changed: no rebuild
    events = sim.step([Build("barrier", 4, 1)])
    assert [e.kind for e in events if e.kind == ev.BUILT] == [ev.BUILT]
    assert sim.conf.recomputes == 2
    put_drones(sim, [(1, 1)])
    seen = _walk(sim, 1200)
    assert (1, 4) in seen and (8, 4) in seen and (4, 1) not in seen
    assert seen[-1] in {(8, 2), (8, 1), (7, 1)}


SEALED = [
    "#######",
    "#S.P.M#",
    "#######",
]


def test_a_placement_that_cuts_every_path_is_refused():
    sim = sim_of(SEALED + ["#######"])
    sim.state.stock["biomass"] = 10
    events = sim.step([Build("barrier", 3, 1)])
    refused = [e for e in events if e.kind == ev.BUILD_REFUSED]
    assert refused and refused[0].data["reason"] == "cuts_path"
    assert not sim.grid.blocked[1, 3]
    assert sim.state.stock["biomass"] == 10  # nothing paid


def test_a_placement_on_drones_is_refused():
    sim = sim_of(TWO_WAYS)
    sim.state.stock["biomass"] = 10
    put_drones(sim, [(4, 1)])
    assert sim.placement_problem("barrier", 4, 1) == "drones_there"


def test_blocked_drones_attack_the_barrier_and_walk_on_once_it_breaks():
    sim = sim_of(SEALED)
    sim.step([])
    put_structure(sim, "barrier", 3, 1)  # sealed anyway (placed past the rules)
    put_drones(sim, [(1, 1)] * 3)
    hits, broken, ticks = 0, False, 0
    while not broken and ticks < 3000:
        ticks += 1
        for e in sim.step([]):
            hits += e.kind == sev.BARRIER_HIT
            broken |= e.kind == sev.BARRIER_DESTROYED
    assert broken and hits > 1
    assert not sim.grid.blocked[1, 3]
    _walk(sim, 300)
    assert tile_of(sim) == (4, 1)  # at the mural now


def test_heavies_break_barriers_instead_of_walking_round():
    sim = sim_of(TWO_WAYS)
    sim.step([])
    put_structure(sim, "barrier", 4, 1)
    put_drones(sim, [(1, 1)], kind="heavy")
    seen = _walk(sim, 900)
    assert (4, 1) in seen and (1, 4) not in seen  # through the barrier, not round it
    assert not sim.grid.blocked[1, 4] and seen[-1] == (7, 1)


WAVES = [
    "################",
    "#S............S#",
    "#..##..P...##..#",
    "#..##......##..#",
    "#......MG......#",
    "################",
]
GROUPS = [{"drone": "scout", "count": 5, "scaling": 1.5, "max": 30},
          {"drone": "heavy", "first_wave": 2, "count": 1},
          {"drone": "jammer", "first_wave": 2, "count": 2, "spacing": 2}]


def _hash_after(ticks: int) -> str:
    from game.sim.commands import Cast

    sim = sim_of(WAVES, groups=GROUPS, waves=4, wave_interval_seconds=4,
                 mural_health=400)
    sim.state.stock.update(spark=20, biomass=20)
    for t in range(ticks):
        cmds = []
        if t == 10:
            cmds = [Build("emitter", 7, 2)]
        elif t == 400:
            cmds = [Cast("override", 120, 40)]
        sim.step(cmds)
    assert len(sim.conf.swarm) or sim.conf.swarm.next_serial
    return sim.state_hash()


def test_same_seed_and_commands_give_the_same_hash_with_drones():
    assert _hash_after(700) == _hash_after(700)


def test_the_hash_agrees_in_a_fresh_process_with_another_hash_seed():
    code = "from tests.test_drones import _hash_after; print(_hash_after(700))"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == _hash_after(700)


def test_the_drone_bench_and_its_naive_baseline_run():
    from game.dev.bench_drones import bench_sim, emitter_tiles
    from game.dev.bench_naive import NaiveSwarm

    sim = bench_sim(300)
    assert len(sim.conf.swarm) == 300 and len(emitter_tiles(sim)) == 12
    for _ in range(5):
        sim.step([])
    naive = NaiveSwarm(sim.conf, emitter_tiles(sim))
    for _ in range(3):
        naive.step()
    naive.close()
    sim.close()


def test_a_drone_walled_in_for_good_powers_down():
    rows = ["#########",
            "#S.....M#",
            "#########",
            "#.#######",
            "#########"]
    sim = sim_of(rows, waves=1, first_wave_seconds=999)
    put_drones(sim, [(1, 3)])  # a closed cell: no way to any mural, not even by breaking
    events = sim.step([])
    assert not len(sim.conf.swarm)
    assert any(e.kind == sev.DRONES_DOWN for e in events)
