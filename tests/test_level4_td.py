"""Level 4 as a tower defence, through the real play scene: the free camera (keys,
middle-drag, screen edges, H back to Elara), the clickable minimap, fast-forward that only
runs more ticks (IGT and the recorded replay are those of a 1x run), selecting,
inspecting and selling defences, the alerts, the crowd."""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.level import load_level
from game.paths import CAMPAIGN_DIR
from game.render.crowd import Crowd
from game.scenes.play import PlayScene
from game.sim import Simulation
from game.sim.commands import Build, Sell
from game.sim.components import Mural, Position
from game.sim.constants import SUBPX, TILE_PX
from game.sim.events import Event
from game.sim.swarm import events as sev
from game.sim.swarm.components import Barrier, Emitter
from tests.dronekit import put_structure

LEVEL4 = CAMPAIGN_DIR / "04_confrontation.tmx"


@pytest.fixture
def app(tmp_path):
    application = App(tmp_path, headless=True)
    yield application
    pygame.quit()


@pytest.fixture
def play(app):
    scene = PlayScene(app, load_level(LEVEL4))
    app.reset_to(scene)
    app.frame(fixed_ticks=0)
    return scene


def post(play, kind, **kw):
    play.handle_event(pygame.event.Event(kind, **kw))


def key(play, k, up=True):
    post(play, pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)
    if up:
        post(play, pygame.KEYUP, key=k, mod=0, unicode="", scancode=0)


def frames(app, n, ticks=0):
    for _ in range(n):
        app.frame(fixed_ticks=ticks)


def window(app, logical):
    """The window pixel at the middle of a logical pixel."""
    r = app._scale_rect
    return (r.x + logical[0] * app.scale + app.scale // 2,
            r.y + logical[1] * app.scale + app.scale // 2)


# -- camera ---------------------------------------------------------------------------
def test_keys_pan_the_camera_and_home_brings_it_back_to_elara(app, play):
    x0 = play.camera.x
    key(play, pygame.K_KP6, up=False)
    frames(app, 10)
    key(play, pygame.K_KP6)
    assert play.freecam.free and play.camera.x > x0 + 30
    frames(app, 5)
    assert play.camera.x > x0 + 30  # it stays where the player looked
    key(play, pygame.K_HOME)
    frames(app, 60)
    assert not play.freecam.free and abs(play.camera.x - x0) < 2


def test_middle_drag_and_screen_edges_move_the_view(app, play):
    y0 = play.camera.y
    post(play, pygame.MOUSEBUTTONDOWN, button=2, pos=window(app, (300, 200)))
    post(play, pygame.MOUSEMOTION, pos=window(app, (300, 150)), rel=(0, -50), buttons=(0, 1, 0))
    post(play, pygame.MOUSEBUTTONUP, button=2, pos=window(app, (300, 150)))
    assert play.freecam.free and play.camera.y > y0 + 20  # the map follows the hand
    play.freecam.home()
    frames(app, 60)
    x0 = play.camera.x
    post(play, pygame.MOUSEMOTION, pos=window(app, (639, 180)), rel=(1, 0), buttons=(0, 0, 0))
    frames(app, 8)
    assert play.camera.x > x0 + 20
    post(play, pygame.WINDOWLEAVE)
    x1 = play.camera.x
    frames(app, 8)
    assert play.camera.x == x1  # the mouse left the window: no more scrolling


def test_a_click_on_the_minimap_looks_there(app, play):
    mm = play.confront.minimap
    spot = (mm.rect.right - 3, mm.rect.centery)  # the east end of the map
    post(play, pygame.MOUSEBUTTONDOWN, button=1, pos=window(app, spot))
    assert play.freecam.free
    cx = play.camera.x + play.camera.view_w / 2
    assert play.camera.x == play.camera.world_w - play.camera.view_w or cx > 600
    assert not play.input.pending  # a look, not a build or a cast


# -- fast-forward -----------------------------------------------------------------------
def test_fast_forward_runs_more_ticks_only_and_records_the_same_run(app, play):
    key(play, pygame.K_PERIOD)
    key(play, pygame.K_PERIOD)
    assert play.confront.ui.speed == 3
    play.input.pending.append(Build("node", 0, 0))  # refused, but recorded on its tick
    frames(app, 20, ticks=1)
    assert play.sim.tick == 60  # 3 ticks per tick: IGT counts ticks, nothing else
    ref = Simulation(load_level(LEVEL4))
    recorded = play.run.attempt.recorder.ticks
    assert len(recorded) == 60
    for cmds in recorded:
        ref.step(cmds)
    assert ref.state_hash() == play.sim.state_hash()
    plain = Simulation(load_level(LEVEL4))
    plain.step([Build("node", 0, 0)])
    for _ in range(59):
        plain.step([])
    assert plain.state_hash() == play.sim.state_hash()  # as if played at 1x


def test_fast_forward_stops_when_a_wave_comes(app, play):
    key(play, pygame.K_PERIOD)
    assert play.confront.ticks_per_tick() == 2
    play.confront.on_events([Event(sev.WAVE_STARTED, 0, {"wave": 1})])
    assert play.confront.ui.speed == 1
    key(play, pygame.K_PERIOD)
    play.sim.conf.queue[0].append((0, 3))  # drones on their way: no fast-forward
    assert play.confront.ticks_per_tick() == 1


# -- defences -----------------------------------------------------------------------------
def test_hover_shows_an_emitter_and_x_sells_the_defence_under_the_mouse(app, play):
    put_structure(play.sim, "emitter", 21, 13)
    put_structure(play.sim, "barrier", 22, 13)
    play.mouse_tile = (21, 13)
    frames(app, 1)
    assert len(play.confront.ui.rects) >= 3  # wave panel, build menu, emitter panel
    key(play, pygame.K_y)
    assert Sell(21, 13) in play.input.pending
    spark = play.sim.state.stock["spark"]
    frames(app, 1, ticks=1)
    assert not play.sim.query(Emitter) and play.sim.state.stock["spark"] == spark + 1
    assert "Sold" in play.ui.message
    # click to select the barrier, then sell it with the mouse elsewhere
    post(play, pygame.MOUSEBUTTONDOWN, button=1,
         pos=window(app, (22 * TILE_PX + 8 - play.camera.offset[0],
                          13 * TILE_PX + 8 - play.camera.offset[1])))
    assert play.confront.ui.selected == (22, 13)
    play.mouse_tile = (1, 1)
    key(play, pygame.K_y)
    frames(app, 1, ticks=1)
    assert not play.sim.query(Barrier) and play.confront.ui.selected is None
    key(play, pygame.K_y)  # nothing there any more: said, not sent
    assert not play.input.pending and "sell" in play.ui.message


# -- alerts -------------------------------------------------------------------------------
def test_a_mural_hit_out_of_view_gets_an_arrow_and_the_next_spawns_are_marked(app, play):
    alerts = play.confront.alerts
    play.sim.conf.next_wave_tick = play.sim.tick + 60
    assert len(alerts.next_spawns()) == 1  # wave 1 comes from the west gate only
    murals = play.sim.query(Mural, Position)
    wall, pos = murals[-1][1]
    alerts.on_events([Event(sev.MURAL_HIT, 0, {"wall_id": wall.wall_id})])
    assert [m.wall_id for m, _, _ in alerts.under_attack()] == [wall.wall_id]
    play.freecam.look_at(0, 480)  # the bottom-left corner: the mural is off screen
    frames(app, 1)
    assert (pos.x // SUBPX - play.camera.offset[0] > 640
            or pos.y // SUBPX - play.camera.offset[1] < 0)
    before = app.screen.copy()
    alerts.attacked.clear()
    frames(app, 1)
    assert pygame.image.tobytes(before, "RGB") != pygame.image.tobytes(app.screen, "RGB")


# -- the crowd ----------------------------------------------------------------------------
def test_the_crowd_is_varied_and_steps_aside_for_elara(play):
    crowd: Crowd = play.view.drones.crowd
    looks = {pygame.image.tobytes(p[2], "RGBA") for p in crowd.people}
    assert len(crowd.people) >= 12 and len(looks) >= len(crowd.people) - 2
    person = crowd.people[len(crowd.people) // 2]
    player = play.sim.player()[1]
    player.x, player.y = person[0] * SUBPX, (person[1] - 4) * SUBPX
    for _ in range(30):
        sprites = crowd.sprites((0, 0), 0)
    i = crowd.people.index(person)
    _, _, (sx, _) = sprites[i]
    assert abs(sx + 8 - person[0] + 0) >= 10  # stepped aside from Elara's spot
    assert sprites[i][0] < player.y // SUBPX + play.sim.rules.hitbox_px[1] // 2


# -- HUD over the world: tests/test_hud_clear.py (every campaign level, this one too) ----
def test_tab_shortens_the_wave_line(app, play):
    frames(app, 1)
    wide = play.confront.ui.rects[0].width  # the wave line under the top bar
    key(play, pygame.K_TAB)
    frames(app, 1)
    assert play.confront.ui.rects[0].width < wide / 2


# -- the replay viewer ---------------------------------------------------------------------
def test_the_replay_viewer_has_the_free_camera_minimap_and_wave_panel(app):
    from pathlib import Path

    from game.scenes.replay_viewer import open_viewer

    golden = Path(__file__).parent / "replays" / "04_confrontation.rpl"
    assert open_viewer(app, golden) == ""
    viewer = app.scene
    frames(app, 3, ticks=1)
    assert viewer.wave_ui.rects and viewer.minimap is not None
    x0 = viewer.camera.x
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_KP6, mod=0, unicode=""))
    frames(app, 10, ticks=1)
    assert viewer.freecam.free and viewer.camera.x > x0 + 30
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=0, unicode=""))
    frames(app, 1)
    assert not viewer.wave_ui.folded
    assert not viewer.status.startswith("desync")
