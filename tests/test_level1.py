"""Level 1, Scavenger's Dawn: it loads, it is winnable headlessly, its numbers add up."""

from __future__ import annotations

from game.dev.bot import play_to_win
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.sim import Simulation
from game.sim.events import LEVEL_WON

LEVEL1 = CAMPAIGN_DIR / "01_scavengers_dawn.tmx"


def test_level1_loads_with_its_story_properties():
    level = load_level(LEVEL1)
    assert level.title == "Scavenger's Dawn"
    assert level.objective.kind == "produce" and level.objective.target == "biomass"
    assert level.buildable.sum() >= 8
    kinds = {o.properties["kind"] for o in level.objects_of("Waste")}
    assert kinds == {"organic", "polymer", "alloy"}
    assert len(level.objects_of("PlayerSpawn")) == 1
    assert level.par_ticks > 0


def test_level1_has_enough_waste_to_win():
    level = load_level(LEVEL1)
    organic = sum(o.properties["amount"] for o in level.objects_of("Waste")
                  if o.properties["kind"] == "organic")
    assert organic >= level.objective.amount


def test_level1_is_won_by_a_scripted_command_sequence():
    level = load_level(LEVEL1)
    sim = Simulation(level)
    log = play_to_win(sim)
    assert sim.outcome == "won"
    # the recorded commands alone win it again on a fresh simulation
    fresh = Simulation(level)
    events = fresh.run(log)
    assert fresh.outcome == "won"
    assert [e for e in events if e.kind == LEVEL_WON][0].tick == fresh.igt_ticks == sim.igt_ticks
