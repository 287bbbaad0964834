"""Small pieces: time format, the RNG, command encoding, rules data."""

import pytest

from game.content.balance import DEFAULT_BALANCE
from game.content.rules import parse_rules
from game.sim.commands import Build, Interact, Move, decode, encode
from game.sim.rng import Pcg32
from game.speedrun.timefmt import format_ticks


@pytest.mark.parametrize("ticks,text", [
    (0, "0:00.000"), (1, "0:00.016"), (60, "0:01.000"), (61, "0:01.016"),
    (3600, "1:00.000"), (5014, "1:23.566"), (60 * 60 * 11, "11:00.000"),
])
def test_ticks_format_exactly(ticks, text):
    assert format_ticks(ticks) == text


def test_pcg32_is_reproducible_and_known():
    a, b = Pcg32(42), Pcg32(42)
    seq = [a.next_u32() for _ in range(5)]
    assert seq == [b.next_u32() for _ in range(5)]
    assert seq != [Pcg32(43).next_u32() for _ in range(5)]
    # a fixed value pins the algorithm: changing it would silently break old replays
    assert Pcg32(2147).next_u32() == 4170301149
    assert all(0 <= Pcg32(1).below(7) < 7 for _ in range(50))


def test_pcg32_below_is_roughly_uniform():
    rng = Pcg32(9)
    counts = [0] * 6
    for _ in range(6000):
        counts[rng.below(6)] += 1
    assert min(counts) > 850 and max(counts) < 1150


@pytest.mark.parametrize("cmd", [Move(1, -1), Move(0, 0), Interact(), Build("node", 3, 9)])
def test_commands_round_trip(cmd):
    assert decode(encode(cmd)) == cmd


@pytest.mark.parametrize("raw", [[], ["m", 2, 0], ["m", True, 0], ["b", "node", 1.5, 2],
                                 ["z"], "m", None, ["i", 1]])
def test_malformed_commands_are_refused(raw):
    with pytest.raises(ValueError):
        decode(raw)


def test_rules_refuse_a_cost_in_an_unknown_resource():
    raw = {
        "waste_kinds": ["organic"], "resources": ["biomass"],
        "produces": {"organic": "biomass"},
        "player": {"speed": 1, "capacity": 1, "reach": 1, "hitbox": [1, 1]},
        "structures": {"node": {"name": "n", "cost": {"gold": 1}, "process_ticks": 1,
                                "queue_capacity": 1}},
    }
    with pytest.raises(ValueError, match="gold"):
        parse_rules(raw)
    assert DEFAULT_BALANCE.rules.cost_of("node")
