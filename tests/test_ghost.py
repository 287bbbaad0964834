"""Ghosts: the raced replay's Elara, re-simulated tick by tick beside the live run,
never changes the run; Settings > Ghost races the PB; a replay of another map is
refused with a reason."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from runkit import autopilot, play_out, two_levels

from game.app import App
from game.level import load_level
from game.scenes.play import PlayScene
from game.sim.constants import SUBPX
from game.speedrun.campaign import campaign_levels
from game.speedrun.run import Run
from game.speedrun.verify import read_replay

GOLDEN = Path(__file__).resolve().parent / "replays" / "01_scavengers_dawn.rpl"


@pytest.fixture
def app(tmp_path):
    application = App(tmp_path / "data", headless=True)
    application.skip_story = True
    yield application
    pygame.display.quit()


def test_racing_a_replay_with_its_own_inputs_matches_it_tick_for_tick(app):
    """The live run plays the golden replay's inputs while its ghost re-simulates the
    same replay: every tick the ghost stands exactly where Elara does, and the live run
    still ends in the recorded state (the ghost touched nothing)."""
    golden = read_replay(GOLDEN)
    play = PlayScene(app, load_level(campaign_levels()[0]), ghost=GOLDEN)
    app.push(play)
    assert play.ghost is not None
    feed = iter(golden.ticks)
    play.input.commands = lambda: next(feed, [])
    for _ in golden.ticks:
        app.frame(fixed_ticks=1)
        pose, pos = play.ghost.pose(), play.sim.player()[1]
        assert (pose.x, pose.y) == (pos.x // SUBPX, pos.y // SUBPX), play.sim.tick
    assert play.sim.outcome == golden.final["outcome"]
    assert play.sim.state_hash() == golden.final["state_sha256"]
    assert play.ghost.pose().done


def test_settings_ghost_races_the_level_pb(app, tmp_path):
    path = two_levels(tmp_path / "maps")[0]
    first = PlayScene(app, load_level(path), run=Run.for_app(app, "practice", [path]))
    app.push(first)
    assert first.ghost is None  # no PB yet (and the setting is off)
    autopilot(first)
    play_out(app, first)
    assert first.run.result.new_pb
    app.services.settings.settings.ghost = True
    second = PlayScene(app, load_level(path), run=Run.for_app(app, "practice", [path]))
    app.reset_to(second)
    assert second.ghost is not None
    app.frame(fixed_ticks=20)  # the ghost walks off; the live Elara, left alone, does not
    assert second.ghost.pose().moving and not second.sim.player()[0].moving
    app.services.settings.settings.ghost = False
    second.start()  # a restart follows the setting
    assert second.ghost is None


def test_a_replay_of_another_map_is_no_ghost(app, tmp_path):
    path = two_levels(tmp_path / "maps")[0]
    play = PlayScene(app, load_level(path), run=Run.for_app(app, "practice", [path]),
                     ghost=GOLDEN)
    assert play.ghost is None and "another map" in play.ui.message
