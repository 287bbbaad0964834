"""The swarm's rules (version 0.2): an emitter's pulse arcs through the drones bunched
around its target and counts its hits, downed drones leave salvage, defences can be
sold for part of their cost, and a swarm pours out of its spawn in seconds."""

from __future__ import annotations

from game.sim.commands import Sell, UpgradeEmitter, decode, encode
from game.sim.swarm import events as sev
from game.sim.swarm.components import Barrier, Emitter
from tests.dronekit import put_drones, put_structure, sim_of

HALL = [
    "####################",
    "#..................M",
    "#..................#",
    "#..................#",
    "####################",
]


def _hall(**kw):
    sim = sim_of(HALL, waves=1, first_wave_seconds=999, **kw)
    sim.conf.refresh_fields({1})
    return sim


def _emitter(sim):
    return sim.query(Emitter)[0][1]


def test_a_pulse_strikes_every_drone_bunched_around_its_target_and_counts_hits():
    sim = _hall()
    put_structure(sim, "emitter", 9, 2)
    put_drones(sim, [(10, 2), (10, 2), (10, 2)], hp=100)  # one tile: within the splash
    put_drones(sim, [(5, 2)], hp=100)  # in range, far from the target
    sim.conf.swarm.stun[:] = 10_000
    sim.step([])
    damage = sim.conf.rules.emitter_levels[0].damage
    assert sim.conf.swarm.hp.tolist() == [100 - damage] * 3 + [100]
    assert _emitter(sim).hits == 3


def test_downed_drones_leave_salvage_spark():
    sim = _hall()
    per = sim.conf.rules.salvage_drones
    spark0 = sim.state.stock["spark"]
    put_drones(sim, [(3, 2)] * (2 * per + 1), hp=0)  # already spent: removed this tick
    sim.step([])
    assert sim.state.stock["spark"] == spark0 + 2
    assert sim.conf.salvage == 1


def test_selling_gives_back_part_of_the_cost_upgrades_included_and_frees_the_tile():
    sim = _hall()
    put_structure(sim, "barrier", 5, 1)
    put_structure(sim, "emitter", 9, 2)
    assert sim.conf.barrier_mask[1, 5] and sim.grid.blocked[1, 5]
    sim.state.stock.update(spark=10, biomass=0)
    sim.step([UpgradeEmitter(9, 2)])
    spark = sim.state.stock["spark"]
    events = sim.step([Sell(9, 2), Sell(5, 1)])
    sold = [e.data for e in events if e.kind == sev.SOLD]
    pct = sim.conf.rules.sell_percent
    paid_spark = sim.rules.cost_of("emitter")["spark"] + dict(sim.conf.rules.upgrade_cost)["spark"]
    assert [d["kind"] for d in sold] == ["emitter", "barrier"]
    assert sold[0]["refund"]["spark"] == paid_spark * pct // 100
    assert sim.state.stock["spark"] == spark + paid_spark * pct // 100
    assert sim.state.stock["biomass"] == sim.rules.cost_of("barrier")["biomass"] * pct // 100
    assert not sim.query(Emitter) and not sim.query(Barrier)
    assert not sim.conf.barrier_mask[1, 5] and not sim.grid.blocked[1, 5]
    assert not sim.grid.occupied[2, 9]


def test_selling_nothing_or_a_node_is_refused():
    sim = _hall()
    put_structure(sim, "node", 4, 3)
    events = sim.step([Sell(7, 2), Sell(4, 3)])
    refused = [e for e in events if e.kind == sev.ABILITY_REFUSED]
    assert len(refused) == 2 and refused[0].data["ability"] == "sell"
    assert sim.grid.occupied[3, 4]  # the node stands


def test_sell_encodes_and_decodes():
    assert decode(encode(Sell(3, 4))) == Sell(3, 4)
    assert encode(Sell(3, 4)) == ["s", 3, 4]


def test_a_swarm_pours_out_faster_than_a_file():
    sim = sim_of(["S" + row[1:] if i == 2 else row for i, row in enumerate(HALL)],
                 waves=1, first_wave_seconds=999, mural_health=100_000)
    rules = sim.conf.rules
    big = 4 * rules.swarm_release
    sim.conf.queue[0].extend([(0, 3)] * big)
    sim.conf.release = [1 + big // rules.swarm_release]  # as start_wave sets it
    released = 0
    while sim.conf.pending() and sim.tick < 10_000:
        sim.step([])
        released += 1
    # a file would need `big` releases; the swarm needs far fewer ticks than that
    assert released <= big * rules.spawn_interval // 4
