"""Timing rules: IGT starts on the first tick with control and stops on the deciding
tick; pause and menus never count; restart is the exact initial state, fast; practice
runs are marked; the campaign timer adds up the levels."""

from __future__ import annotations

import pygame
import pytest
from runkit import autopilot, play_out, to_results, two_levels

from game.app import App
from game.level import load_level
from game.scenes.pause import PauseScene
from game.scenes.play import PlayScene
from game.sim import Simulation
from game.speedrun.campaign import campaign_levels
from game.speedrun.replay import from_bytes
from game.speedrun.run import Run
from game.speedrun.timer import RtaClock, format_delta, livesplit_time
from game.speedrun.verify import verify_file


@pytest.fixture
def app(tmp_path):
    application = App(tmp_path / "data", headless=True)
    yield application
    pygame.display.quit()


@pytest.fixture
def levels(tmp_path):
    return two_levels(tmp_path / "maps")


def key(app: App, k: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode=""))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=0, unicode=""))
    app.frame(fixed_ticks=0)


def practice(app, path) -> PlayScene:
    play = PlayScene(app, load_level(path), run=Run.for_app(app, "practice", [path]))
    app.push(play)
    return play


def test_igt_starts_at_first_controlled_tick_and_stops_on_the_deciding_tick(app, levels):
    play = practice(app, levels[0])
    app.frame(fixed_ticks=0)
    assert play.sim.igt_ticks == 0  # drawn, not yet played
    app.frame(fixed_ticks=1)
    assert play.sim.igt_ticks == 1 and play.run.attempt.recorder.ticks[0] == []
    autopilot(play)
    play_out(app, play)
    end = play.sim.igt_ticks
    assert play.run.result.igt == end == len(play.run.attempt.recorder.ticks)
    assert play.run.result.replay.final["igt_ticks"] == end
    for _ in range(30):
        app.frame(fixed_ticks=3)  # the results screen comes up; nothing ticks on
    assert play.sim.igt_ticks == end


def test_pause_and_menus_on_top_do_not_count(app, levels):
    from game.scenes.settings import SettingsScene

    play = practice(app, levels[0])
    app.frame(fixed_ticks=10)
    assert play.sim.igt_ticks == 10
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, PauseScene)
    app.frame(fixed_ticks=120)
    app.push(SettingsScene(app))  # like dialogue: any scene on top stops the clock
    app.frame(fixed_ticks=120)
    app.pop()
    key(app, pygame.K_ESCAPE)
    assert app.scene is play and play.sim.igt_ticks == 10
    app.frame(fixed_ticks=5)
    assert play.sim.igt_ticks == 15


def test_restart_is_the_exact_initial_state(app, levels):
    play = practice(app, levels[0])
    fresh = Simulation(load_level(levels[0])).state_hash()
    autopilot(play)
    app.frame(fixed_ticks=200)
    assert play.sim.state_hash() != fresh
    key(app, pygame.K_r)  # how fast: bench restart_ms_level1
    assert play.sim.tick == 0 and play.sim.state_hash() == fresh
    assert play.run.attempt.recorder.ticks == []


def test_restart_key_is_rebindable(app, levels):
    app.services.settings.settings.restart_key = "t"
    play = practice(app, levels[0])
    app.frame(fixed_ticks=30)
    key(app, pygame.K_r)
    assert play.sim.tick == 30  # R is no longer restart
    key(app, pygame.K_t)
    assert play.sim.tick == 0


def test_practice_runs_are_marked_and_pb_replays_verify(app, levels, monkeypatch):
    play = practice(app, levels[0])
    autopilot(play)
    play_out(app, play)
    res = play.run.result
    assert res.new_pb and res.replay.header["category"] == "practice"
    assert res.replay.header["practice"] is True
    pb_file = app.data_dir / "replays" / "pb" / "a_first.rpl"
    assert pb_file in res.saved
    assert from_bytes(pb_file.read_bytes()).header["practice"] is True
    # practice belongs on a shipped map: on this test map, verify refuses the category
    assert verify_file(pb_file, [levels[0]]).kind == "wrong_category"
    from game.speedrun.maphash import map_digest

    monkeypatch.setattr("game.speedrun.verify.official_maps",  # as if it were shipped
                        lambda: {map_digest(levels[0]).sha256: levels[0].name})
    assert verify_file(pb_file, [levels[0]]).valid
    results = to_results(app)
    assert any("First finish" in text for text, _ in results.lines)
    assert any("Practice" in text for text, _ in results.lines)


def test_campaign_timer_adds_level_times_and_restarts_cost_no_igt(app, levels):
    run = Run.for_app(app, "campaign", levels)
    play = PlayScene(app, load_level(levels[0]), run=run)
    app.push(play)
    app.frame(fixed_ticks=50)
    key(app, pygame.K_r)  # a restart inside a campaign: this attempt's ticks are dropped
    autopilot(play)
    play_out(app, play)
    first = play.sim.igt_ticks
    results = to_results(app)
    results.run_menu.next_level()
    play2 = app.scene
    assert isinstance(play2, PlayScene) and play2.run is run
    app.frame(fixed_ticks=7)
    view = run.timer_view(play2.sim)
    assert view.level_ticks == 7 and view.campaign_ticks == first + 7
    autopilot(play2)
    play_out(app, play2)
    res = run.result
    assert res.campaign_done and res.campaign_total == first + play2.sim.igt_ticks
    assert run.rta.stopped is not None
    pb = run.splits.campaign_pb()
    assert [s["level"] for s in pb["segments"]] == ["a_first", "b_second"]
    saved = sorted(p.name for p in (app.data_dir / "replays" / "pb" / "campaign").iterdir())
    assert saved == ["01_a_first.rpl", "02_b_second.rpl"]


def test_hidden_timers_follow_the_settings(app, levels):
    settings = app.services.settings.settings
    play = practice(app, levels[0])
    app.frame(fixed_ticks=3)
    settings.show_level_timer = False
    settings.show_rta = True
    view = play.run.timer_view(play.sim)
    assert view.level_ticks is None and view.rta_ms is not None and view.label == "PRACTICE"


def test_title_menu_starts_a_campaign_and_practice(app):
    from game.scenes.level_select import LevelSelectScene
    from game.scenes.title import TitleScene

    title = TitleScene(app)
    app.push(title)
    labels = [item.label for item in title.menu.items]
    assert "Campaign" in labels and any("Practice" in label for label in labels)
    title.practice()
    assert isinstance(app.scene, LevelSelectScene)
    # practice opens every level, even on a fresh profile (practice starts clean)
    assert len(app.scene.rows) == len(campaign_levels()) and not app.scene.locked
    app.frame(fixed_ticks=0)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)  # a first practice of a level opens with its briefing
    assert isinstance(app.scene, PlayScene) and app.scene.run.category == "practice"


def test_time_formats_are_exact():
    assert livesplit_time(1) == "00:00:00.0166666"
    assert livesplit_time(3600) == "00:01:00.0000000"
    assert livesplit_time(60 * 3723 + 30) == "01:02:03.5000000"
    assert format_delta(-75) == "-1.250" and format_delta(3750) == "+1:02.500"
    ticks = iter([10.0, 10.5, 12.25])
    clock = RtaClock(lambda: next(ticks))
    clock.start()
    assert clock.ms == 500
    clock.stop()
    assert clock.ms == 2250


def test_save_problems_reach_the_results_screen(app, levels):
    (app.data_dir / "replays").parent.mkdir(parents=True, exist_ok=True)
    (app.data_dir / "replays").write_text("a file where the replays folder should be")
    play = practice(app, levels[0])
    autopilot(play)
    play_out(app, play)
    assert play.run.result.problems and not play.run.result.saved
    results = to_results(app)
    assert any("cannot save" in text for text, _ in results.lines)
    results.run_menu.save_replay()
    assert "cannot save" in results.run_menu.notice


def test_campaign_results_offer_retry_this_level_and_it_replaces_the_segment(app, levels):
    run = Run.for_app(app, "campaign", levels)
    play = PlayScene(app, load_level(levels[0]), run=run)
    app.push(play)
    app.frame(fixed_ticks=40)  # dawdle: the first finish is slow
    autopilot(play)
    play_out(app, play)
    slow = play.sim.igt_ticks
    results = to_results(app)
    labels = [item.label for item in results.menu.items]
    assert labels[:2] == ["Next level", "Retry this level"]
    results.menu.items[1].action()
    assert app.scene is play and run.segments == [] and not run.finished
    autopilot(play)
    play_out(app, play)
    fast = play.sim.igt_ticks
    assert fast < slow
    assert [s["igt_ticks"] for s in run.segments] == [fast]  # the retry replaced it
    to_results(app).run_menu.next_level()
    app.frame(fixed_ticks=5)
    assert run.timer_view(app.scene.sim).campaign_ticks == fast + 5
