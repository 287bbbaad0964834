"""The replay viewer: plays the recorded run to the same end state, pauses, changes
speed, steps, shows the timer; the `replay` command's exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.app import App
from game.level import load_level
from game.scenes.replay_viewer import ReplayViewerScene, open_viewer
from game.sim import Simulation
from game.speedrun.campaign import campaign_levels, level_id
from game.speedrun.replay import EXTENSION, from_bytes

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "replays" / f"{level_id(campaign_levels()[0])}{EXTENSION}"


@pytest.fixture
def app(tmp_path):
    application = App(tmp_path / "data", headless=True)
    yield application
    pygame.display.quit()


def key(app: App, k: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode=""))
    app.frame(fixed_ticks=0)


def test_viewer_plays_pauses_speeds_up_and_ends_verified(app, tmp_path):
    assert open_viewer(app, GOLDEN) == ""
    viewer = app.scene
    assert isinstance(viewer, ReplayViewerScene)
    app.frame(fixed_ticks=10)
    assert viewer.cursor == 10
    key(app, pygame.K_SPACE)
    app.frame(fixed_ticks=30)
    assert viewer.cursor == 10 and viewer.paused
    key(app, pygame.K_PERIOD)
    assert viewer.cursor == 11
    key(app, pygame.K_SPACE)
    key(app, pygame.K_4)
    assert viewer.speed == 8
    app.frame(fixed_ticks=5)
    assert viewer.cursor == 51
    key(app, pygame.K_LEFT)
    assert viewer.speed == 4
    while not viewer.finished:
        app.frame(fixed_ticks=5)
    replay = from_bytes(GOLDEN.read_bytes())
    assert viewer.sim.state_hash() == replay.final["state_sha256"]
    assert viewer.status.startswith("Finished") and "matches" in viewer.status
    app.save_screenshot(tmp_path / "viewer.png")
    frame = pygame.surfarray.array3d(app.screen)
    assert len(np.unique(frame.reshape(-1, 3), axis=0)) > 50
    key(app, pygame.K_r)
    assert viewer.cursor == 0 and viewer.sim.state_hash() == \
        Simulation(load_level(campaign_levels()[0])).state_hash()
    key(app, pygame.K_ESCAPE)
    assert app.scene is not viewer


def test_viewer_refuses_what_is_not_a_replay(app, tmp_path):
    bad = tmp_path / "bad.rpl"
    bad.write_bytes(b"hello")
    problem = open_viewer(app, bad)
    assert "not_a_replay" in problem and app.scene is None


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), SDL_VIDEODRIVER="dummy",
               SDL_AUDIODRIVER="dummy")
    return subprocess.run([sys.executable, "-m", "game", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_replay_command_headless_and_its_errors(tmp_path):
    shot = tmp_path / "end.png"
    out = run_cli("--data-dir", str(tmp_path), "replay", str(GOLDEN), "--headless",
                  "--speed", "8", "--screenshot", str(shot))
    assert out.returncode == 0, out.stderr
    assert "matches the recording" in out.stdout and shot.stat().st_size > 1000
    garbage = tmp_path / "g.rpl"
    garbage.write_bytes(os.urandom(100))
    out = run_cli("replay", str(garbage), "--headless")
    assert out.returncode == 1 and "not_a_replay" in out.stderr
    assert "Traceback" not in out.stderr
    out = run_cli("replay", str(tmp_path / "none.rpl"), "--headless")
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_replay_browser_lists_watches_and_verifies_saved_replays(app):
    import shutil

    from game.scenes.level_select import LevelSelectScene
    from game.scenes.replay_browser import ReplayBrowserScene

    folder = app.data_dir / "replays"
    folder.mkdir(parents=True)
    shutil.copy(GOLDEN, folder / "run.rpl")
    (folder / "junk.rpl").write_bytes(b"junk")
    app.push(LevelSelectScene(app))
    key(app, pygame.K_TAB)
    browser = app.scene
    assert isinstance(browser, ReplayBrowserScene) and len(browser.files) == 2
    browser.index = browser.files.index(folder / "junk.rpl")
    assert "not_a_replay" in browser.rows[browser.index][1]
    key(app, pygame.K_v)
    assert "not valid" in browser.notice
    browser.index = browser.files.index(folder / "run.rpl")
    key(app, pygame.K_v)
    assert browser.notice.startswith("run.rpl: valid outcome=won")
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, ReplayViewerScene)
