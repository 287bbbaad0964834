"""Story scenes and hints come when the player needs them: not after the thing they
explain was done, and not before it exists. Played through the real play scene."""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.campaign.catalog import campaign, parse_scenes
from game.campaign.cues import depot_goods
from game.content.text import text
from game.dev.bot import pilot_for
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.scenes.deliver_hints import DeliveryHints
from game.scenes.dialogue import DialogueScene
from game.scenes.play import PlayScene
from game.sim.components import Depot

LEVEL2 = CAMPAIGN_DIR / "02_shortages.tmx"


@pytest.fixture
def app(tmp_path):
    application = App(tmp_path, headless=True)
    yield application
    pygame.display.quit()


def delivered(sim) -> bool:
    return any(d.delivered for _, d in sim.query(Depot))


def autopilot_play(app: App, path, until, frame_ticks: int = 6, hold_story: bool = False):
    """Play `path` with its autopilot through the play scene; every scene that opens is
    noted (tick, id, whether a depot had been delivered to, whether goods were waiting)
    and skipped at once. Stops when `until(sim)` holds or the level ends."""
    play = PlayScene(app, load_level(path))
    app.push(play)
    if hold_story:
        play.story.quiet_until = 10**9  # every scene waits: as if another had just played
    pilot = pilot_for(play.sim)
    play.input.commands = pilot.decide
    opened: list[tuple[int, str, bool, bool]] = []
    while play.sim.outcome == "playing" and not until(play.sim):
        app.frame(fixed_ticks=frame_ticks)
        if isinstance(app.scene, DialogueScene):
            opened.append((play.sim.tick, app.scene.script.id, delivered(play.sim),
                           depot_goods(play.sim)))
            app.scene.finish()
    return play, opened


def test_level2_depot_lesson_comes_with_the_first_yield_never_after_a_delivery(app):
    """The autopilot hands its first biomass to the market depot from the south, outside
    the trigger area north of it: the lesson used to come ten ticks after that delivery.
    Now it opens when the first yield is in the stores, before anything was handed over."""
    state = {"first": None}

    def until(sim) -> bool:
        if state["first"] is None and delivered(sim):
            state["first"] = sim.tick
        return state["first"] is not None and sim.tick > state["first"] + 900

    play, opened = autopilot_play(app, LEVEL2, until)
    assert state["first"] is not None, "the autopilot delivers within the run"
    lesson = [o for o in opened if o[1] == "shortage_report"]
    assert len(lesson) == 1, opened
    tick, _, done, goods = lesson[0]
    assert not done and goods  # before any delivery, with something to hand over
    assert tick < state["first"]


def test_level2_depot_lesson_is_dropped_when_the_player_delivers_while_it_waits(app):
    """A lesson that had to wait (the first seconds, or the gap after another scene) is
    not played once the player has done what it explains."""
    play, opened = autopilot_play(app, LEVEL2, lambda sim: delivered(sim), hold_story=True)
    assert delivered(play.sim) and not opened
    play.story.quiet_until = play.sim.tick  # the wait is over
    for _ in range(120):
        app.frame(fixed_ticks=6)
        if isinstance(app.scene, DialogueScene):
            assert app.scene.script.id != "shortage_report"
            app.scene.finish()


def test_level2_depot_hint_shows_only_while_there_is_something_to_hand_over(app):
    hints = DeliveryHints()
    depot_line = next(s["text"] for s in text()["deliver_hint"] if s["until"] == "delivered")
    play = PlayScene(app, load_level(LEVEL2))
    sim = play.sim
    hints.seen |= {"nodes", "fed"}  # two nodes built and fed, nothing grown yet
    hints.observe(sim)
    assert hints.hint() and hints.hint() != depot_line
    sim.state.stock["biomass"] = 1  # the first yield
    hints.observe(sim)
    assert hints.hint() == depot_line
    next(d for _, d in sim.query(Depot) if d.accepts == "biomass").delivered = 1
    sim.state.stock["biomass"] = 0
    hints.observe(sim)
    assert hints.hint() != depot_line
    sim.state.stock["biomass"] = 2  # more biomass later: the hint has done its job
    hints.observe(sim)
    assert hints.hint() != depot_line


def test_scene_timing_keys_are_checked():
    problems: list[str] = []
    scenes = parse_scenes({
        "a": {"cue": "depot_goods", "needs": "nothing_delivered", "otherwise": "b",
              "lead": True, "lines": [["kora", "x"]]},
        "b": {"lines": [["kora", "y"]]},
        "c": {"cue": "moon_phase", "needs": 3, "otherwise": "zz", "lines": []},
    }, "t.toml", problems)
    a, c = scenes["a"], scenes["c"]
    assert (a.cue, a.needs, a.otherwise, a.lead) == ("depot_goods", "nothing_delivered",
                                                      "b", True)
    assert (c.cue, c.needs, c.lead) == ("", "", False)
    assert any("moon_phase" in p for p in problems)
    assert any("'zz' names no scene" in p for p in problems)


def test_shipped_dialogue_has_no_timing_problems():
    from game.campaign.catalog import scenes_for

    for entry in campaign().levels:
        assert scenes_for(entry)[1] == (), entry.id
