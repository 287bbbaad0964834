"""Level 4, Confrontation: the map passes `check`, its golden replay wins headlessly,
an undefended plaza falls, and the play scene's controls and drawing of the swarm."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.app import App
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.scenes.play import PlayScene
from game.sim import Simulation
from game.sim.commands import Build, CallWave, Cast
from game.sim.constants import TILE
from game.sim.events import Event
from game.sim.swarm import events as sev
from game.speedrun.verify import verify_file

ROOT = Path(__file__).resolve().parent.parent
LEVEL4 = CAMPAIGN_DIR / "04_confrontation.tmx"
GOLDEN = ROOT / "tests" / "replays" / "04_confrontation.rpl"


def test_level4_passes_check():
    out = subprocess.run([sys.executable, "-m", "game", "check", str(LEVEL4)],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "warning" not in out.stdout


def test_level4_is_won_by_its_recorded_replay_headlessly():
    result = verify_file(GOLDEN)
    assert result.valid, result.line()
    assert result.outcome == "won"


def test_level4_undefended_is_lost():
    sim = Simulation(load_level(LEVEL4))
    while sim.outcome == "playing" and sim.tick < 60 * 60 * 5:
        sim.step([])
    assert sim.outcome == "lost"
    assert sim.conf.wave >= 1


@pytest.fixture
def app(tmp_path):
    application = App(tmp_path, headless=True)
    yield application
    pygame.quit()


def key(app: App, play: PlayScene, k: int) -> None:
    play.handle_event(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="",
                                         scancode=0))


def test_keys_pick_the_build_menu_abilities_and_the_next_wave(app):
    play = PlayScene(app, load_level(LEVEL4))
    app.reset_to(play)
    for k, kind in ((pygame.K_2, "barrier"), (pygame.K_3, "emitter"), (pygame.K_1, "node")):
        key(app, play, k)
        assert play.ui.build_mode and play.ui.build_kind == kind
        key(app, play, k)  # the same key again closes the menu
        assert not play.ui.build_mode
    key(app, play, pygame.K_n)
    assert CallWave() in play.input.pending
    key(app, play, pygame.K_c)
    assert play.confront.ui.aiming == "aegis"
    click = pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(100, 100))
    play.handle_event(click)
    casts = [c for c in play.input.pending if isinstance(c, Cast)]
    assert casts and casts[0].ability == "aegis" and not play.confront.ui.aiming
    key(app, play, pygame.K_2)
    play.handle_event(click)
    assert any(isinstance(c, Build) and c.kind == "barrier" for c in play.input.pending)


def test_drones_in_view_are_drawn_and_hits_shake_unless_turned_off(app):
    play = PlayScene(app, load_level(LEVEL4))
    app.reset_to(play)
    app.frame(fixed_ticks=1)
    ox, oy = play.camera.offset
    n = 50
    xs = np.full(n, (ox + 320) * 16)
    ys = (oy + 40 + np.arange(n) * 5) * 16
    play.sim.conf.swarm.spawn(xs, ys, np.arange(n) % 4, np.full(n, 99))
    app.frame(fixed_ticks=0)
    assert play.view.drones.draw_swarm(app.screen, play.camera.offset, 0) == n
    play.confront.on_events([Event(sev.MURAL_HIT, 1, {"wall_id": 1, "damage": 1,
                                                      "health": 9, "x": 10, "y": 10})])
    assert play.confront.fx.shake > 0 and play.confront.fx.flash > 0
    app.services.settings.settings.screen_shake = False  # the "Screen shake" setting, turned off
    play.confront.update()
    assert all(play.confront.offset((0, 0)) == (0, 0) for _ in range(20))


def test_a_mural_hit_shakes_the_camera_for_a_moment(app):
    play = PlayScene(app, load_level(LEVEL4))
    app.reset_to(play)
    fx = play.confront.fx
    fx.on_events([Event(sev.MURAL_DESTROYED, 1, {"wall_id": 1, "x": 5, "y": 5})])
    offsets = {fx.shaken((0, 0)) for _ in range(30)}
    assert len(offsets) > 1
    for _ in range(20):
        fx.update()
    assert fx.shaken((0, 0)) == (0, 0)


def test_tiles_are_256_subpixels():
    assert TILE == 256  # the swarm's tile arithmetic (// TILE) relies on it
