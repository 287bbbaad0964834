"""Emitters (range, targeting modes, upgrades, jammers) and Kora's Aegis and Override."""

from __future__ import annotations

from game.sim.commands import Cast, SetEmitterMode, UpgradeEmitter, decode, encode
from game.sim.components import Mural
from game.sim.constants import TILE
from game.sim.swarm import events as sev
from game.sim.swarm.components import Emitter
from tests.dronekit import put_drones, put_structure, sim_of

# A long hall; the mural at the east end, an emitter in the middle of the north wall.
HALL = [
    "####################",
    "#..................M",
    "#..................#",
    "#..................#",
    "####################",
]


def _hall(**kw):
    sim = sim_of(HALL, waves=1, first_wave_seconds=999, **kw)
    put_structure(sim, "emitter", 9, 2)
    sim.conf.refresh_fields({1})
    return sim


def _frozen(sim):
    """Drones that cannot move this test (stunned long), so only targeting is measured."""
    sim.conf.swarm.stun[:] = 10_000


def _zaps(events):
    return [e for e in events if e.kind == sev.ZAP]


def test_emitters_only_reach_drones_in_range():
    sim = _hall()
    reach = sim.conf.rules.emitter_levels[0].range_px // 16  # tiles
    put_drones(sim, [(9 - reach - 1, 2)])  # just outside
    _frozen(sim)
    assert not _zaps(sim.step([]))
    put_drones(sim, [(9 - reach + 1, 2)])  # inside
    _frozen(sim)
    zaps = _zaps(sim.step([]))
    assert len(zaps) == 1 and zaps[0].data["x1"] == (9 - reach + 1) * 16 + 8


def _pick(mode: str) -> int:
    """Which of three drones the emitter zaps: 0 right under it, 1 nearest the mural
    along the path, 2 the strongest."""
    sim = _hall()
    put_drones(sim, [(9, 3)], hp=10)
    put_drones(sim, [(11, 1)], hp=10)
    put_drones(sim, [(7, 1)], kind="heavy", hp=50)
    _frozen(sim)
    sim.step([SetEmitterMode(9, 2, mode)])
    hit = [i for i, (now, was) in enumerate(zip(sim.conf.swarm.hp.tolist(), [10, 10, 50],
                                                 strict=True)) if now != was]
    assert len(hit) == 1
    return hit[0]


def test_targeting_modes_pick_first_closest_and_strongest():
    assert _pick("closest") == 0
    assert _pick("first") == 1
    assert _pick("strongest") == 2


def test_an_upgrade_costs_spark_and_reaches_further():
    sim = _hall()
    sim.state.stock["spark"] = 2
    put_drones(sim, [(4, 2)])
    levels = sim.conf.rules.emitter_levels
    gap = (levels[0].range_px + levels[1].range_px) // 2  # px: out of reach, then in
    sim.conf.swarm.x[0] = (9 * 16 + 8 - gap) * 16
    _frozen(sim)
    assert not _zaps(sim.step([]))
    events = sim.step([UpgradeEmitter(9, 2)])
    assert sim.state.stock["spark"] == 0
    assert [e for e in events if e.kind == sev.EMITTER_CHANGED][0].data["level"] == 1
    assert _zaps(events) or _zaps(sim.step([]))


def test_a_jammer_near_an_emitter_silences_it():
    sim = _hall()
    put_drones(sim, [(8, 1)], kind="jammer")
    put_drones(sim, [(10, 3)])
    sim.conf.swarm.stun[1] = 10_000  # the jammer keeps moving (and jamming)
    for _ in range(60):
        assert not _zaps(sim.step([]))
    em = sim.query(Emitter)[0][1]
    assert em.jammed
    sim.conf.swarm.hp[0] = 0  # the jammer falls: the emitter works again
    assert any(_zaps(sim.step([])) for _ in range(60))


def test_aegis_absorbs_damage_for_its_duration():
    sim = sim_of(HALL, waves=1, first_wave_seconds=999, mural_health=100)
    sim.state.stock["spark"] = 10
    sim.step([Cast("aegis", 18 * 16, 24)])
    mural = sim.query(Mural)[0][1]
    duration = sim.conf.rules.abilities["aegis"].duration
    assert mural.shield_ticks == duration
    put_drones(sim, [(18, 1)] * 4, kind="sprayer")
    absorbed = 0
    for _ in range(duration - 2):
        absorbed += sum(e.data["amount"] for e in sim.step([])
                        if e.kind == sev.AEGIS_ABSORBED)
    assert mural.health == 100 and absorbed > 0
    for _ in range(60):
        sim.step([])
    assert mural.health < 100  # the shield is gone
    assert sim.conf.cooldowns["aegis"] > 0


def test_override_turns_drones_for_its_duration_then_ends():
    sim = sim_of(HALL, waves=1, first_wave_seconds=999)
    sim.state.stock["spark"] = 10
    put_drones(sim, [(3, 2), (3, 2), (3, 1)])
    put_drones(sim, [(15, 2)])  # out of the radius
    events = sim.step([Cast("override", 3 * 16 + 8, 2 * 16 + 8)])
    used = [e for e in events if e.kind == sev.ABILITY_USED][0]
    assert used.data["count"] == 3
    duration = sim.conf.rules.abilities["override"].duration
    s = sim.conf.swarm
    assert s.turned.tolist() == [duration - 1] * 3 + [0]  # the cast tick counts
    assert sim.state.stock["spark"] == 10 - dict(
        sim.conf.rules.abilities["override"].cost)["spark"]
    ended = []
    for _ in range(duration):
        ended += [e for e in sim.step([]) if e.kind == sev.OVERRIDE_ENDED]
    assert len(ended) == 1 and ended[0].data["count"] == 3
    assert (sim.conf.swarm.turned == 0).all()
    refused = [e for e in sim.step([Cast("override", 0, 0)])
               if e.kind == sev.ABILITY_REFUSED]
    assert refused[0].data["reason"] == "cooling_down"


def test_turned_drones_fight_the_hostile_ones_near_them():
    sim = sim_of(HALL, waves=1, first_wave_seconds=999)
    sim.state.stock["spark"] = 10
    put_drones(sim, [(3, 2)] * 3)
    sim.step([Cast("override", 3 * 16 + 8, 2 * 16 + 8)])
    put_drones(sim, [(4, 2)], kind="heavy")
    sim.conf.swarm.stun[3] = 10_000
    hp0 = int(sim.conf.swarm.hp[3])
    for _ in range(40):
        sim.step([])
    assert int(sim.conf.swarm.hp[3]) < hp0
    assert TILE == 256


def test_new_commands_encode_and_decode():
    for cmd in (Cast("aegis", 10, 20), SetEmitterMode(3, 4, "closest"),
                UpgradeEmitter(5, 6)):
        assert decode(encode(cmd)) == cmd
    from game.sim.commands import CallWave

    assert decode(["w"]) == CallWave()
