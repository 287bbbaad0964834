"""Story dialogue: every campaign level has a briefing and a closing scene in data files,
every map trigger names a dialogue that exists, and showing or skipping dialogue changes
nothing in the simulation and adds nothing to the in-game time."""

from __future__ import annotations

import pygame
import pytest

from game.campaign.catalog import campaign, parse_scenes, scenes_for
from game.dev.bot import play_to_win
from game.level import load_level
from game.paths import asset
from game.scenes.dialogue import DialogueScene, wrap
from game.sim import Simulation
from game.sim import events as ev
from game.sim.state import PLAYING

LEVELS = campaign().levels


@pytest.fixture
def app(tmp_path):
    from game.app import App

    application = App(tmp_path, headless=True)
    yield application
    pygame.display.quit()


@pytest.mark.parametrize("entry", LEVELS, ids=lambda e: e.id)
def test_each_level_has_briefing_closing_and_known_speakers(entry):
    scenes, problems = scenes_for(entry)
    assert problems == ()
    assert entry.briefing in scenes and entry.closing in scenes
    for scene in scenes.values():
        assert scene.lines
        for line in scene.lines:
            assert line.who in campaign().cast and line.text.strip()
    for who in entry.cast:
        assert asset("portraits", f"{campaign().cast[who].portrait}.png").is_file()


@pytest.mark.parametrize("entry", [e for e in LEVELS if e.path.is_file()], ids=lambda e: e.id)
def test_every_trigger_in_a_campaign_map_names_an_existing_dialogue(entry):
    level = load_level(entry.path)
    scenes, _ = scenes_for(entry)
    for obj in level.objects_of("Trigger"):
        assert obj.properties["dialogue"] in scenes, obj.label()


def test_level1_and_2_have_their_story_triggers():
    def dialogues(i):
        return {o.properties["dialogue"] for o in load_level(LEVELS[i].path).objects_of("Trigger")}

    assert {"kora_guild", "talin_news"} <= dialogues(0)
    assert {"shortage_report", "collectors_seen"} <= dialogues(1)


def test_a_broken_dialogue_table_is_reported_not_raised():
    problems: list[str] = []
    scenes = parse_scenes({"ok": {"lines": [["kora", "Hello"], ["kora"], 3]},
                           "bad": {"text": "no lines"}}, "x.toml", problems)
    assert [line.text for line in scenes["ok"].lines] == ["Hello"]
    assert "bad" not in scenes and len(problems) == 3


def test_trigger_fires_once_when_elara_enters_and_is_hashed():
    level = load_level(LEVELS[0].path)
    sim = Simulation(level)
    log = play_to_win(sim)
    fresh = Simulation(level)
    fired = [e for e in fresh.run(log) if e.kind == ev.TRIGGER]
    assert fired, "the autopilot's route crosses a trigger"
    assert len({e.data["object"] for e in fired}) == len(fired)  # `once`
    assert fresh.state_hash() == sim.state_hash()
    sim.close()
    fresh.close()


def test_wrap_keeps_lines_inside_the_box(app):
    text = "Empty beds and full gutters. This city still throws away more than it grows."
    rows = wrap(app.font, text, 120)
    assert len(rows) > 1 and all(app.font.size(r)[0] <= 120 for r in rows)
    assert " ".join(rows) == text


def _play_with(app, mode: str, index: int = 0):
    """A level (level 1 unless `index` says) in the real PlayScene, fed the autopilot's
    recorded commands one per tick; dialogue shown along the way is read line by line,
    skipped whole, or never opened."""
    from game.scenes.play import PlayScene

    level = load_level(LEVELS[index].path)
    probe = Simulation(level)
    log = play_to_win(probe)
    probe.close()
    play = PlayScene(app, level)
    app.reset_to(play)
    feed = iter(log)
    play.input.commands = lambda: next(feed, [])
    if mode == "never":
        play.story.scenes = {}
    shown, frames, dialogue_frames = 0, 0, 0
    while play.sim.outcome == PLAYING and frames < 20_000:
        scene = app.scene
        if isinstance(scene, DialogueScene):
            dialogue_frames += 1
            if scene.index == 0 and scene.line_start == app.time_ms:
                shown += 1
            key = pygame.K_ESCAPE if mode == "skip" else pygame.K_RETURN
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=""))
        app.frame(fixed_ticks=1)
        frames += 1
    return play.sim, shown, dialogue_frames, len(log)


@pytest.mark.parametrize("mode", ["lines", "skip"])
def test_reading_or_skipping_dialogue_changes_nothing_in_the_simulation(app, mode):
    never, shown0, _, ticks = _play_with(app, "never")
    assert shown0 == 0
    sim, shown, dialogue_frames, _ = _play_with(app, mode)
    assert shown >= 1 and dialogue_frames >= shown
    assert sim.outcome == never.outcome == "won"
    assert sim.igt_ticks == never.igt_ticks == ticks  # dialogue frames never tick
    assert sim.state_hash() == never.state_hash()


def test_wave_dialogue_in_the_confrontation_changes_nothing(app):
    """Level 4 names a story scene as waves start; skipping them leaves the run as it is."""
    never, _, _, ticks = _play_with(app, "never", index=3)
    sim, shown, _, _ = _play_with(app, "skip", index=3)
    assert shown >= 3  # several waves have their scene
    assert sim.outcome == never.outcome == "won"
    assert sim.igt_ticks == never.igt_ticks == ticks
    assert sim.state_hash() == never.state_hash()


def test_level1_is_not_interrupted_again_in_its_first_ten_seconds(tmp_path):
    import pygame

    from game.app import App
    from game.dev.bot import Autopilot
    from game.level import load_level
    from game.paths import CAMPAIGN_DIR
    from game.scenes.dialogue import DialogueScene
    from game.scenes.play import PlayScene
    from game.scenes.story import QUIET_TICKS

    app = App(tmp_path, headless=True)
    play = PlayScene(app, load_level(CAMPAIGN_DIR / "01_scavengers_dawn.tmx"))
    app.push(play)
    pilot = Autopilot(play.sim)
    play.input.commands = pilot.decide
    first = None
    for _ in range(QUIET_TICKS + 200):
        app.frame(fixed_ticks=1)
        if isinstance(app.scene, DialogueScene):
            first = play.sim.tick
            break
    assert first is not None, "Kora still speaks once the ten seconds are over"
    assert first >= QUIET_TICKS
    pygame.display.quit()


def test_two_trigger_scenes_never_come_back_to_back(tmp_path):
    """Level 1 triggers two scenes by its tenth second; the second waits until the
    player has played GAP_TICKS after the first closed."""
    import pygame

    from game.app import App
    from game.dev.bot import Autopilot
    from game.level import load_level
    from game.paths import CAMPAIGN_DIR
    from game.scenes.dialogue import DialogueScene
    from game.scenes.play import PlayScene
    from game.scenes.story import GAP_TICKS, QUIET_TICKS

    app = App(tmp_path, headless=True)
    play = PlayScene(app, load_level(CAMPAIGN_DIR / "01_scavengers_dawn.tmx"))
    app.push(play)
    pilot = Autopilot(play.sim)
    play.input.commands = pilot.decide
    opened: list[int] = []  # the tick at which each scene opened
    closed: list[int] = []
    for _ in range(QUIET_TICKS + 3 * GAP_TICKS):
        app.frame(fixed_ticks=1)
        if isinstance(app.scene, DialogueScene):
            opened.append(play.sim.tick)
            app.scene.finish()  # the player skips it at once
            closed.append(play.sim.tick)
            assert not isinstance(app.scene, DialogueScene), "a second scene followed at once"
        if len(opened) >= 2 or play.sim.outcome != "playing":
            break
    assert len(opened) >= 2, "level 1 has two early trigger scenes"
    assert opened[1] - closed[0] >= GAP_TICKS
    pygame.display.quit()
