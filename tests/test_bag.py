"""Elara's bag: she chooses what goes into a node, and can put waste back on the ground
so a bag full of the wrong waste never locks a level."""

from __future__ import annotations

from test_rules import _funded, hold, sim_for

from game.sim import Build, Interact, Move
from game.sim import events as ev
from game.sim.commands import Drop, decode, encode
from game.sim.components import Reactor, WastePile
from game.sim.constants import TILE


def test_deposit_puts_in_only_the_kind_named(tmp_path):
    sim = _funded(tmp_path, ["@apo.", "...P.", "....."])
    hold(sim, Move(1, 0), 30)
    sim.step([Build("node", 3, 1)])
    sim.player()[0].carry["polymer"] = 1  # kept for the next build
    sim.step([Interact("organic")])
    assert sim.player()[0].carry == {"polymer": 1}  # the building material stays
    assert sim.query(Reactor)[0][1].queue == ["organic"] * 4
    events = sim.step([Interact("alloy")])  # none in the bag: nothing happens
    assert not [e for e in events if e.kind == ev.DEPOSITED]
    sim.step([Interact("polymer")])
    assert sim.player()[0].carry == {}


def test_a_full_bag_of_the_wrong_waste_is_not_a_dead_end(tmp_path):
    # the soft-lock of issue 10: organic and polymer fill the bag before any alloy
    sim = sim_for(tmp_path, ["@op.a.P", "......."],
                  amounts={"organic": 4, "polymer": 2, "alloy": 2})
    hold(sim, Move(1, 0), 21)  # over organic and polymer: the bag is full
    player = sim.player()[0]
    assert player.carry == {"organic": 4, "polymer": 2}
    assert sim.missing_for("node") == {"alloy": 2}
    events = sim.step([Drop("organic")])
    assert [e.kind for e in events if e.kind == ev.DROPPED] == [ev.DROPPED]
    sim.step([Drop("organic")])
    assert player.carry == {"organic": 2, "polymer": 2}
    dropped = [p for _, p in sim.query(WastePile) if p.source_id == 0]
    assert [(p.kind, p.amount, p.held) for p in dropped] == [("organic", 2, True)]
    hold(sim, None, 30)  # standing on it does not pick it up again
    assert player.carry == {"organic": 2, "polymer": 2}
    hold(sim, Move(1, 0), 14)  # on to the alloy
    assert player.carry["alloy"] == 2 and not sim.missing_for("node")
    assert not dropped[0].held  # she stepped away: it can be picked up again
    hold(sim, Move(-1, 0), 30)  # walk back over it
    assert player.carry["organic"] == 2  # the bag was full: it waits on the ground


def test_dropping_what_is_not_carried_does_nothing(tmp_path):
    sim = sim_for(tmp_path, ["@..", "..."], amounts={})
    assert not sim.step([Drop("alloy")])
    assert sim.query(WastePile) == []
    _, pos = sim.player()
    assert pos.x // TILE == 0


def test_new_commands_survive_the_replay_encoding():
    for cmd in (Interact(), Interact("polymer"), Drop("organic")):
        assert decode(encode(cmd)) == cmd
    for bad in (["d"], ["d", ""], ["d", 3], ["i", 5], ["i", ""]):
        try:
            decode(bad)
        except ValueError:
            continue
        raise AssertionError(f"{bad} decoded")
