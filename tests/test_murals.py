"""Painting murals: each stage costs pigment when begun and takes time at the wall."""

from __future__ import annotations

import pytest

from game.content.balance import DEFAULT_BALANCE
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.sim import Simulation
from game.sim import events as ev
from game.sim.commands import Move, Paint, Rally, decode, encode
from game.sim.components import Mural, Position
from game.sim.constants import TILE

CIVIC = DEFAULT_BALANCE.civic

LEVEL3 = CAMPAIGN_DIR / "03_the_mural.tmx"


@pytest.fixture
def sim():
    s = Simulation(load_level(LEVEL3))
    yield s
    s.close()


def stand_at(sim: Simulation, wall_id: int) -> Mural:
    """Put Elara on the tile in front of a mural wall; returns the mural."""
    for _, (mural, pos) in sim.query(Mural, Position):
        if mural.wall_id == wall_id:
            player_pos = sim.player()[1]
            player_pos.x, player_pos.y = pos.x, (pos.y // TILE + 1) * TILE + TILE // 2
            return mural
    raise AssertionError(wall_id)


def first_wall(sim: Simulation) -> int:
    return sim.query(Mural)[0][1].wall_id


def test_each_stage_costs_pigment_and_takes_time(sim):
    mural = stand_at(sim, first_wall(sim))
    sim.state.stock["pigment"] = 20
    for stage in (1, 2, 3):
        before = sim.state.stock["pigment"]
        for _ in range(CIVIC.paint_ticks[stage - 1] - 1):
            sim.step([Paint()])
        assert mural.stage == stage - 1, "a stage takes its full time"
        events = sim.step([Paint()])
        assert mural.stage == stage and mural.paint_progress == 0
        assert [e.data["stage"] for e in events if e.kind == ev.MURAL_PAINTED] == [stage]
        assert sim.state.stock["pigment"] == before - CIVIC.paint_cost[stage - 1]
    events = sim.step([Paint()])
    assert any(e.kind == ev.PAINT_REFUSED and e.data["reason"] == "finished" for e in events)


def test_no_pigment_no_paint_and_progress_waits_for_elara(sim):
    mural = stand_at(sim, first_wall(sim))
    events = sim.step([Paint()])
    assert mural.paint_progress == 0
    assert any(e.kind == ev.PAINT_REFUSED and e.data["reason"] == "no_pigment" for e in events)
    sim.state.stock["pigment"] = CIVIC.paint_cost[0]
    for _ in range(10):
        sim.step([Paint()])
    assert mural.paint_progress == 10 and sim.state.stock["pigment"] == 0
    for _ in range(40):  # she walks away: the paid stage keeps its progress
        sim.step([Move(0, 1)])
    sim.step([Paint()])
    assert mural.paint_progress == 10, "out of reach: no painting"


def test_paint_and_rally_survive_the_replay_encoding():
    for cmd in (Paint(), Rally()):
        assert decode(encode(cmd)) == cmd
    with pytest.raises(ValueError):
        decode(["p", 1])


def test_dax_joins_when_the_first_sketch_is_finished(sim):
    stand_at(sim, first_wall(sim))
    sim.state.stock["pigment"] = CIVIC.paint_cost[0]
    joined = []
    for _ in range(CIVIC.paint_ticks[0]):
        joined += [e for e in sim.step([Paint()]) if e.kind == ev.DAX_JOINED]
    assert len(joined) == 1 and joined[0].data["dialogue"] == "dax_joins"
    assert not any(e.kind == ev.RALLY_REFUSED for e in sim.step([Rally()]))
