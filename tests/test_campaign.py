"""The campaign: its order and story data agree with the maps, the screens lead from the
title to a level through its briefing, winning records the profile and unlocks the next
level, and a carry-in from earlier levels is part of a replay that verifies."""

from __future__ import annotations

import pygame

from game.campaign.catalog import campaign, parse_campaign
from game.campaign.profile import Profile
from game.dev.bot import Autopilot, play_to_win
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.sim import Simulation
from game.speedrun.campaign import campaign_levels, level_id
from game.speedrun.record import Recorder
from game.speedrun.replay import to_bytes
from game.speedrun.verify import verify_file

LEVELS = campaign().levels


def key(app, k) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode=""))
    app.frame(fixed_ticks=0)


def test_campaign_toml_lists_five_levels_that_agree_with_their_maps():
    assert campaign().problems == []
    assert len(LEVELS) == 5
    assert [e.id for e in LEVELS] == sorted(e.id for e in LEVELS)
    for entry in LEVELS:
        assert entry.id == level_id(entry.path)
        if entry.path.is_file():
            level = load_level(entry.path)
            assert (level.seed, level.par_ticks) == (entry.seed, entry.par_seconds * 60), \
                entry.id
    present = [e.path for e in LEVELS if e.path.is_file()]
    assert campaign_levels()[:len(present)] == present
    assert set(campaign_levels()) == set(CAMPAIGN_DIR.glob("*.tmx"))


def test_a_broken_campaign_file_is_reported_not_raised():
    problems: list[str] = []
    camp = parse_campaign({"cast": {"kora": {"name": "Kora"}}, "level": [
        {"id": "a", "map": "a.tmx", "seed": "x", "cast": ["kora", "nobody"]},
        {"map": "b.tmx"}, "junk"]}, problems)
    assert [e.id for e in camp.levels] == ["a"] and camp.levels[0].seed == 0
    assert len(problems) == 4


def test_title_campaign_new_shows_the_briefing_then_plays_a_campaign_run(app):
    from game.scenes.briefing import BriefingScene
    from game.scenes.play import PlayScene
    from game.scenes.title import TitleScene

    app.push(TitleScene(app))
    app.frame(fixed_ticks=0)
    key(app, pygame.K_RETURN)  # Campaign
    key(app, pygame.K_RETURN)  # New campaign (a fresh profile has no Continue)
    assert isinstance(app.scene, BriefingScene) and app.scene.script.lines
    for _ in range(len(app.scene.script.lines) * 2):  # first press finishes the line
        key(app, pygame.K_SPACE)
    assert isinstance(app.scene, PlayScene)
    assert app.scene.run.is_campaign and app.scene.sim.tick == 0


def test_winning_level_1_saves_the_profile_unlocks_level_2_and_offers_next(app, tmp_path):
    from game.scenes.campaign import CampaignScene
    from game.scenes.level_select import LevelSelectScene
    from game.scenes.results import ResultsScene

    campaign_scene = CampaignScene(app)
    app.push(campaign_scene)
    campaign_scene.new()
    key(app, pygame.K_ESCAPE)  # skip the briefing
    play = app.scene
    pilot = Autopilot(play.sim)
    play.input.commands = pilot.decide
    while play.sim.outcome == "playing":
        app.frame(fixed_ticks=1)
        if type(app.scene).__name__ == "DialogueScene":
            key(app, pygame.K_TAB)  # skip trigger dialogue
    saved = Profile(tmp_path)  # on disk already, before any results screen
    assert saved.won(LEVELS[0].id) and saved.best(LEVELS[0].id) == play.sim.igt_ticks
    assert saved.is_unlocked(LEVELS[1].id, [e.id for e in LEVELS])
    for _ in range(200):
        if isinstance(app.scene, ResultsScene):
            break
        if type(app.scene).__name__ == "DialogueScene":  # the closing scene
            key(app, pygame.K_ESCAPE)
        app.frame(fixed_ticks=1)
    results = app.scene
    assert isinstance(results, ResultsScene)
    assert [i.label for i in results.menu.items][0] == "Next level"
    # Continue now lists level 2 as open and starts it with its briefing
    app.services.reload_profile()
    cont = CampaignScene(app)
    app.reset_to(cont)
    cont.continue_()
    select = app.scene
    assert isinstance(select, LevelSelectScene) and select.story
    assert level_id(select.rows[select.index][0]) == LEVELS[1].id
    assert len(select.rows) == 2 and len(select.locked) == len(campaign_levels()) - 2
    select.start()
    assert type(app.scene).__name__ == "BriefingScene"
    assert app.scene.level.title == "Shortages"


def test_a_locked_level_cannot_be_started_from_the_level_select(app):
    from game.scenes.level_select import LevelSelectScene

    select = LevelSelectScene(app, story=True)
    assert [level_id(r[0]) for r in select.rows] == [LEVELS[0].id]
    assert all(level_id(p) != LEVELS[0].id for p in select.locked)


def test_a_carry_in_is_recorded_in_the_replay_and_verifies(tmp_path):
    path = LEVELS[2].path
    level = load_level(path)
    carry = {"murals": [3, 2], "volunteers": 1, "stock": {"biomass": 4}}
    plain, carried = Simulation(level), Simulation(level, carry=carry)
    assert carried.carry == carry and plain.state_hash() != carried.state_hash()
    log = play_to_win(carried, max_ticks=20_000)  # to the end: only decided runs verify
    assert carried.outcome == "won"
    replay_sim = Simulation(level, carry=carry)
    rec = Recorder(path)
    for commands in log:
        replay_sim.step(commands)
        rec.record(replay_sim, commands)
    replay = rec.replay(replay_sim, "campaign", "test")
    assert replay.header["carry"] == carry
    out = tmp_path / "carry.rpl"
    out.write_bytes(to_bytes(replay))
    result = verify_file(out)
    assert result.valid, result.line()
    replay.header["carry"] = {}  # the same commands without the carry: not this run
    out.write_bytes(to_bytes(replay))
    assert not verify_file(out).valid
    for sim in (plain, carried, replay_sim):
        sim.close()


def test_carry_in_is_cleaned_of_anything_unexpected():
    level = load_level(LEVELS[0].path)
    sim = Simulation(level, carry={"murals": [9, "x", 2], "volunteers": -3, "evil": 1,
                                   "stock": {"biomass": 10**9, "pigment": 2}})
    assert sim.carry == {"murals": [2], "stock": {"pigment": 2}}
    sim.close()


def test_story_mode_results_offer_the_next_unlocked_level_practice_does_not(app):
    from types import SimpleNamespace

    from game.scenes.campaign_flow import next_story_level

    level = load_level(LEVELS[0].path)

    def play(story: bool, outcome: str = "won"):
        return SimpleNamespace(run=SimpleNamespace(is_campaign=False), app=app, level=level,
                               sim=SimpleNamespace(outcome=outcome), story_mode=story)

    assert next_story_level(play(True)) is None  # level 2 still locked
    app.services.profile.record(LEVELS[0].id, "won", 2000, "gold", LEVELS[1].id)
    assert next_story_level(play(True)) == LEVELS[1].path
    assert next_story_level(play(False)) is None
    assert next_story_level(play(True, "lost")) is None


def test_practice_starts_any_level_without_unlocking_it(app):
    from game.scenes.level_select import LevelSelectScene
    from game.scenes.play import PlayScene

    assert not app.services.profile.started  # a fresh profile: only level 1 is open
    select = LevelSelectScene(app)
    assert [r[0] for r in select.rows] == campaign_levels() and not select.locked
    select.index = len(select.rows) - 1
    select.start()
    app.scene.finish()  # the first time, its briefing opens it (skipped here)
    play = app.scene
    assert isinstance(play, PlayScene) and play.level.path == campaign_levels()[-1]
    assert play.run.category == "practice" and not play.sim.carry
    assert not app.services.profile.is_unlocked(level_id(campaign_levels()[-1]),
                                                [e.id for e in LEVELS])
