"""The guide of levels 3 and 5 (game/render/guide.py): its arrow leads through the
hauling loop (waste, a plot for the node, the node, the mural) from the simulation's
state alone, and drawing it never changes the simulation."""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.dev.bot_civic import CoopPilot, MuralPilot
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.render.guide import next_step
from game.scenes.play import PlayScene
from game.sim import Simulation
from game.sim.components import Position, Reactor, WastePile
from game.sim.constants import SUBPX

LEVEL3 = CAMPAIGN_DIR / "03_the_mural.tmx"
LEVEL5 = CAMPAIGN_DIR / "05_the_coop.tmx"


@pytest.fixture
def app(tmp_path):
    application = App(tmp_path, headless=True)
    yield application
    pygame.quit()


@pytest.mark.parametrize(("path", "pilot", "expected"), [
    (LEVEL3, MuralPilot, {"pile", "plot_node", "node", "mural"}),
    (LEVEL5, CoopPilot, {"pile", "plot_node", "node", "plot_workshop"})])
def test_the_guide_walks_the_whole_loop(path, pilot, expected):
    sim = Simulation(load_level(path))
    driver = pilot(sim)
    seen = set()
    first = next_step(sim)
    assert first is not None and first.what == "pile"  # first: fetch waste for a node
    near = [(p.x // SUBPX, p.y // SUBPX) for _, (w, p) in sim.query(WastePile, Position)
            if w.kind in sim.rules.cost_of("node")]
    assert (first.x, first.y) in near  # a pile of what a node is built from
    while sim.outcome == "playing" and sim.tick < 12_000:
        step = next_step(sim)
        if step is not None:
            seen.add(step.what)
            if step.what == "node":  # it only ever points at a node that stands
                assert (step.x, step.y) in [(p.x // SUBPX, p.y // SUBPX) for _, (_r, p)
                                            in sim.query(Reactor, Position)]
        sim.step(driver.decide())
    assert sim.outcome == "won"
    assert expected <= seen
    assert next_step(sim) is None  # the level is decided: nothing to point at
    sim.close()


def test_the_guide_is_only_on_civic_levels():
    for name in ("01_scavengers_dawn", "02_shortages", "04_confrontation"):
        sim = Simulation(load_level(CAMPAIGN_DIR / f"{name}.tmx"))
        assert next_step(sim) is None
        sim.close()


def test_drawing_the_guide_leaves_the_state_hash_unchanged(app):
    """The same autopilot through the real play scene, with the guide and without it:
    the same simulation, tick for tick."""
    hashes = []
    for with_guide in (True, False):
        play = PlayScene(app, load_level(LEVEL3))
        app.reset_to(play)
        if not with_guide:
            play.guide.active = False
        pilot = MuralPilot(play.sim)
        play.input.commands = pilot.decide
        drawn = 0
        for _ in range(900):
            while app.scene is not play:
                app.scene.finish()
            app.frame(fixed_ticks=1)
            drawn += play.guide.step is not None
        assert (drawn > 800) == with_guide
        hashes.append((play.sim.tick, play.sim.state_hash()))
    assert hashes[0] == hashes[1]


@pytest.mark.parametrize("path", [LEVEL3, LEVEL5], ids=["level3", "level5"])
def test_following_only_the_arrow_wins_within_ten_minutes(path):
    """A first-timer who does only what the arrow says (pausing to read each new one)
    wins levels 3 and 5 in 3 to 10 minutes of game time."""
    from game.dev.bot_guide import GuideFollower
    from game.sim.constants import TICK_RATE

    sim = Simulation(load_level(path))
    follower = GuideFollower(sim)
    while sim.outcome == "playing" and sim.tick < 10 * 60 * TICK_RATE:
        sim.step(follower.decide())
    assert sim.outcome == "won", sim.loss_reason
    assert 3 * 60 * TICK_RATE <= sim.tick <= 10 * 60 * TICK_RATE
    assert follower.steps >= 5  # it was led through the loop, not handed the win
    sim.close()


def test_artisans_leave_alloy_for_the_co_ops_nodes():
    """Artisans and volunteers pick up organic and polymer only: a first-timer who
    trained artisans before building every node lost level 5 when they hauled the last
    alloy into nodes as spark. The full co-op run never sees them take alloy."""
    from game.sim import events as ev

    sim = Simulation(load_level(LEVEL5))
    pilot = CoopPilot(sim)
    taken = set()
    while sim.outcome == "playing" and sim.tick < 12_000:
        for e in sim.step(pilot.decide()):
            if e.kind == ev.ARTISAN_COLLECTED:
                taken.add(e.data["kind"])
    assert sim.outcome == "won"
    assert taken and taken <= {"organic", "polymer"}
    sim.close()


def test_artisans_leave_what_the_co_ops_last_nodes_need():
    """With five nodes still to build and only five polymer left, artisans leave polymer
    on the ground (without the rule they would haul it into nodes and the level would be
    lost for want of waste); with plenty left they take it."""
    import esper

    from game.sim import events as ev
    from game.sim.civic import Trainer
    from game.sim.systems.artisans import reserved_kinds
    from tests.dronekit import put_structure

    sim = Simulation(load_level(LEVEL5))
    assert "polymer" not in reserved_kinds(sim._context([], []))
    left = 5
    for _, pile in sim.query(WastePile):
        if pile.kind == "polymer":
            pile.amount, left = min(pile.amount, left), left - min(pile.amount, left)
    assert reserved_kinds(sim._context([], [])) >= {"polymer"}
    for i in range(3):
        esper.add_component(put_structure(sim, "workshop", 6 + i, 17), Trainer())
    taken = set()
    for _ in range(3000):
        taken |= {e.data["kind"] for e in sim.step([]) if e.kind == ev.ARTISAN_COLLECTED}
    assert "organic" in taken and "polymer" not in taken
    assert sum(w.amount for _, w in sim.query(WastePile) if w.kind == "polymer") == 5
    sim.close()
