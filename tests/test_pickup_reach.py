"""Pickup reach: a pile her sprite stands over is picked up without another step, a pile
behind a wall never is, and what she just dropped still waits until she steps away."""

from __future__ import annotations

import pytest
from test_rules import hold, sim_for

from game.sim import Move
from game.sim.commands import Drop
from game.sim.components import WastePile
from game.sim.constants import SUBPX

pytestmark = pytest.mark.usefixtures("toy_maps")  # one mechanic, on tiny maps


def _pile(sim, kind: str) -> WastePile | None:
    return next((p for _, p in sim.query(WastePile) if p.kind == kind), None)


def test_room_made_under_a_pile_she_stands_over_takes_it_without_a_step(tmp_path):
    # the playtest report: her bag full, she walks the row below a pile and stops with
    # her body over it; room is made (a drop) and she must take it there and then
    sim = sim_for(tmp_path, ["...a.",
                             "@o...",
                             "....."], amounts={"organic": 6, "alloy": 2})
    hold(sim, Move(1, 0), 32)  # 48 px: right under the alloy, 16 px below its centre
    player, pos = sim.player()
    alloy = _pile(sim, "alloy")
    assert player.carry == {"organic": 6}  # full: the alloy waited
    assert (pos.x - (3 * 16 + 8) * SUBPX, pos.y - (0 * 16 + 8) * SUBPX) == (0, 16 * SUBPX)
    sim.step([Drop("organic")])  # room for one; no step
    assert player.carry == {"organic": 5, "alloy": 1}
    assert alloy.amount == 1
    assert _pile(sim, "organic").held  # what she dropped stays on the ground
    hold(sim, None, 30)
    assert player.carry == {"organic": 5, "alloy": 1}


def test_walking_the_row_below_a_pile_picks_it_up_and_the_row_above_does_not(tmp_path):
    # below, her body passes over the pile; above, she walks behind it
    sim = sim_for(tmp_path, ["..p..",
                             "@....",
                             "..o.."], amounts={"polymer": 2, "organic": 2})
    hold(sim, Move(1, 0), 40)
    assert sim.player()[0].carry == {"polymer": 2}
    assert _pile(sim, "organic").amount == 2


def test_a_pile_beside_her_is_taken_at_12_px_not_13(tmp_path):
    sim = sim_for(tmp_path, ["@.o.."], amounts={"organic": 2})
    _, pos = sim.player()
    pile_x = (2 * 16 + 8) * SUBPX
    hold(sim, Move(1, 0), 12)  # 18 px on: 14 px from the pile
    for _ in range(4):  # then a sub-pixel at a time, as only a test can
        pos.x += SUBPX // 2
        sim.step()
        assert (sim.player()[0].carry == {}) == (pile_x - pos.x > 12 * SUBPX)


def test_a_pile_behind_a_wall_corner_is_out_of_reach(tmp_path):
    # pressed into the corner her feet are 13 px across and 11 px down from the pile
    sim = sim_for(tmp_path, ["o#..",
                             "#...",
                             "..@."], amounts={"organic": 3})
    hold(sim, Move(-1, -1), 60)
    _, pos = sim.player()
    assert (pos.x // SUBPX, pos.y // SUBPX) == (21, 19)  # flush against both walls
    assert sim.player()[0].carry == {}
    assert _pile(sim, "organic").amount == 3


def test_a_pile_she_dropped_waits_until_she_steps_away(tmp_path):
    sim = sim_for(tmp_path, ["@o....",
                             "......"], amounts={"organic": 2})
    hold(sim, Move(1, 0), 11)  # onto the pile: 16 px
    player, _ = sim.player()
    assert player.carry == {"organic": 2}
    sim.step([Drop("organic")])
    dropped = _pile(sim, "organic")
    assert dropped.held and player.carry == {"organic": 1}
    hold(sim, None, 30)  # standing on it: it waits
    hold(sim, Move(1, 0), 6)  # 9 px on: still beside it
    assert dropped.held and player.carry == {"organic": 1}
    hold(sim, Move(1, 0), 8)  # 21 px: stepped away
    assert not dropped.held
    hold(sim, Move(-1, 0), 14)  # back over it
    assert player.carry == {"organic": 2}
