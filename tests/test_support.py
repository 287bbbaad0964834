"""Support: rises near murals, falls with smears, Rally counters and boosts (cooldown),
the `support` judge, carry-in, determinism."""

from __future__ import annotations

import numpy as np
import pytest

from game.content.balance import DEFAULT_BALANCE
from game.content.civic import PERCENT
from game.dev.bot import play_to_win
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.sim import Simulation
from game.sim import events as ev
from game.sim.civic import Artisan, Civic, District
from game.sim.civic_setup import CarryIn, apply_carry_in
from game.sim.commands import Rally
from game.sim.components import Mural, Position
from game.sim.constants import TICK_RATE, TILE
from game.sim.support import build_layout, influence_field

CIVIC = DEFAULT_BALANCE.civic

LEVEL3 = CAMPAIGN_DIR / "03_the_mural.tmx"


@pytest.fixture
def level():
    return load_level(LEVEL3)


def supports(sim: Simulation) -> list[int]:
    return [d.support for _, d in sim.query(District)]


def district_of(level, pos: Position) -> int:
    return int(build_layout(level).index[pos.y // TILE, pos.x // TILE])


def test_districts_come_from_the_map(level):
    layout = build_layout(level)
    assert layout.names == ("Canal Row", "Market Steps", "Tower Yards")
    assert int(layout.counts.sum()) == level.width * level.height
    sim = Simulation(level)
    assert supports(sim) == [15 * PERCENT, 20 * PERCENT, 10 * PERCENT]


def test_influence_is_a_cone_that_grows_with_the_stage(level):
    sim = Simulation(level)
    (_, (mural, pos)) = sim.query(Mural, Position)[0]
    fields = []
    for stage in range(4):
        mural.stage = stage
        fields.append(influence_field((level.height, level.width), [(mural, pos)],
                                      CIVIC.influence))
    assert fields[0].sum() == 0
    assert fields[1].sum() < fields[2].sum() < fields[3].sum()
    f = fields[3]
    my, mx = pos.y // TILE, pos.x // TILE
    assert f[my, mx] == f.max() and f.dtype == np.int32
    assert f[my, mx + mural.radius] == 0, "nothing beyond the radius"


def test_support_rises_only_where_murals_are(level):
    sim = Simulation(level)
    (_, (mural, pos)) = sim.query(Mural, Position)[0]
    mural.stage = 2
    home = district_of(level, pos)
    before = supports(sim)
    for _ in range(20 * TICK_RATE):
        sim.step([])
    after = supports(sim)
    gains = [a - b for a, b in zip(after, before, strict=True)]
    assert gains[home] > 5 * PERCENT
    assert all(g <= gains[home] // 4 for i, g in enumerate(gains) if i != home)


def run_until(sim: Simulation, kind: str, limit: int = 120 * TICK_RATE) -> ev.Event:
    while sim.tick < limit:
        for e in sim.step([]):
            if e.kind == kind:
                return e
    raise AssertionError(f"no {kind} in {limit} ticks")


def test_a_smear_is_announced_then_drains_its_district(level):
    sim = Simulation(level)
    warning = run_until(sim, ev.SMEAR_WARNING)
    assert warning.data["at"] - warning.tick == CIVIC.smear_warning
    assert warning.data["at"] == level.properties["smear_first_seconds"] * TICK_RATE
    started = run_until(sim, ev.SMEAR_STARTED)
    target = started.data["district"]
    assert target == warning.data["district"]
    before = supports(sim)[target]
    for _ in range(CIVIC.smear_ticks):
        sim.step([])
    assert supports(sim)[target] == max(0, before - CIVIC.smear_drain * CIVIC.smear_ticks)


def test_smear_targets_come_from_the_seed(level):
    def targets(seed: int) -> list[int]:
        sim = Simulation(level, seed)
        events = sim.run([[]] * (200 * TICK_RATE))
        return [e.data["district"] for e in events if e.kind == ev.SMEAR_WARNING]

    assert targets(5) == targets(5)
    assert len({tuple(targets(s)) for s in range(6)}) > 1


def test_rally_is_locked_until_dax_joins_then_counters_and_cools_down(level):
    sim = Simulation(level)
    events = sim.step([Rally()])
    assert [e.data["reason"] for e in events if e.kind == ev.RALLY_REFUSED] == ["locked"]
    warning = run_until(sim, ev.SMEAR_WARNING)
    target = warning.data["district"]
    before = supports(sim)[target]
    events = sim.step([Rally()])
    kinds = [e.kind for e in events]
    assert ev.SMEAR_COUNTERED in kinds and ev.RALLIED in kinds
    assert supports(sim)[target] >= before + CIVIC.rally_boost - PERCENT
    events = sim.step([Rally()])
    assert [e.data["reason"] for e in events if e.kind == ev.RALLY_REFUSED] == ["cooldown"]
    civic = sim.query(Civic)[0][1]
    assert civic.next_smear == 0, "the countered smear never lands"
    for _ in range(CIVIC.rally_cooldown):
        sim.step([])
    assert any(e.kind == ev.RALLIED for e in sim.step([Rally()]))


def test_support_objective_is_judged_on_the_city_mean(level):
    sim = Simulation(level)
    for _, d in sim.query(District):
        d.support = 60 * PERCENT
    progress = sim.objective_progress()
    assert progress.met and progress.needed == level.objective.amount == 60
    events = sim.step([])
    assert sim.outcome == "won" and any(e.kind == ev.LEVEL_WON for e in events)


def test_reaching_the_rally_threshold_sends_a_volunteer(level):
    sim = Simulation(level)
    d = sim.query(District)[0][1]
    d.support = d.rally_threshold
    events = sim.step([])
    assert any(e.kind == ev.DISTRICT_RALLIED for e in events)
    (_, (_, pos)), = sim.query(Artisan, Position)
    assert not sim.grid.is_blocked(pos.x // TILE, pos.y // TILE)


def test_carry_in_starts_from_earlier_support_murals_and_volunteers(level):
    sim = Simulation(level)
    wall = sim.query(Mural)[0][1].wall_id
    apply_carry_in(CarryIn(support={"Canal Row": 45, "*": 30}, murals={wall: 2},
                           volunteers=2, rally=True))
    assert supports(sim) == [45 * PERCENT, 30 * PERCENT, 30 * PERCENT]
    assert sim.query(Mural)[0][1].stage == 2
    assert len(sim.query(Artisan)) == 2
    assert sim.query(Civic)[0][1].rally_unlocked
    assert not any(e.kind == ev.RALLY_REFUSED for e in sim.step([Rally()]))


def test_level3_is_deterministic_and_won_by_the_autopilot(level):
    sim = Simulation(level)
    log = play_to_win(sim)
    assert sim.outcome == "won"
    again = Simulation(level)
    again.run(log)
    assert again.outcome == "won" and again.igt_ticks == sim.igt_ticks
    assert again.state_hash() == sim.state_hash()


def test_the_campaign_carry_dict_becomes_reputation_volunteers_and_dax(level):
    from game.sim.civic_setup import MAX_BONUS, apply_campaign_carry

    carry = CarryIn.from_campaign({"stock": {"pigment": 4}, "murals": [3, 2, 2, 1],
                                   "volunteers": 3})
    assert carry == CarryIn(volunteers=3, rally=True, support_bonus=8)
    assert CarryIn.from_campaign({"murals": [3] * 20}).support_bonus == MAX_BONUS
    assert CarryIn.from_campaign({"volunteers": "lots", "murals": "x"}) == CarryIn()
    sim = Simulation(level)
    start = supports(sim)
    apply_campaign_carry({"murals": [2, 2], "volunteers": 2})
    assert supports(sim) == [s + 4 * PERCENT for s in start]
    assert len(sim.query(Artisan)) == 2 and sim.query(Civic)[0][1].rally_unlocked
    log = [[] for _ in range(600)]
    a, b = Simulation(level), Simulation(level)
    for s in (a, b):
        s.step([])  # the carry is applied before the first tick in the campaign; any
        apply_campaign_carry({"murals": [1], "volunteers": 1})  # world: the same result
    a.run(log)
    b.run(log)
    assert a.state_hash() == b.state_hash()


def test_a_mural_naming_its_district_lifts_only_that_one(level):
    from dataclasses import replace

    sim = Simulation(level)
    layout = build_layout(level)
    # the wall near the Canal Row / Market Steps border, in Market Steps
    mural, pos = next((m, p) for _, (m, p) in sim.query(Mural, Position)
                      if layout.index[p.y // TILE, p.x // TILE] == 1 and p.x // TILE < 20)
    mural.stage = 3
    free = layout.field([(mural, pos)], CIVIC.influence)
    assert free[layout.index == 0].any(), "unnamed, it spills over the border"
    wall = next(o for o in level.objects_of("MuralWall") if o.id == mural.wall_id)
    named = replace(level, objects=tuple(
        replace(o, properties={**o.properties, "district": "Market Steps"}) if o is wall
        else o for o in level.objects))
    only = build_layout(named)
    assert only.only == {mural.wall_id: 1}
    fenced = only.field([(mural, pos)], CIVIC.influence)
    assert fenced.sum() > 0 and not fenced[layout.index != 1].any()


def test_a_fallen_mural_stops_lifting_support(level):
    sim = Simulation(level)
    layout = build_layout(level)
    (_, (mural, pos)) = sim.query(Mural, Position)[0]
    mural.stage = 2
    murals = [(mural, pos)]
    assert layout.field(murals, CIVIC.influence).sum() > 0
    mural.health = 0  # the drones' work (level 4)
    assert layout.field(murals, CIVIC.influence).sum() == 0
