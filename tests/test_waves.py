"""Waves spawn exactly per the map's table; calling early pays; survive wins and loses;
`check` explains wave tables that cannot work."""

from __future__ import annotations

from fractions import Fraction

from game.level.data import LevelObject
from game.level.rules import RuleCheck
from game.level.waves import exact
from game.sim.commands import CallWave
from game.sim.swarm import events as sev
from tests.dronekit import sim_of

ROWS = [
    "##############",
    "#S..........S#",
    "#............#",
    "#.....MG.....#",
    "##############",
]
# Objects are numbered row by row: the spawns are 1 (west) and 2 (east).
GROUPS = [
    # every spawn, every wave: 2, 2, 3, 3, 4, 4 (+ floor(n/2)), at most 4
    {"drone": "scout", "count": 2, "scaling": 0.5, "max": 4},
    # west only, waves 2, 4, 6 (spacing 2): 1, 3, 5 -> max 4
    {"drone": "sprayer", "spawn": 1, "first_wave": 2, "spacing": 2, "count": 1,
     "scaling": 2.0, "max": 4, "shields": 1, "shield_scaling": 2},
    # east only, waves 3..4
    {"drone": "heavy", "spawn": 2, "first_wave": 3, "last_wave": 4, "count": 1,
     "scaling": 0.0},
]
# Counted by hand: per wave, drones of each type over both spawns.
BY_HAND = {
    1: {"scout": 4},
    2: {"scout": 4, "sprayer": 1},
    3: {"scout": 6, "heavy": 1},
    4: {"scout": 6, "sprayer": 3, "heavy": 1},
    5: {"scout": 8},
    6: {"scout": 8, "sprayer": 4},
}


def _sim(**kw):
    return sim_of(ROWS, groups=GROUPS, waves=6, first_wave_seconds=1,
                  wave_interval_seconds=20, mural_health=10_000, **kw)


def test_the_table_matches_the_hand_count():
    sim = _sim()
    assert [sim.conf.table.makeup(w) for w in range(1, 7)] == [BY_HAND[w] for w in
                                                                range(1, 7)]
    sprayer = sim.conf.table.groups[1]
    assert [sprayer.hp_bonus(w) for w in (2, 4, 6)] == [1, 3, 5]


def test_waves_spawn_exactly_those_drones():
    sim = _sim()
    seen: dict[int, dict[str, int]] = {}
    started = []
    names = ("scout", "sprayer", "heavy", "jammer")
    for _ in range(60 * 20 * 6 + 200):
        before = sim.conf.swarm.next_serial
        events = sim.step([])
        started += [e.data["wave"] for e in events if e.kind == sev.WAVE_STARTED]
        new = sim.conf.swarm.kind[sim.conf.swarm.serial >= before]
        if started:
            bag = seen.setdefault(started[-1], {})
            for code in new.tolist():
                bag[names[code]] = bag.get(names[code], 0) + 1
        sim.conf.swarm.hp[:] = 0  # clear each tick so waves never overlap in the count
    assert started == [1, 2, 3, 4, 5, 6]
    assert seen == BY_HAND


def test_scaling_is_exact_decimal_arithmetic():
    assert exact(0.29) == Fraction(29, 100)
    sim = sim_of(ROWS, groups=[{"drone": "scout", "count": 1, "scaling": 0.29,
                                "max": 1000}], waves=200)
    group = sim.conf.table.groups[0]
    # 100 × 0.29 is 28.999999999999996 in floats; the table says 29
    assert group.count_in(101) == 1 + 29


def test_calling_a_wave_early_pays_for_the_time_skipped():
    sim = _sim()
    for _ in range(60):  # wave 1 starts at tick 60
        sim.step([])
    assert sim.conf.wave == 1
    events = sim.step([CallWave()])
    skipped = sim.conf.table.interval - 1
    per = sim.conf.rules.early_bonus_ticks_per_unit
    started = [e for e in events if e.kind == sev.WAVE_STARTED][0]
    assert started.data == {"wave": 2, "makeup": BY_HAND[2], "early": True,
                            "bonus": skipped // per, "dialogue": "wave_2"}
    assert sim.state.stock["spark"] == skipped // per


def test_survive_is_won_when_the_last_wave_is_cleared():
    sim = _sim()
    while sim.outcome == "playing" and sim.tick < 60 * 200:
        sim.conf.swarm.hp[:] = 0
        sim.step([CallWave()] if not len(sim.conf.swarm) else [])
    assert sim.outcome == "won"
    assert sim.objective_progress().done == 6


def test_survive_is_lost_when_every_mural_falls():
    sim = sim_of(ROWS, groups=GROUPS, waves=6, mural_health=5)
    while sim.outcome == "playing" and sim.tick < 60 * 200:
        sim.step([])
    assert sim.outcome == "lost"


def _rules_for(groups: list[dict], waves: int, spawn_first: int = 1) -> list[str]:
    from game.level.schema import OBJECT_CLASSES

    def obj(oid, cls, **props):
        base = {n: s.default for n, s in OBJECT_CLASSES[cls].props.items()}
        return LevelObject(oid, "", cls, 16, 16, 16, 16, {**base, **props})

    by_cls = {"DroneSpawn": [obj(1, "DroneSpawn", first_wave=spawn_first)],
              "WaveGroup": [obj(10 + i, "WaveGroup", **g) for i, g in enumerate(groups)]}
    rules = RuleCheck("m.tmx")
    from game.level.waves_check import check_waves

    check_waves(rules, by_cls, {"wave_count": waves, "objective": "survive"})
    return [p.message for p in rules.problems]


def test_check_explains_empty_waves_and_unused_groups():
    assert _rules_for([{"count": 2}], 3) == []
    msgs = _rules_for([{"count": 2, "spacing": 2}], 4)
    assert msgs == ["wave 2, 4 brings no drones"]
    msgs = _rules_for([{"count": 2}, {"count": 1, "first_wave": 9}], 4)
    assert msgs == ["this WaveGroup sends no drones in waves 1–4"]
    assert _rules_for([{"count": 2}], 0) == [
        "the objective is survive but wave_count is 0"]


def test_check_refuses_a_wave_too_big_and_the_game_caps_it():
    groups = [{"count": 10000, "max": 10000}, {"count": 10000, "max": 10000},
              {"count": 10000, "max": 10000}]
    msgs = _rules_for(groups, 1)
    assert msgs and msgs[0].startswith("wave 1 brings 30000 drones")
    sim = sim_of(ROWS, groups=groups, waves=1)
    sim.step([])
    sim.step([])
    assert sim.conf.pending() + len(sim.conf.swarm) <= sim.conf.rules.max_wave_drones
