"""The rules of the simulation, one at a time, on small purpose-built maps."""

from __future__ import annotations

import pytest
from mapkit import write_map

from game.level import load_level
from game.sim import Build, Interact, Move, Simulation
from game.sim import events as ev
from game.sim.components import Reactor, Structure, WastePile
from game.sim.constants import SUBPX, TILE

pytestmark = pytest.mark.usefixtures("toy_maps")  # one mechanic or format, on tiny maps


def sim_for(tmp_path, rows, **kw) -> Simulation:
    return Simulation(load_level(write_map(tmp_path, rows, **kw)))


def hold(sim: Simulation, command, ticks: int) -> list:
    out = []
    for _ in range(ticks):
        out += sim.step([command] if command else [])
    return out


def test_walls_stop_elara_flush_against_them(tmp_path):
    sim = sim_for(tmp_path, ["#####",
                             "#@..#",
                             "#####"])
    hold(sim, Move(1, 0), 120)
    pos = sim.player()[1]
    hw = sim.rules.hitbox_px[0] * SUBPX // 2
    assert pos.x + hw == 4 * TILE  # touching the wall at tile x=4, not inside it
    hold(sim, Move(0, -1), 60)
    hh = sim.rules.hitbox_px[1] * SUBPX // 2
    assert sim.player()[1].y - hh == 1 * TILE


def test_map_edge_is_a_wall(tmp_path):
    sim = sim_for(tmp_path, ["@.."])
    hold(sim, Move(-1, 0), 60)
    hw = sim.rules.hitbox_px[0] * SUBPX // 2
    assert sim.player()[1].x - hw == 0


def test_diagonal_is_not_faster(tmp_path):
    sim = sim_for(tmp_path, ["@......", "......."] + ["......."] * 5)
    start = sim.player()[1]
    x0, y0 = start.x, start.y
    sim.step([Move(1, 1)])
    pos = sim.player()[1]
    dist_sq = (pos.x - x0) ** 2 + (pos.y - y0) ** 2
    assert dist_sq <= sim.rules.player_speed ** 2


def test_pickup_takes_only_what_fits(tmp_path):
    sim = sim_for(tmp_path, ["@o."], amounts={"organic": 9})
    events = hold(sim, Move(1, 0), 20)
    player = sim.player()[0]
    assert player.carry == {"organic": sim.rules.player_capacity}
    piles = sim.query(WastePile)
    assert piles[0][1].amount == 9 - sim.rules.player_capacity
    collected = [e for e in events if e.kind == ev.WASTE_COLLECTED]
    assert sum(e.data["amount"] for e in collected) == sim.rules.player_capacity


def test_emptied_pile_disappears(tmp_path):
    sim = sim_for(tmp_path, ["@o."], amounts={"organic": 2})
    events = hold(sim, Move(1, 0), 20)
    assert any(e.kind == ev.PILE_EMPTIED for e in events)
    sim.step()
    assert sim.query(WastePile) == []


@pytest.mark.parametrize("rows,tile,reason", [
    (["@..", "..#", "..."], (2, 1), "not_buildable"),   # solid wall
    (["@..", "...", "..."], (2, 1), "not_buildable"),   # plain floor
    (["@..", "...", "..."], (9, 9), "out_of_map"),
    (["@P.", "...", "..."], (1, 0), "unaffordable"),
])
def test_placement_refusals(tmp_path, rows, tile, reason):
    sim = sim_for(tmp_path, rows)
    events = sim.step([Build("node", *tile)])
    refused = [e for e in events if e.kind == ev.BUILD_REFUSED]
    assert refused and refused[0].data["reason"] == reason
    assert sim.query(Structure) == []


def _funded(tmp_path, rows):
    """A sim where Elara has walked over enough scrap to afford one node."""
    sim = sim_for(tmp_path, rows, amounts={"alloy": 2, "polymer": 1, "organic": 4},
                  objective_amount=100)
    return sim


def test_build_pays_and_blocks_and_refuses_occupied(tmp_path):
    sim = _funded(tmp_path, ["@apP.",
                             ".....",
                             "....."])
    hold(sim, Move(1, 0), 14)  # over the alloy and polymer piles
    assert sim.player()[0].carry == {"alloy": 2, "polymer": 1}
    events = sim.step([Build("node", 3, 0)])
    assert [e.kind for e in events if e.kind in (ev.BUILT, ev.BUILD_REFUSED)] == [ev.BUILT]
    assert sim.player()[0].carry == {}
    again = sim.step([Build("node", 3, 0)])
    assert again[0].data["reason"] == "occupied"
    # the node blocks walking
    hold(sim, Move(1, 0), 60)
    hw = sim.rules.hitbox_px[0] * SUBPX // 2
    assert sim.player()[1].x + hw == 3 * TILE


def test_cannot_build_under_elara(tmp_path):
    sim = sim_for(tmp_path / "c", ["@aPp", "....", "...."],
                  amounts={"alloy": 2, "polymer": 1})
    hold(sim, Move(1, 0), 40)  # walks across the plot onto the polymer
    hold(sim, Move(-1, 0), 9)  # back onto the plot
    assert sim.player()[1].x // TILE == 2
    events = sim.step([Build("node", 2, 0)])
    assert events[0].data["reason"] == "occupied"


def test_deposit_then_production_over_ticks(tmp_path):
    sim = _funded(tmp_path, ["@apo.",
                             "...P.",
                             "....."])
    hold(sim, Move(1, 0), 30)  # alloy, polymer, then organic (4)
    assert sim.player()[0].carry == {"alloy": 2, "polymer": 1, "organic": 3}  # bag full
    sim.step([Build("node", 3, 1)])  # pays 3 scrap; the 4th organic now fits
    assert sim.player()[0].carry == {"organic": 4}
    events = sim.step([Interact()])
    deposited = [e for e in events if e.kind == ev.DEPOSITED]
    assert deposited and deposited[0].data["waste"] == {"organic": 4}
    assert sim.player()[0].carry == {}
    reactor = sim.query(Reactor)[0][1]
    assert reactor.queue == ["organic"] * 4
    per_unit = sim.rules.structures["node"].process_ticks
    hold(sim, None, per_unit - 2)
    assert sim.state.produced_total["biomass"] == 0
    hold(sim, None, 1)
    assert sim.state.produced_total["biomass"] >= 1  # one unit, maybe a bloom
    hold(sim, None, per_unit * 3)
    assert reactor.queue == []
    assert 4 <= sim.state.produced_total["biomass"] <= 8
    assert sim.state.stock["biomass"] == sim.state.produced_total["biomass"]


def test_interact_out_of_reach_does_nothing(tmp_path):
    sim = _funded(tmp_path, ["@apo......P",
                             "..........."])
    hold(sim, Move(1, 0), 30)
    sim.step([Build("node", 10, 0)])
    carry = dict(sim.player()[0].carry)
    events = sim.step([Interact()])
    assert not [e for e in events if e.kind == ev.DEPOSITED]
    assert sim.player()[0].carry == carry


def test_win_freezes_the_clock(tmp_path):
    sim = sim_for(tmp_path, ["@apo.", "...P.", "....."],
                  amounts={"alloy": 2, "polymer": 1, "organic": 4}, objective_amount=1)
    hold(sim, Move(1, 0), 30)
    sim.step([Build("node", 3, 1)])
    sim.step([Interact()])
    events = hold(sim, None, 200)
    won = [e for e in events if e.kind == ev.LEVEL_WON]
    assert len(won) == 1
    assert sim.outcome == "won"
    end = sim.igt_ticks
    assert end == won[0].tick
    hold(sim, None, 30)
    assert sim.igt_ticks == end and sim.tick == end
