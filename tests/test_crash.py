"""A crash in the game loop: a report in the data dir (error, seed, map hash, the
attempt's replay), a friendly screen, back to the title; the replay crashes again."""

from __future__ import annotations

import json

import pygame
import pytest
from runkit import autopilot, two_levels

from game.app import App
from game.level import load_level
from game.scenes import crash
from game.scenes.crash import CrashScene, reproduce
from game.scenes.play import PlayScene
from game.scenes.title import TitleScene
from game.sim.world import Simulation
from game.speedrun.maphash import level_digest
from game.speedrun.replay import from_bytes

CRASH_TICK = 47


@pytest.fixture
def app(tmp_path):
    application = App(tmp_path / "data", headless=True)
    crash.install(application)
    yield application
    pygame.display.quit()


@pytest.fixture
def broken_sim(monkeypatch):
    """A simulation bug that strikes at one tick, whoever runs it."""
    real = Simulation.step

    def step(self, commands):
        if self.tick + 1 == CRASH_TICK:
            raise ZeroDivisionError("a bug in the rules")
        return real(self, commands)

    monkeypatch.setattr(Simulation, "step", step)


def test_a_crash_writes_a_report_shows_a_screen_and_returns_to_the_title(
        app, tmp_path, broken_sim):
    level = load_level(two_levels(tmp_path / "maps")[0])
    play = PlayScene(app, level)
    app.push(play)
    autopilot(play)
    for _ in range(60):
        app.guarded_frame(fixed_ticks=1)
    assert isinstance(app.scene, CrashScene)
    reports = sorted((app.data_dir / "crashes").glob("crash-*.json"))
    assert len(reports) == 1
    report = json.loads(reports[0].read_text(encoding="utf-8"))
    assert report["error"] == "ZeroDivisionError: a bug in the rules"
    assert "Traceback" in report["traceback"] and report["scene"] == "PlayScene"
    assert report["seed"] == level.seed and report["tick"] == CRASH_TICK - 1
    assert report["map_sha256"] == level_digest(level).sha256
    replay = from_bytes((reports[0].parent / report["replay"]).read_bytes())
    assert len(replay.ticks) == CRASH_TICK  # up to and including the tick that crashed
    # the replay reproduces the crash, at the same tick
    again = reproduce(replay, level)
    assert again is not None and again[0] == CRASH_TICK
    assert isinstance(again[1], ZeroDivisionError)
    # the friendly screen draws, and Enter goes back to the title
    app.guarded_frame(fixed_ticks=0)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0,
                                         unicode="\r"))
    app.guarded_frame(fixed_ticks=0)
    assert isinstance(app.scene, TitleScene) and app.running


def test_the_replay_runs_through_without_the_bug(app, tmp_path, broken_sim, monkeypatch):
    level = load_level(two_levels(tmp_path / "maps")[0])
    app.push(PlayScene(app, level))
    for _ in range(60):
        app.guarded_frame(fixed_ticks=1)
    report = json.loads(next((app.data_dir / "crashes").glob("*.json")).read_text())
    replay = from_bytes((app.data_dir / "crashes" / report["replay"]).read_bytes())
    monkeypatch.undo()  # the bug fixed: the same commands play on
    assert reproduce(replay, level) is None


def test_a_crash_on_the_crash_screen_is_not_swallowed(app):
    class Broken(CrashScene):
        def draw(self, surface):
            raise RuntimeError("drawing the crash screen failed")

    app.push(Broken(app, app.data_dir / "x.json"))
    with pytest.raises(RuntimeError):
        app.guarded_frame(fixed_ticks=0)


def test_without_a_handler_errors_propagate(tmp_path):
    plain = App(tmp_path / "d", headless=True)
    try:
        class Boom(TitleScene):
            def update(self):
                raise KeyError("x")

        plain.push(Boom(plain))
        with pytest.raises(KeyError):
            plain.guarded_frame(fixed_ticks=0)
    finally:
        pygame.display.quit()
