"""Level 4's balance, played by the autopilot through commands only: a full defence
holds the great mural, a newcomer's defence (emitters built and upgraded, no Kora, no
early calls) still wins within ten minutes, two emitters are not enough; and the last
waves put hundreds of drones on the map at once."""

from __future__ import annotations

from functools import cache

from game.dev.bot_confront import ConfrontPilot
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.sim import Simulation
from game.sim.components import Mural
from game.sim.constants import TICK_RATE

LEVEL4 = CAMPAIGN_DIR / "04_confrontation.tmx"
TEN_MINUTES = 10 * 60 * TICK_RATE


@cache
def _run(profile: str) -> tuple[str, int, float, int]:
    """outcome, ticks, the great mural's health share, most drones alive at once"""
    sim = Simulation(load_level(LEVEL4))
    pilot = {"full": lambda: ConfrontPilot(sim),
             "newcomer": lambda: ConfrontPilot.newcomer(sim),
             "two": lambda: ConfrontPilot(sim, emitters=2, upgrades=False, kora=False)}[
        profile]()
    peak = 0
    while sim.outcome == "playing" and sim.tick < TEN_MINUTES + 1:
        sim.step(pilot.decide())
        peak = max(peak, len(sim.conf.swarm))
    great = [m for _, m in sim.query(Mural) if m.great][0]
    out = sim.outcome, sim.tick, great.health / great.max_health, peak
    sim.close()
    return out


def test_the_last_waves_are_a_swarm_of_hundreds():
    table = Simulation(load_level(LEVEL4)).conf.table
    sizes = [sum(table.makeup(w).values()) for w in range(1, table.wave_count + 1)]
    assert sizes[-1] >= 500 and sizes[-3] >= 200
    assert sizes[0] <= 10  # a newcomer meets a handful first
    assert _run("newcomer")[3] >= 200  # hundreds alive on the map at once


def test_a_full_defence_holds_the_great_mural():
    outcome, _, health, _ = _run("full")
    assert outcome == "won" and health >= 0.9


def test_a_newcomer_defence_wins_within_ten_minutes():
    outcome, ticks, _, _ = _run("newcomer")
    assert outcome == "won" and ticks <= TEN_MINUTES


def test_par_is_a_good_players_time_and_a_newcomer_is_slower():
    """Par (gold) is beaten by the full defence, which calls waves early; a newcomer who
    waits for every wave takes longer than bronze (150 % of par) but wins."""
    par = load_level(LEVEL4).par_ticks
    assert _run("full")[1] <= par * 0.8
    outcome, ticks, _, _ = _run("newcomer")
    assert outcome == "won" and par * 1.5 < ticks <= TEN_MINUTES


def test_two_emitters_are_not_enough():
    assert _run("two")[0] == "lost"
